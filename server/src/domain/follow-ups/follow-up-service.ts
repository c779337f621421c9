import {
  type Agent,
  FOLLOW_UP_PAGE_SIZE,
  type FollowUp,
  type FollowUpCompletePayload,
  type FollowUpListPayload,
  type FollowUpPolicy,
  type Ticket,
} from '@aftercare/shared';
import { newId } from '../../lib/tokens.js';
import type { Clock } from '../clock.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import { AftercareError } from '../errors.js';
import type { FollowUpRepository } from './follow-up-repository.js';
import { planFollowUps } from './follow-up-schedule.js';

export interface FollowUpServiceDeps {
  followUps: FollowUpRepository;
  customers: Pick<CustomerRepository, 'getById'>;
  policyFor: (siteId: string) => Promise<FollowUpPolicy>;
  clock: Clock;
}

export interface FollowUpPage {
  followUps: FollowUp[];
  hasMore: boolean;
  /** Each listed customer's name (null when the shopper never gave one), so the console needs no lookup. */
  customerNames: Record<string, string | null>;
}

/**
 * Follow-up calls on closed repairs (回访). They are rows with due times, so "what is due" is a
 * query against the clock: nothing is held in memory, and a restart loses nothing.
 */
export function createFollowUpService(deps: FollowUpServiceDeps) {
  const { followUps, clock } = deps;

  return {
    /** Schedules the ticket's two follow-ups from its closing time; scheduling again keeps the first ones. */
    async scheduleForTicket(ticket: Ticket): Promise<FollowUp[]> {
      const policy = await deps.policyFor(ticket.siteId);
      const now = clock.now();
      const planned = planFollowUps(ticket.closedAt ?? now, policy);
      return followUps.schedule(
        planned.map(({ sequence, dueAt, lateAt }) => ({
          id: newId(),
          tenantId: ticket.tenantId,
          siteId: ticket.siteId,
          ticketId: ticket.id,
          ticketNumber: ticket.number,
          customerId: ticket.customerId,
          product: ticket.product,
          sequence,
          dueAt,
          lateAt,
          status: 'pending',
          outcome: null,
          note: null,
          doneBy: null,
          doneAt: null,
          createdAt: now,
        })),
      );
    },

    /** One page of the caller's tenant's due, upcoming or done follow-ups. */
    async list(agent: Agent, { view, page = 1 }: FollowUpListPayload): Promise<FollowUpPage> {
      // One more than a page tells whether another page follows.
      const rows = await followUps.list(agent.tenantId, view, clock.now(), {
        offset: (page - 1) * FOLLOW_UP_PAGE_SIZE,
        limit: FOLLOW_UP_PAGE_SIZE + 1,
      });
      const listed = rows.slice(0, FOLLOW_UP_PAGE_SIZE);
      const customerIds = [...new Set(listed.map((item) => item.customerId))];
      const customers = await Promise.all(customerIds.map((id) => deps.customers.getById(id)));
      const customerNames = Object.fromEntries(customerIds.map((id, index) => [id, customers[index]?.name ?? null]));
      return { followUps: listed, hasMore: rows.length > FOLLOW_UP_PAGE_SIZE, customerNames };
    },

    /** Records the call's outcome, once: a follow-up already done answers `CONFLICT`. */
    async complete(agent: Agent, { followUpId, outcome, note }: FollowUpCompletePayload): Promise<FollowUp> {
      const done = await followUps.complete(agent.tenantId, followUpId, {
        outcome,
        note: note ? note : null,
        doneBy: agent.id,
        doneAt: clock.now(),
      });
      if (done) return done;
      const existing = await followUps.getById(agent.tenantId, followUpId);
      if (!existing) throw new AftercareError('NOT_FOUND', 'No such follow-up');
      throw new AftercareError('CONFLICT', 'This follow-up was recorded already');
    },

    /** Pending follow-ups of every tenant that fell due in `(after, upTo]`. */
    fallenDue(after: number, upTo: number, limit: number): Promise<FollowUp[]> {
      return followUps.listFallenDue(after, upTo, limit);
    },
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
