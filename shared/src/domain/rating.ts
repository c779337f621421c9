import type { ProductContext } from './types.js';

/** What a rating is about: one chat or one repair ticket. */
export type RatingSubject = { kind: 'conversation'; id: string } | { kind: 'ticket'; id: string };

/** A shopper's post-service rating: one per conversation or ticket; a later submission within the window updates it. */
export interface Rating {
  id: string;
  tenantId: string;
  siteId: string;
  customerId: string;
  subject: RatingSubject;
  /** 1 (very unhappy) to 5 (very happy). */
  score: number;
  comment: string | null;
  /** The agent who handled the chat or owned the ticket, and the ticket's technician, when rated. */
  agentId: string | null;
  technicianId: string | null;
  product: ProductContext | null;
  createdAt: number;
  updatedAt: number;
}
