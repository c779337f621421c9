import type { Attachment } from './attachment.js';
import type { TicketStatus } from './ticket-workflow.js';
import type { ProductContext } from './types.js';
import type { Remedy, WarrantyCheck } from './warranty.js';

/** Who pays: under warranty (free), a service contract, the customer, or the shop itself. */
export type ServiceCategory = 'warranty' | 'contract' | 'paid' | 'internal';
export const SERVICE_CATEGORIES: readonly ServiceCategory[] = ['warranty', 'contract', 'paid', 'internal'];

export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];

/** One part used in a repair. */
export interface PartUsed {
  name: string;
  partNumber: string | null;
  quantity: number;
}

/** The repair card (修护卡): what the technician did. */
export interface RepairCard {
  parts: PartUsed[];
  labourMinutes: number;
  technicianNotes: string;
}

/** An agent's decision to grant a remedy the warranty check did not allow, and why. */
export interface WarrantyOverride {
  remedy: Remedy;
  reason: string;
  agentId: string;
  at: number;
}

/** Due times of a ticket's service promises and when they were kept. Null due: the shop never opens. */
export interface TicketPromises {
  /** The complaint's first answer: the ticket leaves `registered`. */
  answerDueAt: number | null;
  answeredAt: number | null;
  /** The product is back with the customer (`returned`), or the ticket is closed or cancelled. */
  resolutionDueAt: number | null;
  resolvedAt: number | null;
  /** When it escalates to supervisors if still unresolved, and when it did. */
  escalateAt: number;
  escalatedAt: number | null;
}

/** A repair ticket (叫修登记), usually created from a chat with its customer and product. */
export interface Ticket {
  id: string;
  tenantId: string;
  siteId: string;
  /** Human-readable number, unique per tenant and increasing, e.g. `R-000042`; what the shopper quotes. */
  number: string;
  /** The chat it came from; at most one ticket per conversation. */
  conversationId: string | null;
  customerId: string;
  product: ProductContext | null;
  serialNumber: string | null;
  /** `YYYY-MM-DD` as on the receipt. */
  purchaseDate: string | null;
  orderNumber: string | null;
  fault: string;
  photos: Attachment[];
  remedy: Remedy;
  category: ServiceCategory;
  priority: TicketPriority;
  status: TicketStatus;
  /** Agent who owns the ticket. */
  assigneeId: string | null;
  technicianId: string | null;
  /** The warranty check as of the last change of purchase date or category. */
  warranty: WarrantyCheck;
  warrantyOverride: WarrantyOverride | null;
  repairCard: RepairCard;
  /** The site's service promises for this ticket, computed at registration. */
  promises: TicketPromises;
  /** Increases with every change; a change based on an older version is refused (two agents editing at once). */
  version: number;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
}

export type TicketEventKind =
  | 'created'
  | 'status-changed'
  | 'assigned'
  | 'technician-assigned'
  | 'note-added'
  | 'repair-card-updated'
  | 'warranty-overridden'
  | 'details-updated'
  /** Unresolved past the site's escalation time: the supervisors were alerted (by the system). */
  | 'escalated';

/** One line of a ticket's timeline: who did what, when. */
export interface TicketEvent {
  id: string;
  ticketId: string;
  kind: TicketEventKind;
  actor: { kind: 'agent' | 'system'; id: string; name: string | null };
  /** For status changes: the statuses; for assignments: agent ids (or null for none). */
  from: string | null;
  to: string | null;
  note: string | null;
  at: number;
}
