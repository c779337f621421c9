import type {
  Agent,
  Conversation,
  Customer,
  LowRatingAlert,
  Rating,
  RatingPolicy,
  RatingRequest,
  RatingSubject,
  RatingSubmitPayload,
  Ticket,
  VisitorRating,
} from '@aftercare/shared';
import { newId } from '../../lib/tokens.js';
import type { AlertRepository } from '../alerts/alert-repository.js';
import type { Clock } from '../clock.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import { AftercareError, isAftercareError } from '../errors.js';
import type { RatingRepository, RatingRequestRecord } from './rating-repository.js';
import { isOutstanding, toRatingRequest, toVisitorRating } from './rating-views.js';

export interface RatingServiceDeps {
  ratings: RatingRepository;
  alerts: Pick<AlertRepository, 'create'>;
  customers: Pick<CustomerRepository, 'getById'>;
  policyFor: (siteId: string) => Promise<RatingPolicy>;
  /** Display name of an agent of the tenant, for the rating card ("How did Ada do?"). */
  agentName: (tenantId: string, agentId: string) => Promise<string | null>;
  clock: Clock;
}

/** How many requests `rating:pending` looks through, and how many ratings a customer file shows. */
const PENDING_SCAN = 50;
const CUSTOMER_RATINGS = 100;
const MINUTE = 60_000;

export interface SubmitResult {
  rating: VisitorRating;
  /** Set when this submission made the rating low (at or below the site's threshold): stored, to be announced. */
  alert: LowRatingAlert | null;
}

/**
 * Post-service ratings: asking (after a resolved chat or closed ticket, or on an agent's demand),
 * taking the shopper's answer once per subject, and alerting supervisors about low ones.
 */
export function createRatingService(deps: RatingServiceDeps) {
  const { ratings, clock } = deps;

  async function buildRequest(record: RatingRequestRecord): Promise<RatingRequest> {
    const [rating, policy] = await Promise.all([
      ratings.getBySubject(record.tenantId, record.subject),
      deps.policyFor(record.siteId),
    ]);
    return toRatingRequest(record, rating, policy.updateWindowMinutes * MINUTE);
  }

  /**
   * Stores the request (or refreshes an open one). A subject already rated is not asked again:
   * on an agent's demand that answers `CONFLICT`, automatically it is skipped (null).
   */
  async function request(draft: Omit<RatingRequestRecord, 'requestedAt' | 'agentName'>, onDemand: boolean) {
    const existing = await ratings.getBySubject(draft.tenantId, draft.subject);
    if (existing) {
      if (onDemand) throw new AftercareError('CONFLICT', 'The shopper has rated this already');
      return null;
    }
    const agentName = draft.agentId ? await deps.agentName(draft.tenantId, draft.agentId) : null;
    const record = await ratings.saveRequest({ ...draft, agentName, requestedAt: clock.now() });
    return buildRequest(record);
  }

  return {
    /** Asks the shopper of a chat; `requestedBy` is the agent asking on demand, null when automatic. */
    requestForConversation(conversation: Conversation, requestedBy: Agent | null): Promise<RatingRequest | null> {
      return request(
        {
          tenantId: conversation.tenantId,
          siteId: conversation.siteId,
          customerId: conversation.customerId,
          subject: { kind: 'conversation', id: conversation.id },
          requestedBy: requestedBy?.id ?? null,
          ticketNumber: null,
          product: conversation.product,
          agentId: conversation.assigneeId,
          technicianId: null,
        },
        requestedBy !== null,
      );
    },

    /** Asks the shopper of a repair ticket; the rating will name its owner and technician. */
    requestForTicket(ticket: Ticket, requestedBy: Agent | null): Promise<RatingRequest | null> {
      return request(
        {
          tenantId: ticket.tenantId,
          siteId: ticket.siteId,
          customerId: ticket.customerId,
          subject: { kind: 'ticket', id: ticket.id },
          requestedBy: requestedBy?.id ?? null,
          ticketNumber: ticket.number,
          product: ticket.product,
          agentId: ticket.assigneeId,
          technicianId: ticket.technicianId,
        },
        requestedBy !== null,
      );
    },

    /** The shopper's open requests and their still-changeable ratings, newest first. */
    async pendingFor(customer: Customer): Promise<RatingRequest[]> {
      const records = await ratings.listRequestsByCustomer(customer.id, PENDING_SCAN);
      const now = clock.now();
      const requests = await Promise.all(records.map(buildRequest));
      return requests.filter((item) => isOutstanding(item, now));
    },

    /**
     * Rates a subject the shopper was asked about. The first submission stores the rating; later
     * ones within the window change it, after the window `CONFLICT`. Two racing first submissions
     * meet the UNIQUE rule: the loser becomes a change, so there is never a second row.
     */
    async submit(customer: Customer, payload: RatingSubmitPayload): Promise<SubmitResult> {
      const record = await ratings.getRequest(customer.tenantId, payload.subject);
      // Another shopper's chat or one nobody asked about look the same: nothing to rate here.
      if (!record || record.customerId !== customer.id) {
        throw new AftercareError('NOT_FOUND', 'No rating was requested for this');
      }
      const policy = await deps.policyFor(record.siteId);
      const windowMs = policy.updateWindowMinutes * MINUTE;
      const now = clock.now();
      const comment = payload.comment ? payload.comment : null;
      let previous = await ratings.getBySubject(record.tenantId, record.subject);
      let stored: Rating | null = null;
      if (!previous) {
        try {
          stored = await ratings.create({
            id: newId(),
            tenantId: record.tenantId,
            siteId: record.siteId,
            customerId: record.customerId,
            subject: record.subject,
            score: payload.score,
            comment,
            agentId: record.agentId,
            technicianId: record.technicianId,
            product: record.product
              ? { name: record.product.name, ...(record.product.sku ? { sku: record.product.sku } : {}) }
              : null,
            createdAt: now,
            updatedAt: now,
          });
        } catch (error) {
          if (!isAftercareError(error) || error.code !== 'CONFLICT') throw error;
          previous = await ratings.getBySubject(record.tenantId, record.subject);
        }
      }
      if (!stored) {
        stored = await ratings.update(
          record.tenantId,
          record.subject,
          { score: payload.score, comment, updatedAt: now },
          now - windowMs,
        );
        if (!stored) throw new AftercareError('CONFLICT', 'This rating can no longer be changed');
      }
      const wasLow = previous !== null && previous.score <= policy.alertAtOrBelow;
      const alert =
        stored.score <= policy.alertAtOrBelow && !wasLow ? await raiseAlert(stored, record, customer) : null;
      return { rating: toVisitorRating(stored, windowMs), alert };
    },

    /** A customer's ratings for the customer file (the caller's tenant only). */
    async listForCustomer(agent: Agent, customerId: string): Promise<Rating[]> {
      const customer = await deps.customers.getById(customerId);
      if (!customer || customer.tenantId !== agent.tenantId) throw new AftercareError('NOT_FOUND', 'No such customer');
      return ratings.listByCustomer(agent.tenantId, customerId, CUSTOMER_RATINGS);
    },
  };

  async function raiseAlert(rating: Rating, record: RatingRequestRecord, customer: Customer): Promise<LowRatingAlert> {
    const alert: LowRatingAlert = {
      id: newId(),
      kind: 'low-rating',
      tenantId: rating.tenantId,
      siteId: rating.siteId,
      subject: rating.subject satisfies RatingSubject,
      label: record.ticketNumber ?? customer.name ?? null,
      createdAt: rating.updatedAt,
      read: false,
      score: rating.score,
      comment: rating.comment,
      agentId: rating.agentId,
      technicianId: rating.technicianId,
    };
    const { read: _perReader, ...stored } = alert;
    await deps.alerts.create(stored);
    return alert;
  }
}

export type RatingService = ReturnType<typeof createRatingService>;
