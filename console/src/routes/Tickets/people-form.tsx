import { isFinalTicketStatus, type Ticket } from '@aftercare/shared';
import { useState } from 'preact/hooks';
import { ticketErrorText } from '../../components/TicketParts/ticket-text.js';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import { useTicketBoard } from '../../lib/tickets/ticket-board-context.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';

const selectAgents = (state: WorkspaceState) => state.directory.agents;

/** Who owns the ticket and which technician repairs it; each change is stored at once. */
export function PeopleForm({ workspace, ticket }: { workspace: Workspace; ticket: Ticket }) {
  const i18n = useI18n();
  const { t } = i18n;
  const board = useTicketBoard();
  const agents = useStore(workspace.store, selectAgents);
  const [error, setError] = useState('');
  const locked = isFinalTicketStatus(ticket.status);
  const people = Object.values(agents)
    .filter((agent) => agent.active || agent.id === ticket.assigneeId || agent.id === ticket.technicianId)
    .sort((a, b) => a.name.localeCompare(b.name));

  async function assign(role: 'assigneeId' | 'technicianId', agentId: string) {
    const result = await board.assign(ticket, { [role]: agentId || null });
    setError(result.ok ? '' : ticketErrorText(i18n, result.error));
  }

  const select = (role: 'assigneeId' | 'technicianId', label: string) => (
    <label class="field" for={`ticket-${role}`}>
      <span class="field__label">{label}</span>
      <select
        id={`ticket-${role}`}
        class="field__input"
        disabled={locked}
        value={ticket[role] ?? ''}
        onChange={(event) => void assign(role, event.currentTarget.value)}
      >
        <option value="">{t('tickets.nobody')}</option>
        {people.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section class="ticket-detail__section" aria-labelledby="ticket-people-heading">
      <h3 id="ticket-people-heading">{t('tickets.detail.people')}</h3>
      <div class="ticket-detail__grid">
        {select('assigneeId', t('tickets.detail.assignee'))}
        {select('technicianId', t('tickets.create.technician'))}
      </div>
      <p class="ticket-detail__error" role="alert">
        {error}
      </p>
    </section>
  );
}
