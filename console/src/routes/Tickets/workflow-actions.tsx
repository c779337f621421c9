import { isFinalTicketStatus, TICKET_TRANSITIONS, type Ticket } from '@aftercare/shared';
import { useState } from 'preact/hooks';
import { statusText, ticketErrorText } from '../../components/TicketParts/ticket-text.js';
import { useI18n } from '../../lib/i18n.js';
import { useTicketBoard } from '../../lib/tickets/ticket-board-context.js';

/** The moves the workflow allows from the ticket's status, each one button, with an optional note. */
export function WorkflowActions({ ticket }: { ticket: Ticket }) {
  const i18n = useI18n();
  const { t } = i18n;
  const board = useTicketBoard();
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  if (isFinalTicketStatus(ticket.status)) {
    return (
      <p class="ticket-detail__final">{t('tickets.workflow.final', { status: statusText(i18n, ticket.status) })}</p>
    );
  }

  async function move(to: Ticket['status']) {
    setBusy(true);
    const result = await board.move(ticket, to, note.trim() || undefined);
    setBusy(false);
    setError(result.ok ? '' : ticketErrorText(i18n, result.error));
    if (result.ok) setNote('');
  }

  return (
    <section class="ticket-detail__section ticket-workflow" aria-labelledby="ticket-workflow-heading">
      <h3 id="ticket-workflow-heading">{t('tickets.workflow.title')}</h3>
      <label class="field" for="ticket-move-note">
        <span class="field__label">{t('tickets.workflow.noteLabel')}</span>
        <input
          id="ticket-move-note"
          class="field__input"
          value={note}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </label>
      <div class="ticket-workflow__buttons">
        {TICKET_TRANSITIONS[ticket.status].map((to) => (
          <button
            key={to}
            type="button"
            class={to === 'cancelled' ? 'button' : 'button button--primary'}
            disabled={busy}
            onClick={() => void move(to)}
          >
            {t('tickets.workflow.moveTo', { status: statusText(i18n, to) })}
          </button>
        ))}
      </div>
      <p class="ticket-detail__error" role="alert">
        {error}
      </p>
    </section>
  );
}
