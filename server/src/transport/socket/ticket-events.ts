import type { Agent, Ticket, TicketEvent, TicketListPayload } from '@aftercare/shared';
import { schemas } from '@aftercare/shared/schemas';
import type { Clock } from '../../domain/clock.js';
import type { TicketListFilter } from '../../domain/tickets/ticket-repository.js';
import type { TicketService } from '../../domain/tickets/ticket-service.js';
import { toVisitorTicket } from '../../domain/tickets/visitor-ticket.js';
import { customerRoom, tenantRoom } from './broadcaster.js';
import { defineHandler, type HandlerContext } from './define-handler.js';
import type { AgentSocket, VisitorNamespace } from './namespaces.js';

/** Called after every stored ticket change (follow-ups, rating requests and alerts hang off it). */
export type TicketChangeListener = (change: { ticket: Ticket; events: TicketEvent[]; previous: Ticket | null }) => void;

export interface TicketEventDeps {
  tickets: TicketService;
  visitorNamespace: VisitorNamespace;
  clock: Clock;
  context: HandlerContext;
  /** Reactions to ticket changes; failures there are theirs to log, never the caller's. */
  ticketChanged?: TicketChangeListener;
}

const DEFAULT_PAGE = 50;

/** A console list view as a repository filter. */
export function ticketFilter(agent: Agent, payload: TicketListPayload, now: number): TicketListFilter {
  const filter: TicketListFilter = {};
  if (payload.statuses) filter.statuses = payload.statuses;
  if (payload.technicianId) filter.technicianId = payload.technicianId;
  if (payload.customerId) filter.customerId = payload.customerId;
  if (payload.query) filter.text = payload.query;
  if (payload.view === 'mine') filter.assigneeId = agent.id;
  if (payload.view === 'overdue') filter.overdueAt = now;
  if (payload.view === 'escalated') filter.escalated = true;
  return filter;
}

/**
 * The console's repair tickets (`ticket:*`). Every stored change is told to the tenant's consoles
 * (`ticket:updated`, with the timeline lines it added) and to the shopper's widget tabs in the
 * shopper's own terms (no notes, people or costs), then to the after-sales reactions.
 */
export function registerTicketEvents(socket: AgentSocket, deps: TicketEventDeps): void {
  const { tickets, visitorNamespace, clock, context } = deps;
  const on = socket as unknown as Parameters<typeof defineHandler>[0];
  const { agent } = socket.data;

  const publish = (previous: Ticket | null, change: { ticket: Ticket; events: TicketEvent[] }) => () => {
    const { ticket, events } = change;
    // The caller's other tabs and colleagues; the caller has the ticket in its ack.
    socket.to(tenantRoom(ticket.tenantId)).emit('ticket:updated', { ticket, events });
    if (previous === null || previous.status !== ticket.status) {
      void tickets.timelineOf(ticket).then(
        (timeline) =>
          visitorNamespace
            .to(customerRoom(ticket.customerId))
            .emit('ticket:updated', { ticket: toVisitorTicket(ticket, timeline) }),
        (error: unknown) => context.logger.warn('ticket push to shopper failed', { ticketId: ticket.id, error }),
      );
    }
    deps.ticketChanged?.({ ...change, previous });
  };

  /** Runs a change, remembering the version before it for the listeners. */
  const change = async (ticketId: string, run: () => Promise<{ ticket: Ticket; events: TicketEvent[] }>) => {
    const previous = await tickets.load(agent, ticketId);
    const result = await run();
    return {
      data: { ticket: result.ticket },
      broadcast: result.events.length > 0 ? publish(previous, result) : undefined,
    };
  };

  defineHandler(on, context, 'ticket:create', schemas.ticketCreate, async (input) => {
    const result = await tickets.createFromConversation(agent, input);
    const events = result.created ? await tickets.timelineOf(result.ticket) : [];
    return { data: result, broadcast: result.created ? publish(null, { ticket: result.ticket, events }) : undefined };
  });

  defineHandler(on, context, 'ticket:get', schemas.ticketRef, async ({ ticketId }) => ({
    data: await tickets.get(agent, ticketId),
  }));

  defineHandler(on, context, 'ticket:for-conversation', schemas.ticketForConversation, async ({ conversationId }) => ({
    data: { ticket: await tickets.forConversation(agent, conversationId) },
  }));

  defineHandler(on, context, 'ticket:list', schemas.ticketList, async (payload) => ({
    data: {
      tickets: await tickets.list(agent, ticketFilter(agent, payload, clock.now()), {
        ...(payload.after ? { after: payload.after } : {}),
        limit: payload.limit ?? DEFAULT_PAGE,
      }),
    },
  }));

  defineHandler(on, context, 'ticket:update', schemas.ticketUpdate, (input) =>
    change(input.ticketId, () => tickets.updateDetails(agent, input)),
  );
  defineHandler(on, context, 'ticket:move', schemas.ticketMove, (input) =>
    change(input.ticketId, () => tickets.changeStatus(agent, input)),
  );
  defineHandler(on, context, 'ticket:assign', schemas.ticketAssign, (input) =>
    change(input.ticketId, () => tickets.assign(agent, input)),
  );
  defineHandler(on, context, 'ticket:note', schemas.ticketNote, (input) =>
    change(input.ticketId, () => tickets.addNote(agent, input)),
  );
  defineHandler(on, context, 'ticket:repair-card', schemas.ticketRepairCard, (input) =>
    change(input.ticketId, () => tickets.updateRepairCard(agent, input)),
  );
  defineHandler(on, context, 'ticket:override-warranty', schemas.ticketOverrideWarranty, (input) =>
    change(input.ticketId, () => tickets.overrideWarranty(agent, input)),
  );
}
