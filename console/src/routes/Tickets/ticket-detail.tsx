import { AskRating } from '../../components/AskRating/index.js';
import { PromiseBadge } from '../../components/TicketParts/promise-badge.js';
import { TicketStatusChip } from '../../components/TicketParts/status-chip.js';
import { WarrantyCheckView } from '../../components/TicketParts/warranty-check.js';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { TicketBoardState } from '../../lib/tickets/ticket-board.js';
import { useTicketBoard } from '../../lib/tickets/ticket-board-context.js';
import { useNow } from '../../lib/use-now.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { DetailsForm } from './details-form.js';
import { PeopleForm } from './people-form.js';
import { RepairCardForm } from './repair-card-form.js';
import { TicketTimeline } from './ticket-timeline.js';
import { WorkflowActions } from './workflow-actions.js';

const selectOpen = (state: TicketBoardState) => state.open;
const selectAgents = (state: WorkspaceState) => state.directory.agents;

/** One ticket: status and promises, the workflow, details, warranty, people, repair card, photos and timeline. */
export function TicketDetail({ workspace }: { workspace: Workspace }) {
  const i18n = useI18n();
  const { t } = i18n;
  const board = useTicketBoard();
  const open = useStore(board.store, selectOpen);
  const agents = useStore(workspace.store, selectAgents);
  const now = useNow(30_000);

  if (!open || (open.status === 'loading' && !open.ticket)) return <p role="status">{t('tickets.detail.loading')}</p>;
  if (open.status === 'missing') return <p role="alert">{t('tickets.detail.missing')}</p>;
  if (!open.ticket) return <p role="alert">{t('tickets.detail.failed')}</p>;
  const ticket = open.ticket;

  return (
    <article class="ticket-detail" aria-labelledby="ticket-detail-title">
      <header class="ticket-detail__header">
        <a class="ticket-detail__back" href="#/tickets">
          {t('tickets.detail.back')}
        </a>
        <h2 id="ticket-detail-title" class="ticket-detail__title">
          {ticket.number} · {ticket.product?.name ?? t('tickets.noProduct')}
        </h2>
        <TicketStatusChip status={ticket.status} />
        <span class="ticket-detail__meta">
          {t('tickets.detail.created', { time: i18n.formatTime(ticket.createdAt) })}
        </span>
        <AskRating key={ticket.id} workspace={workspace} target={{ ticketId: ticket.id }} />
        {ticket.conversationId && (
          <button
            type="button"
            class="button button--small"
            onClick={() => {
              workspace.openConversation(ticket.conversationId as string);
              location.hash = '#/inbox';
            }}
          >
            {t('tickets.detail.customerChat')}
          </button>
        )}
      </header>
      <p class="ticket-detail__promises">
        <PromiseBadge
          label={t('tickets.promise.answer')}
          since={ticket.createdAt}
          dueAt={ticket.promises.answerDueAt}
          doneAt={ticket.promises.answeredAt}
          now={now}
        />{' '}
        <PromiseBadge
          label={t('tickets.promise.resolution')}
          since={ticket.createdAt}
          dueAt={ticket.promises.resolutionDueAt}
          doneAt={ticket.promises.resolvedAt}
          now={now}
        />
        {ticket.promises.escalatedAt !== null && (
          <span class="ticket-detail__escalated">
            {' '}
            {t('tickets.promise.escalated', { time: i18n.formatTime(ticket.promises.escalatedAt) })}
          </span>
        )}
      </p>
      <WorkflowActions ticket={ticket} />
      <div class="ticket-detail__columns">
        <div class="ticket-detail__column">
          <DetailsForm ticket={ticket} />
          <section class="ticket-detail__section" aria-labelledby="ticket-warranty-heading">
            <h3 id="ticket-warranty-heading">{t('tickets.warranty.title')}</h3>
            <WarrantyCheckView
              check={ticket.warranty}
              chosen={ticket.remedy}
              override={ticket.warrantyOverride}
              agents={agents}
            />
          </section>
          {ticket.photos.length > 0 && (
            <section class="ticket-detail__section" aria-labelledby="ticket-photos-heading">
              <h3 id="ticket-photos-heading">{t('tickets.detail.photos')}</h3>
              <ul class="ticket-detail__photos">
                {ticket.photos.map((photo) => (
                  <li key={photo.id}>
                    <a href={photo.url} target="_blank" rel="noopener noreferrer">
                      <img src={photo.url} alt={photo.name} width={96} height={96} loading="lazy" />
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <div class="ticket-detail__column">
          <PeopleForm workspace={workspace} ticket={ticket} />
          <RepairCardForm ticket={ticket} />
          <TicketTimeline workspace={workspace} ticket={ticket} timeline={open.timeline} />
        </div>
      </div>
    </article>
  );
}
