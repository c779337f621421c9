import type { Ticket, TicketEvent, TicketStatus } from '@aftercare/shared';
import { useState } from 'preact/hooks';
import { personName, statusText, ticketErrorText } from '../../components/TicketParts/ticket-text.js';
import { type I18n, useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import { useTicketBoard } from '../../lib/tickets/ticket-board-context.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';

const selectAgents = (state: WorkspaceState) => state.directory.agents;
type Agents = WorkspaceState['directory']['agents'];

/** One timeline line in words: who did what (statuses and people by name). */
export function describeEvent(i18n: I18n, agents: Agents, event: TicketEvent): string {
  const who = event.actor.kind === 'system' ? i18n.t('tickets.timeline.system') : (event.actor.name ?? event.actor.id);
  const status = (value: string | null) => (value ? statusText(i18n, value as TicketStatus) : '');
  const person = (value: string | null) => personName(i18n, agents, value);
  switch (event.kind) {
    case 'status-changed':
      return i18n.t('tickets.timeline.status-changed', { who, from: status(event.from), to: status(event.to) });
    case 'assigned':
    case 'technician-assigned':
      return i18n.t(`tickets.timeline.${event.kind}`, { who, to: person(event.to) });
    case 'warranty-overridden':
      return i18n.t('tickets.timeline.warranty-overridden', {
        who,
        to: event.to ? i18n.t(`tickets.remedy.${event.to as 'repair'}`) : '',
      });
    case 'repair-card-updated':
    case 'details-updated':
      return i18n.t(`tickets.timeline.${event.kind}`, { who, note: event.note ?? '' });
    case 'created':
    case 'note-added':
      return i18n.t(`tickets.timeline.${event.kind}`, { who });
    default:
      return i18n.t('tickets.timeline.escalated');
  }
}

/** Every change, assignment and note with who and when, oldest first, and a box to add a note. */
export function TicketTimeline({
  workspace,
  ticket,
  timeline,
}: {
  workspace: Workspace;
  ticket: Ticket;
  timeline: TicketEvent[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const board = useTicketBoard();
  const agents = useStore(workspace.store, selectAgents);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');

  async function addNote(event: Event) {
    event.preventDefault();
    if (!note.trim()) return;
    const result = await board.note(ticket, note.trim());
    setError(result.ok ? '' : ticketErrorText(i18n, result.error));
    if (result.ok) setNote('');
  }

  return (
    <section class="ticket-detail__section" aria-labelledby="ticket-timeline-heading">
      <h3 id="ticket-timeline-heading">{t('tickets.timeline.title')}</h3>
      <ol class="ticket-timeline">
        {timeline.map((event) => (
          <li key={event.id} class="ticket-timeline__item">
            <time dateTime={new Date(event.at).toISOString()} class="ticket-timeline__time">
              {i18n.formatTime(event.at)}
            </time>{' '}
            <span>{describeEvent(i18n, agents, event)}</span>
            {event.note && event.kind !== 'details-updated' && event.kind !== 'repair-card-updated' && (
              <q class="ticket-timeline__note">{event.note}</q>
            )}
          </li>
        ))}
      </ol>
      <form class="ticket-timeline__add" onSubmit={addNote}>
        <label class="field" for="ticket-note">
          <span class="field__label">{t('tickets.timeline.noteLabel')}</span>
          <textarea
            id="ticket-note"
            class="field__input"
            rows={2}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button" disabled={!note.trim()}>
          {t('tickets.timeline.addNote')}
        </button>
      </form>
      <p class="ticket-detail__error" role="alert">
        {error}
      </p>
    </section>
  );
}
