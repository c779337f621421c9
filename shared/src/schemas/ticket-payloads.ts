import * as v from 'valibot';
import { SERVICE_CATEGORIES, TICKET_PRIORITIES } from '../domain/ticket.js';
import { TICKET_STATUSES } from '../domain/ticket-workflow.js';
import { REMEDIES } from '../domain/warranty.js';
import { LIMITS } from '../protocol/limits.js';
import * as field from './fields.js';
import { productContext } from './product-context.js';

/** Schemas of the console's `ticket:*` events. */

const reference = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.ticketReference));
const remedy = v.picklist(REMEDIES);
const category = v.picklist(SERVICE_CATEGORIES);
const priority = v.picklist(TICKET_PRIORITIES);
const status = v.picklist(TICKET_STATUSES);
const version = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));

export const ticketCreate = v.strictObject({
  conversationId: field.id,
  serialNumber: v.optional(reference),
  purchaseDate: v.optional(field.calendarDay),
  orderNumber: v.optional(reference),
  fault: field.text(LIMITS.ticketText),
  photoIds: v.optional(v.pipe(v.array(field.id), v.maxLength(LIMITS.ticketPhotos))),
  remedy,
  category,
  priority: v.optional(priority),
  technicianId: v.optional(field.id),
  product: v.optional(productContext),
  overrideReason: v.optional(field.text(LIMITS.ticketReason)),
});

export const ticketRef = v.strictObject({ ticketId: field.id });

export const ticketForConversation = v.strictObject({ conversationId: field.id });

export const ticketList = v.strictObject({
  view: v.optional(v.picklist(['all', 'mine', 'overdue', 'escalated'])),
  statuses: v.optional(v.pipe(v.array(status), v.maxLength(TICKET_STATUSES.length))),
  technicianId: v.optional(field.id),
  customerId: v.optional(field.id),
  query: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.ticketReference))),
  after: v.optional(v.strictObject({ updatedAt: field.seq, id: field.id })),
  limit: v.optional(field.limit(LIMITS.ticketListPageMax)),
});

const versioned = { ticketId: field.id, version };

export const ticketUpdate = v.pipe(
  v.strictObject({
    ...versioned,
    serialNumber: v.optional(v.nullable(reference)),
    purchaseDate: v.optional(v.nullable(field.calendarDay)),
    orderNumber: v.optional(v.nullable(reference)),
    fault: v.optional(field.text(LIMITS.ticketText)),
    remedy: v.optional(remedy),
    category: v.optional(category),
    priority: v.optional(priority),
    product: v.optional(productContext),
  }),
  v.check((input) => Object.keys(input).length > 2, 'must change at least one field'),
);

export const ticketMove = v.strictObject({ ...versioned, to: status, note: v.optional(field.text(LIMITS.ticketText)) });

export const ticketAssign = v.pipe(
  v.strictObject({
    ...versioned,
    assigneeId: v.optional(v.nullable(field.id)),
    technicianId: v.optional(v.nullable(field.id)),
  }),
  v.check(
    (input) => input.assigneeId !== undefined || input.technicianId !== undefined,
    'name an assignee or a technician',
  ),
);

export const ticketNote = v.strictObject({ ticketId: field.id, note: field.text(LIMITS.ticketText) });

export const ticketRepairCard = v.strictObject({
  ...versioned,
  repairCard: v.strictObject({
    parts: v.pipe(
      v.array(
        v.strictObject({
          name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
          partNumber: v.nullable(reference),
          quantity: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
        }),
      ),
      v.maxLength(LIMITS.ticketParts),
    ),
    labourMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)),
    technicianNotes: v.pipe(v.string(), v.maxLength(LIMITS.ticketText)),
  }),
});

export const ticketOverrideWarranty = v.strictObject({ ...versioned, remedy, reason: field.text(LIMITS.ticketReason) });
