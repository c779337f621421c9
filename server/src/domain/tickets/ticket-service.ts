import {
  type Agent,
  type Attachment,
  type BusinessHours,
  type Conversation,
  type Customer,
  checkWarranty,
  type ProductContext,
  type Remedy,
  type RepairCard,
  type ServicePromisePolicy,
  type Ticket,
  type TicketCreatePayload,
  type TicketEvent,
  type TicketStatus,
  type TicketUpdatePayload,
  type VisitorTicket,
  type WarrantyPolicy,
} from '@aftercare/shared';
import { newId } from '../../lib/tokens.js';
import type { Clock } from '../clock.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import { AftercareError, isAftercareError } from '../errors.js';
import { ticketDueTimes } from '../service-promises/due-times.js';
import type { SiteRepository } from '../sites/site-repository.js';
import {
  assertCovered,
  assertOpen,
  moveTicket,
  nextVersion,
  type TicketChange,
  timelineEvent,
} from './ticket-changes.js';
import type { TicketCursor, TicketListFilter, TicketRepository } from './ticket-repository.js';
import { toVisitorTicket } from './visitor-ticket.js';

/** How many of their tickets a shopper's widget lists (the newest). */
const SHOPPER_TICKETS = 20;

/** What a site decides about its tickets. */
export interface TicketPolicies {
  /** The site's time zone: warranty days are counted in it. */
  timeZone: string;
  hours: BusinessHours | null;
  warranty: WarrantyPolicy;
  promises: ServicePromisePolicy;
}

/**
 * A site's ticket policies from its settings. Warranty days count in the site's time zone.
 * @throws AftercareError `NOT_FOUND` for an unknown site
 */
export async function ticketPoliciesOf(
  sites: Pick<SiteRepository, 'getById'>,
  siteId: string,
): Promise<TicketPolicies> {
  const site = await sites.getById(siteId);
  if (!site) throw new AftercareError('NOT_FOUND', 'No such site.');
  const { timeZone, businessHours, warranty, servicePromises } = site.settings;
  return { timeZone, hours: businessHours, warranty, promises: servicePromises };
}

export interface TicketServiceDeps {
  tickets: TicketRepository;
  conversations: Pick<ConversationRepository, 'getById'>;
  customers: Pick<CustomerRepository, 'getById'>;
  /** Whether an agent id is an active agent of the tenant (assignees and technicians must be). */
  isActiveAgent: (tenantId: string, agentId: string) => Promise<boolean>;
  policiesFor: (siteId: string) => Promise<TicketPolicies>;
  /** Files for the ticket's photos: attachments of the conversation's messages or the agent's own new uploads. */
  resolvePhotos: (actor: Agent, conversationId: string, attachmentIds: string[]) => Promise<Attachment[]>;
  clock: Clock;
}

/** The fields an agent fills in when turning a chat into a ticket (the `ticket:create` payload). */
export type TicketDraftInput = TicketCreatePayload;

/** Registration details an agent may change (the `ticket:update` payload without its reference). */
export type TicketDetailsInput = Omit<TicketUpdatePayload, 'ticketId' | 'version'>;

/** Every change names the version it was based on, so two agents editing at once never overwrite each other. */
export interface Versioned {
  ticketId: string;
  version: number;
}

/** Repair tickets: conversion from chats, warranty, workflow, assignment, repair card and timeline. */
export function createTicketService(deps: TicketServiceDeps) {
  const { tickets, clock } = deps;

  async function load(actor: Agent, ticketId: string): Promise<Ticket> {
    const ticket = await tickets.getById(actor.tenantId, ticketId);
    if (!ticket) throw new AftercareError('NOT_FOUND', 'No such ticket.');
    return ticket;
  }

  async function loadVersion(actor: Agent, { ticketId, version }: Versioned): Promise<Ticket> {
    const ticket = await load(actor, ticketId);
    if (ticket.version !== version) {
      throw new AftercareError(
        'CONFLICT',
        `Ticket ${ticket.number} changed meanwhile (now version ${ticket.version}); reload it.`,
      );
    }
    return ticket;
  }

  /** Stores a change unless someone stored another first. */
  async function save({ ticket, events }: TicketChange): Promise<{ ticket: Ticket; events: TicketEvent[] }> {
    const saved = await tickets.replace(ticket, events);
    if (!saved) throw new AftercareError('CONFLICT', `Ticket ${ticket.number} changed meanwhile; reload it.`);
    return { ticket: saved, events };
  }

  async function assertAgent(tenantId: string, agentId: string | null | undefined, role: string): Promise<void> {
    if (agentId && !(await deps.isActiveAgent(tenantId, agentId))) {
      throw new AftercareError('NOT_FOUND', `No active agent ${agentId} to be the ${role}.`);
    }
  }

  async function warrantyFor(siteId: string, purchaseDate: string | null, product: ProductContext | null) {
    const policies = await deps.policiesFor(siteId);
    return checkWarranty(policies.warranty, {
      purchaseDate,
      category: product?.category ?? null,
      now: clock.now(),
      timeZone: policies.timeZone,
    });
  }

  return {
    load,

    /**
     * Turns a chat into a repair ticket, prefilled with its customer and product. Converting the
     * same chat again (a double click, a colleague at the same moment) returns the first ticket
     * with `created: false` instead of making a second one.
     */
    async createFromConversation(actor: Agent, input: TicketDraftInput): Promise<{ ticket: Ticket; created: boolean }> {
      const conversation = await deps.conversations.getById(input.conversationId);
      if (!conversation || conversation.tenantId !== actor.tenantId)
        throw new AftercareError('NOT_FOUND', 'No such conversation.');
      const existing = await tickets.getByConversation(actor.tenantId, conversation.id);
      if (existing) return { ticket: existing, created: false };
      await assertAgent(actor.tenantId, input.technicianId, 'technician');

      const draft = await draftTicket(actor, conversation, input);
      const created = timelineEvent({ ...draft, number: '' }, actor, 'created', draft.createdAt, { to: 'registered' });
      try {
        return { ticket: await tickets.create(draft, created), created: true };
      } catch (error) {
        const winner =
          isAftercareError(error) &&
          error.code === 'CONFLICT' &&
          (await tickets.getByConversation(actor.tenantId, conversation.id));
        if (winner) return { ticket: winner, created: false };
        throw error;
      }
    },

    async get(actor: Agent, ticketId: string): Promise<{ ticket: Ticket; timeline: TicketEvent[] }> {
      const ticket = await load(actor, ticketId);
      return { ticket, timeline: await tickets.timeline(actor.tenantId, ticket.id) };
    },

    list(actor: Agent, filter: TicketListFilter, page: { after?: TicketCursor; limit: number }): Promise<Ticket[]> {
      return tickets.list(actor.tenantId, filter, page);
    },

    /** The ticket made from a chat, if any. */
    async forConversation(actor: Agent, conversationId: string): Promise<Ticket | null> {
      const conversation = await deps.conversations.getById(conversationId);
      if (!conversation || conversation.tenantId !== actor.tenantId)
        throw new AftercareError('NOT_FOUND', 'No such conversation.');
      return tickets.getByConversation(actor.tenantId, conversationId);
    },

    /** A stored ticket's timeline (for pushes after a change; the caller already checked access). */
    timelineOf(ticket: Ticket): Promise<TicketEvent[]> {
      return tickets.timeline(ticket.tenantId, ticket.id);
    },

    /** A shopper's own tickets, newest first, as the widget shows them. */
    async forShopper(customer: Pick<Customer, 'id' | 'tenantId'>): Promise<VisitorTicket[]> {
      const own = await tickets.list(customer.tenantId, { customerId: customer.id }, { limit: SHOPPER_TICKETS });
      return Promise.all(
        own.map(async (ticket) => toVisitorTicket(ticket, await tickets.timeline(ticket.tenantId, ticket.id))),
      );
    },

    async changeStatus(actor: Agent, input: Versioned & { to: TicketStatus; note?: string }) {
      const ticket = await loadVersion(actor, input);
      return save(moveTicket(ticket, input.to, actor, clock.now(), input.note ?? null));
    },

    /** Edits the registration details; a new purchase date or product re-runs the warranty check. */
    async updateDetails(actor: Agent, input: Versioned & TicketDetailsInput) {
      const ticket = await loadVersion(actor, input);
      assertOpen(ticket);
      const { ticketId: _id, version: _version, ...changes } = input;
      const merged = { ...ticket, ...changes } as Ticket;
      const warrantyInputsChanged = 'purchaseDate' in changes || 'product' in changes;
      const warranty = warrantyInputsChanged
        ? await warrantyFor(ticket.siteId, merged.purchaseDate, merged.product)
        : ticket.warranty;
      assertCovered({ warranty, warrantyOverride: ticket.warrantyOverride }, merged.remedy, merged.category);
      const now = clock.now();
      const next = nextVersion(ticket, { ...changes, warranty }, now);
      const fields = Object.keys(changes).sort().join(', ');
      return save({ ticket: next, events: [timelineEvent(ticket, actor, 'details-updated', now, { note: fields })] });
    },

    /** Sets the owning agent and/or the technician (null removes them). */
    async assign(actor: Agent, input: Versioned & { assigneeId?: string | null; technicianId?: string | null }) {
      const ticket = await loadVersion(actor, input);
      assertOpen(ticket);
      await assertAgent(actor.tenantId, input.assigneeId, 'assignee');
      await assertAgent(actor.tenantId, input.technicianId, 'technician');
      const now = clock.now();
      const changes: Partial<Ticket> = {};
      const events: TicketEvent[] = [];
      if (input.assigneeId !== undefined && input.assigneeId !== ticket.assigneeId) {
        changes.assigneeId = input.assigneeId;
        events.push(timelineEvent(ticket, actor, 'assigned', now, { from: ticket.assigneeId, to: input.assigneeId }));
      }
      if (input.technicianId !== undefined && input.technicianId !== ticket.technicianId) {
        changes.technicianId = input.technicianId;
        events.push(
          timelineEvent(ticket, actor, 'technician-assigned', now, {
            from: ticket.technicianId,
            to: input.technicianId,
          }),
        );
      }
      if (events.length === 0) return { ticket, events };
      return save({ ticket: nextVersion(ticket, changes, now), events });
    },

    /** Adds a note to the timeline. Notes never conflict with other changes, so a lost race is retried. */
    async addNote(actor: Agent, input: { ticketId: string; note: string }) {
      for (let attempt = 0; ; attempt++) {
        const ticket = await load(actor, input.ticketId);
        const now = clock.now();
        const event = timelineEvent(ticket, actor, 'note-added', now, { note: input.note });
        const saved = await tickets.replace(nextVersion(ticket, {}, now), [event]);
        if (saved) return { ticket: saved, events: [event] };
        if (attempt >= 3) throw new AftercareError('CONFLICT', 'The ticket is changing too often; try again.');
      }
    },

    /** Records parts, labour and the technician's notes (the repair card, 修护卡). */
    async updateRepairCard(actor: Agent, input: Versioned & { repairCard: RepairCard }) {
      const ticket = await loadVersion(actor, input);
      assertOpen(ticket);
      const now = clock.now();
      const summary = `${input.repairCard.parts.length} parts, ${input.repairCard.labourMinutes} min`;
      return save({
        ticket: nextVersion(ticket, { repairCard: input.repairCard }, now),
        events: [timelineEvent(ticket, actor, 'repair-card-updated', now, { note: summary })],
      });
    },

    /** Grants a remedy under warranty that the check does not allow, recording who and why. */
    async overrideWarranty(actor: Agent, input: Versioned & { remedy: Remedy; reason: string }) {
      const ticket = await loadVersion(actor, input);
      assertOpen(ticket);
      const now = clock.now();
      const warrantyOverride = { remedy: input.remedy, reason: input.reason, agentId: actor.id, at: now };
      return save({
        ticket: nextVersion(ticket, { warrantyOverride, remedy: input.remedy, category: 'warranty' }, now),
        events: [
          timelineEvent(ticket, actor, 'warranty-overridden', now, {
            from: ticket.remedy,
            to: input.remedy,
            note: input.reason,
          }),
        ],
      });
    },
  };

  async function draftTicket(
    actor: Agent,
    conversation: Conversation,
    input: TicketDraftInput,
  ): Promise<Omit<Ticket, 'number'>> {
    const now = clock.now();
    const [policies, customer, photos] = await Promise.all([
      deps.policiesFor(conversation.siteId),
      deps.customers.getById(conversation.customerId),
      deps.resolvePhotos(actor, conversation.id, input.photoIds ?? []),
    ]);
    const product = input.product ?? conversation.product;
    const purchaseDate = input.purchaseDate ?? null;
    const warranty = checkWarranty(policies.warranty, {
      purchaseDate,
      category: product?.category ?? null,
      now,
      timeZone: policies.timeZone,
    });
    const warrantyOverride = input.overrideReason
      ? { remedy: input.remedy, reason: input.overrideReason, agentId: actor.id, at: now }
      : null;
    assertCovered({ warranty, warrantyOverride }, input.remedy, input.category);
    const due = ticketDueTimes({
      policy: policies.promises,
      hours: policies.hours,
      tier: customer?.tier ?? 'standard',
      since: now,
    });
    return {
      id: newId(),
      tenantId: conversation.tenantId,
      siteId: conversation.siteId,
      conversationId: conversation.id,
      customerId: conversation.customerId,
      product,
      serialNumber: input.serialNumber ?? null,
      purchaseDate,
      orderNumber: input.orderNumber ?? null,
      fault: input.fault,
      photos,
      remedy: input.remedy,
      category: input.category,
      priority: input.priority ?? 'normal',
      status: 'registered',
      assigneeId: actor.id,
      technicianId: input.technicianId ?? null,
      warranty,
      warrantyOverride,
      repairCard: { parts: [], labourMinutes: 0, technicianNotes: '' },
      promises: { ...due, answeredAt: null, resolvedAt: null, escalatedAt: null },
      version: 1,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
  }
}

export type TicketService = ReturnType<typeof createTicketService>;
