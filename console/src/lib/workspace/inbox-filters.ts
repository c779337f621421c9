import type { Conversation, ConversationListPayload } from '@aftercare/shared';

/**
 * The inbox filter bar's choices; they narrow every view (the tabs already choose the status).
 * `assignee` is an agent id or `unassigned`.
 */
export interface InboxFilters {
  siteId: string | null;
  assignee: string | null;
  product: string;
}

export const NO_FILTERS: InboxFilters = { siteId: null, assignee: null, product: '' };

/** The `assignee` value that means "nobody has it". */
export const UNASSIGNED = 'unassigned';

/** Whether any filter narrows the inbox. */
export function hasFilters(filters: InboxFilters): boolean {
  return filters.siteId !== null || filters.assignee !== null || filters.product.trim() !== '';
}

/**
 * Whether a conversation passes the filters. Mirrors the server's `conversation:list` rules, so
 * live updates of the open list (held whole) agree with a filtered reload: the product is its SKU
 * exactly or part of its name, ignoring case.
 */
export function matchesFilters(conversation: Conversation, filters: InboxFilters): boolean {
  if (filters.siteId !== null && conversation.siteId !== filters.siteId) return false;
  if (filters.assignee === UNASSIGNED && conversation.assigneeId !== null) return false;
  if (filters.assignee !== null && filters.assignee !== UNASSIGNED && conversation.assigneeId !== filters.assignee)
    return false;
  const product = filters.product.trim().toLowerCase();
  if (product === '') return true;
  const { sku, name } = conversation.product ?? {};
  return sku?.toLowerCase() === product || (name?.toLowerCase().includes(product) ?? false);
}

/** The filters as `conversation:list` fields (for the resolved view, which is paged from the server). */
export function serverFilters(
  filters: InboxFilters,
): Pick<ConversationListPayload, 'siteId' | 'assigneeId' | 'product'> {
  const payload: Pick<ConversationListPayload, 'siteId' | 'assigneeId' | 'product'> = {};
  if (filters.siteId !== null) payload.siteId = filters.siteId;
  if (filters.assignee !== null) payload.assigneeId = filters.assignee === UNASSIGNED ? null : filters.assignee;
  if (filters.product.trim() !== '') payload.product = filters.product.trim();
  return payload;
}

/** Reads filters from a URL query (`?site=…&agent=…&product=…`), so a filtered inbox can be bookmarked or reloaded. */
export function filtersFromQuery(query: string): InboxFilters {
  const params = new URLSearchParams(query);
  return {
    siteId: params.get('site') || null,
    assignee: params.get('agent') || null,
    product: params.get('product') ?? '',
  };
}

/** `query` with the filters written into it (other parameters kept); empty filters leave no trace. */
export function filtersToQuery(filters: InboxFilters, query: string): string {
  const params = new URLSearchParams(query);
  const set = (key: string, value: string | null) => {
    if (value) params.set(key, value);
    else params.delete(key);
  };
  set('site', filters.siteId);
  set('agent', filters.assignee);
  set('product', filters.product.trim() || null);
  const text = params.toString();
  return text ? `?${text}` : '';
}
