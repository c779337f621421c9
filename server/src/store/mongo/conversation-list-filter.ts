import mongoose from 'mongoose';
import type { ListConversationsQuery } from '../../domain/conversations/conversation-repository.js';

/** Escapes every character a regular expression would read as syntax, so user text matches literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The MongoDB filter of an inbox listing. Operators we build are marked `trusted` (exempt from
 * `sanitizeFilter`); user text only ever reaches the query as a plain value or an escaped regex.
 * The product name is matched by an unanchored regex, which no index serves: the tenant (and
 * status) prefix of the listing indexes bounds the scan.
 */
export function conversationListFilter(query: ListConversationsQuery): Record<string, unknown> {
  const filter: Record<string, unknown> = { tenantId: query.tenantId };
  const and: Record<string, unknown>[] = [];
  if (query.status !== undefined) filter.status = query.status;
  if (query.siteId !== undefined) filter.siteId = query.siteId;
  // `assigneeId: null` also matches documents without the field.
  if (query.assigneeId !== undefined) filter.assigneeId = query.assigneeId;
  if (query.waitingOn !== undefined) {
    if (query.status === 'resolved') filter._id = mongoose.trusted({ $in: [] });
    filter.status = 'open';
    filter.awaitingReplyFrom = query.waitingOn;
  }
  if (query.escalated) {
    if (query.status === 'resolved') filter._id = mongoose.trusted({ $in: [] });
    filter.status = 'open';
    filter.escalatedAt = mongoose.trusted({ $ne: null });
  }
  if (query.product !== undefined) {
    const exact = new RegExp(`^${escapeRegExp(query.product)}$`, 'i');
    const part = new RegExp(escapeRegExp(query.product), 'i');
    and.push({ $or: [{ 'product.sku': exact }, { 'product.name': part }] });
  }
  if (query.before !== undefined) filter.updatedAt = mongoose.trusted({ $lt: new Date(query.before) });
  if (query.after !== undefined) {
    const at = new Date(query.after.updatedAt);
    and.push({
      $or: [
        { updatedAt: mongoose.trusted({ $lt: at }) },
        { updatedAt: at, _id: mongoose.trusted({ $lt: query.after.id }) },
      ],
    });
  }
  if (and.length > 0) filter.$and = and;
  return filter;
}
