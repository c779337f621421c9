import {
  type Agent,
  canMoveTicket,
  isFinalTicketStatus,
  type Remedy,
  type ServiceCategory,
  type Ticket,
  type TicketEvent,
  type TicketEventKind,
  type TicketStatus,
} from '@aftercare/shared';
import { newId } from '../../lib/tokens.js';
import { AftercareError } from '../errors.js';

/**
 * Pure steps that turn one version of a ticket into the next, each with its timeline events. The
 * service loads, applies one of these, and stores the result only if nobody changed the ticket meanwhile.
 */

/** A new version and what to write in the timeline about it. */
export interface TicketChange {
  ticket: Ticket;
  events: TicketEvent[];
}

/** Statuses in which the product is back with the customer (or never will be): the promise is kept. */
const RESOLVING: readonly TicketStatus[] = ['returned', 'closed', 'cancelled'];

export function timelineEvent(
  ticket: Ticket,
  actor: Pick<Agent, 'id' | 'name'> | null,
  kind: TicketEventKind,
  at: number,
  values: { from?: string | null; to?: string | null; note?: string | null } = {},
): TicketEvent {
  return {
    id: newId(),
    ticketId: ticket.id,
    kind,
    actor: actor ? { kind: 'agent', id: actor.id, name: actor.name } : { kind: 'system', id: '', name: null },
    from: values.from ?? null,
    to: values.to ?? null,
    note: values.note ?? null,
    at,
  };
}

/** The next version of a ticket: same id, one version on, updated now. */
export function nextVersion(ticket: Ticket, changes: Partial<Ticket>, now: number): Ticket {
  return { ...ticket, ...changes, version: ticket.version + 1, updatedAt: now };
}

/**
 * Moves a ticket to another status, refusing moves the workflow does not allow. Leaving
 * `registered` answers the complaint; reaching `returned`, `closed` or `cancelled` resolves it.
 * @throws AftercareError `TRANSITION_NOT_ALLOWED`
 */
export function moveTicket(
  ticket: Ticket,
  to: TicketStatus,
  actor: Agent,
  now: number,
  note: string | null,
): TicketChange {
  if (!canMoveTicket(ticket.status, to)) {
    throw new AftercareError('TRANSITION_NOT_ALLOWED', `A ${ticket.status} ticket cannot become ${to}.`);
  }
  const promises = { ...ticket.promises };
  if (ticket.status === 'registered' && promises.answeredAt === null) promises.answeredAt = now;
  if (RESOLVING.includes(to) && promises.resolvedAt === null) promises.resolvedAt = now;
  const next = nextVersion(ticket, { status: to, promises, closedAt: isFinalTicketStatus(to) ? now : null }, now);
  return {
    ticket: next,
    events: [timelineEvent(ticket, actor, 'status-changed', now, { from: ticket.status, to, note })],
  };
}

/**
 * Checks that a remedy and category are allowed: under warranty the remedy must be one the
 * warranty check allows, unless an agent overrode it for exactly that remedy.
 * @throws AftercareError `NOT_COVERED_BY_WARRANTY`
 */
export function assertCovered(
  ticket: Pick<Ticket, 'warranty' | 'warrantyOverride'>,
  remedy: Remedy,
  category: ServiceCategory,
): void {
  if (category !== 'warranty') return;
  if (ticket.warrantyOverride?.remedy === remedy) return;
  const eligibility = ticket.warranty.remedies.find((entry) => entry.remedy === remedy);
  if (eligibility?.allowed) return;
  throw new AftercareError(
    'NOT_COVERED_BY_WARRANTY',
    `The warranty does not cover ${remedy} (${eligibility?.reason ?? 'unknown'}); override it with a reason or choose a paid service.`,
  );
}

/** Refuses changes to a closed or cancelled ticket: a new fault is a new ticket. */
export function assertOpen(ticket: Ticket): void {
  if (isFinalTicketStatus(ticket.status)) {
    throw new AftercareError('CONFLICT', `Ticket ${ticket.number} is ${ticket.status}; it cannot change any more.`);
  }
}
