import {
  type Attachment,
  type Conversation,
  checkWarranty,
  type Message,
  type Remedy,
  type ServiceCategory,
  type Site,
  type TicketCreatePayload,
  type TicketPriority,
  type WarrantyCheck,
} from '@aftercare/shared';

/** The create form's fields as typed. */
export interface TicketDraft {
  serialNumber: string;
  purchaseDate: string;
  orderNumber: string;
  fault: string;
  photoIds: string[];
  remedy: Remedy;
  category: ServiceCategory;
  priority: TicketPriority;
  technicianId: string;
  overrideReason: string;
}

/**
 * A new draft for a chat: the fault starts as what the shopper last wrote (agents shorten it more
 * often than they retype it), and every photo the shopper sent is picked.
 */
export function initialDraft(messages: readonly Message[]): TicketDraft {
  const fromShopper = messages.filter((message) => message.author.kind === 'visitor');
  return {
    serialNumber: '',
    purchaseDate: '',
    orderNumber: '',
    fault: fromShopper.at(-1)?.text.trim() ?? '',
    photoIds: chatPhotos(fromShopper).map((photo) => photo.id),
    remedy: 'repair',
    category: 'warranty',
    priority: 'normal',
    technicianId: '',
    overrideReason: '',
  };
}

/** Images sent in the chat (by either side, never in internal notes), oldest first, each once. */
export function chatPhotos(messages: readonly Message[]): Attachment[] {
  const seen = new Set<string>();
  const photos: Attachment[] = [];
  for (const message of messages) {
    if (message.internal) continue;
    for (const file of message.attachments ?? []) {
      if (!file.mimeType.startsWith('image/') || seen.has(file.id)) continue;
      seen.add(file.id);
      photos.push(file);
    }
  }
  return photos;
}

/** The warranty check as the server will make it, for the chat's site and product. */
export function previewWarranty(
  site: Site | undefined,
  conversation: Conversation,
  purchaseDate: string,
  now: number,
): WarrantyCheck | null {
  if (!site) return null;
  return checkWarranty(site.settings.warranty, {
    purchaseDate: purchaseDate || null,
    category: conversation.product?.category ?? null,
    now,
    timeZone: site.settings.timeZone,
  });
}

/** The `ticket:create` payload of a draft; empty optional fields are left out. */
export function toCreatePayload(
  conversationId: string,
  draft: TicketDraft,
  needsOverride: boolean,
): TicketCreatePayload {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const payload: TicketCreatePayload = {
    conversationId,
    fault: draft.fault.trim(),
    remedy: draft.remedy,
    category: draft.category,
    priority: draft.priority,
  };
  const fields = {
    serialNumber: optional(draft.serialNumber),
    purchaseDate: optional(draft.purchaseDate),
    orderNumber: optional(draft.orderNumber),
    technicianId: optional(draft.technicianId),
    overrideReason: needsOverride ? optional(draft.overrideReason) : undefined,
  };
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined) (payload as unknown as Record<string, string>)[key] = value;
  if (draft.photoIds.length > 0) payload.photoIds = draft.photoIds;
  return payload;
}
