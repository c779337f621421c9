import { isFinalTicketStatus, type PartUsed, type Ticket } from '@aftercare/shared';
import { useEffect, useState } from 'preact/hooks';
import { FormMessage, type FormNotice } from '../../components/TicketParts/form-message.js';
import { ticketErrorText } from '../../components/TicketParts/ticket-text.js';
import { useI18n } from '../../lib/i18n.js';
import { useTicketBoard } from '../../lib/tickets/ticket-board-context.js';

interface PartRow {
  key: number;
  name: string;
  partNumber: string;
  quantity: string;
}

let nextKey = 0;
const toRow = (part: PartUsed): PartRow => ({
  key: nextKey++,
  name: part.name,
  partNumber: part.partNumber ?? '',
  quantity: String(part.quantity),
});

/** The repair card (修护卡): parts used, labour time and the technician's notes. */
export function RepairCardForm({ ticket }: { ticket: Ticket }) {
  const i18n = useI18n();
  const { t } = i18n;
  const board = useTicketBoard();
  const [parts, setParts] = useState<PartRow[]>(() => ticket.repairCard.parts.map(toRow));
  const [labour, setLabour] = useState(String(ticket.repairCard.labourMinutes));
  const [notes, setNotes] = useState(ticket.repairCard.technicianNotes);
  const [message, setMessage] = useState<FormNotice>(null);
  const locked = isFinalTicketStatus(ticket.status);

  useEffect(() => {
    setParts(ticket.repairCard.parts.map(toRow));
    setLabour(String(ticket.repairCard.labourMinutes));
    setNotes(ticket.repairCard.technicianNotes);
  }, [ticket.version]);

  const update = (key: number, change: Partial<PartRow>) =>
    setParts((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  async function save(event: Event) {
    event.preventDefault();
    const repairCard = {
      parts: parts
        .filter((row) => row.name.trim())
        .map((row) => ({
          name: row.name.trim(),
          partNumber: row.partNumber.trim() || null,
          quantity: Math.max(1, Math.round(Number(row.quantity) || 1)),
        })),
      labourMinutes: Math.max(0, Math.round(Number(labour) || 0)),
      technicianNotes: notes,
    };
    const result = await board.saveRepairCard(ticket, repairCard);
    setMessage(
      result.ok
        ? { text: t('tickets.detail.saved'), error: false }
        : { text: ticketErrorText(i18n, result.error), error: true },
    );
  }

  return (
    <form class="ticket-detail__section" aria-labelledby="ticket-repair-heading" onSubmit={save}>
      <h3 id="ticket-repair-heading">{t('tickets.repair.title')}</h3>
      <fieldset class="repair-card__parts" disabled={locked}>
        <legend class="field__label">{t('tickets.repair.parts')}</legend>
        {parts.length === 0 && <p class="ticket-detail__hint">{t('tickets.repair.noParts')}</p>}
        {parts.map((row, index) => (
          <div key={row.key} class="repair-card__part">
            <label class="field">
              <span class="field__label">{t('tickets.repair.partName')}</span>
              <input
                class="field__input"
                value={row.name}
                onInput={(e) => update(row.key, { name: e.currentTarget.value })}
              />
            </label>
            <label class="field">
              <span class="field__label">{t('tickets.repair.partNumber')}</span>
              <input
                class="field__input"
                value={row.partNumber}
                onInput={(e) => update(row.key, { partNumber: e.currentTarget.value })}
              />
            </label>
            <label class="field repair-card__quantity">
              <span class="field__label">{t('tickets.repair.quantity')}</span>
              <input
                class="field__input"
                type="number"
                min={1}
                max={1000}
                value={row.quantity}
                onInput={(e) => update(row.key, { quantity: e.currentTarget.value })}
              />
            </label>
            <button
              type="button"
              class="button button--small"
              aria-label={t('tickets.repair.removePart', { name: row.name || String(index + 1) })}
              onClick={() => setParts((rows) => rows.filter((item) => item.key !== row.key))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          class="button button--small"
          onClick={() => setParts((rows) => [...rows, { key: nextKey++, name: '', partNumber: '', quantity: '1' }])}
        >
          {t('tickets.repair.addPart')}
        </button>
      </fieldset>
      <div class="ticket-detail__grid">
        <label class="field" for="repair-labour">
          <span class="field__label">{t('tickets.repair.labour')}</span>
          <input
            id="repair-labour"
            class="field__input"
            type="number"
            min={0}
            disabled={locked}
            value={labour}
            onInput={(e) => setLabour(e.currentTarget.value)}
          />
        </label>
      </div>
      <label class="field" for="repair-notes">
        <span class="field__label">{t('tickets.repair.notes')}</span>
        <textarea
          id="repair-notes"
          class="field__input"
          rows={3}
          disabled={locked}
          value={notes}
          onInput={(e) => setNotes(e.currentTarget.value)}
        />
      </label>
      {!locked && (
        <button type="submit" class="button button--primary">
          {t('tickets.repair.save')}
        </button>
      )}
      <FormMessage message={message} />
    </form>
  );
}
