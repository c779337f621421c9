import { isFinalTicketStatus, REMEDIES, SERVICE_CATEGORIES, TICKET_PRIORITIES, type Ticket } from '@aftercare/shared';
import { useEffect, useState } from 'preact/hooks';
import { SelectField, TextField } from '../../components/TicketParts/form-fields.js';
import { FormMessage, type FormNotice } from '../../components/TicketParts/form-message.js';
import { remedyText, ticketErrorText } from '../../components/TicketParts/ticket-text.js';
import { isCovered } from '../../components/TicketParts/warranty-check.js';
import { useI18n } from '../../lib/i18n.js';
import { useTicketBoard } from '../../lib/tickets/ticket-board-context.js';

type Fields = Pick<
  Ticket,
  'serialNumber' | 'purchaseDate' | 'orderNumber' | 'fault' | 'remedy' | 'category' | 'priority'
>;

const fieldsOf = (ticket: Ticket): Fields => ({
  serialNumber: ticket.serialNumber,
  purchaseDate: ticket.purchaseDate,
  orderNumber: ticket.orderNumber,
  fault: ticket.fault,
  remedy: ticket.remedy,
  category: ticket.category,
  priority: ticket.priority,
});

/** Only the fields that differ from the stored ticket, with blanks as "cleared". */
function changesOf(ticket: Ticket, fields: Fields): Partial<Fields> {
  const changes: Partial<Fields> = {};
  for (const key of Object.keys(fields) as (keyof Fields)[]) {
    const value =
      typeof fields[key] === 'string' && (fields[key] as string).trim() === '' && key !== 'fault' ? null : fields[key];
    if (value !== ticket[key])
      (changes as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
  }
  return changes;
}

/**
 * The registration details (serial, purchase date, order, fault, remedy, category, priority). A
 * remedy the warranty refuses can be granted as an exception with a reason; changing the purchase
 * date re-runs the warranty check on the server.
 */
export function DetailsForm({ ticket }: { ticket: Ticket }) {
  const i18n = useI18n();
  const { t } = i18n;
  const board = useTicketBoard();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(ticket));
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<FormNotice>(null);
  const [busy, setBusy] = useState(false);
  const locked = isFinalTicketStatus(ticket.status);

  // A newer version arrived (a colleague, or our own save): show it.
  useEffect(() => setFields(fieldsOf(ticket)), [ticket.version]);

  const set = <K extends keyof Fields>(key: K, value: Fields[K]) =>
    setFields((current) => ({ ...current, [key]: value }));
  const refusedUnderWarranty =
    fields.category === 'warranty' &&
    !isCovered(ticket.warranty, fields.remedy, ticket.warrantyOverride) &&
    fields.purchaseDate === ticket.purchaseDate;

  async function save(event: Event) {
    event.preventDefault();
    const changes = changesOf(ticket, fields);
    const exception = refusedUnderWarranty && reason.trim() !== '';
    if (!exception && Object.keys(changes).length === 0) {
      setMessage({ text: t('tickets.detail.saved'), error: false });
      return;
    }
    setBusy(true);
    let result = exception
      ? await board.overrideWarranty(ticket, fields.remedy, reason.trim())
      : await board.updateDetails(ticket, changes);
    // The exception stored remedy and category; the other edits follow on the new version.
    if (exception && result.ok) {
      const rest = changesOf(result.ticket, fields);
      if (Object.keys(rest).length > 0) result = await board.updateDetails(result.ticket, rest);
    }
    setBusy(false);
    setMessage(
      result.ok
        ? { text: t('tickets.detail.saved'), error: false }
        : { text: ticketErrorText(i18n, result.error), error: true },
    );
    if (result.ok) setReason('');
  }

  const text = (key: 'serialNumber' | 'orderNumber' | 'purchaseDate', label: string, type = 'text') => (
    <TextField
      id={`ticket-${key}`}
      label={label}
      type={type}
      disabled={locked}
      value={fields[key] ?? ''}
      onInput={(value) => set(key, value)}
    />
  );

  return (
    <form class="ticket-detail__section" aria-labelledby="ticket-details-heading" onSubmit={save}>
      <h3 id="ticket-details-heading">{t('tickets.detail.details')}</h3>
      <div class="ticket-detail__grid">
        {text('serialNumber', t('tickets.create.serial'))}
        {text('purchaseDate', t('tickets.create.purchaseDate'), 'date')}
        {text('orderNumber', t('tickets.create.order'))}
      </div>
      <label class="field" for="ticket-detail-fault">
        <span class="field__label">{t('tickets.create.fault')}</span>
        <textarea
          id="ticket-detail-fault"
          class="field__input"
          rows={3}
          disabled={locked}
          value={fields.fault}
          onInput={(event) => set('fault', event.currentTarget.value)}
        />
      </label>
      <div class="ticket-detail__grid">
        <SelectField
          label={t('tickets.create.remedy')}
          id="ticket-detail-remedy"
          value={fields.remedy}
          disabled={locked}
          options={REMEDIES.map((remedy) => [remedy, remedyText(i18n, remedy)])}
          onChange={(v) => set('remedy', v as Fields['remedy'])}
        />
        <SelectField
          label={t('tickets.create.category')}
          id="ticket-detail-category"
          value={fields.category}
          disabled={locked}
          options={SERVICE_CATEGORIES.map((category) => [category, t(`tickets.category.${category}`)])}
          onChange={(v) => set('category', v as Fields['category'])}
        />
        <SelectField
          label={t('tickets.create.priority')}
          id="ticket-detail-priority"
          value={fields.priority}
          disabled={locked}
          options={TICKET_PRIORITIES.map((priority) => [priority, t(`tickets.priority.${priority}`)])}
          onChange={(v) => set('priority', v as Fields['priority'])}
        />
      </div>
      {refusedUnderWarranty && !locked && (
        <label class="field" for="ticket-detail-override">
          <span class="ticket-detail__hint">
            {t('tickets.warranty.notCovered', { remedy: remedyText(i18n, fields.remedy) })}
          </span>
          <span class="field__label">{t('tickets.create.overrideReason')}</span>
          <input
            id="ticket-detail-override"
            class="field__input"
            value={reason}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
        </label>
      )}
      {!locked && (
        <button type="submit" class="button button--primary" disabled={busy}>
          {refusedUnderWarranty && reason.trim() ? t('tickets.warranty.override') : t('tickets.detail.save')}
        </button>
      )}
      <FormMessage message={message} />
    </form>
  );
}
