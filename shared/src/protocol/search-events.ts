import type { AuthorKind, Conversation, Customer } from '../domain/types.js';
import type { Ack } from './errors.js';

/**
 * Full-text search in the console: messages (internal notes included: only agents can search)
 * and customers (name, email, phone) of the caller's tenant. Matching is by substring,
 * case-insensitive, in any script (`屏幕` finds "我的屏幕坏了"); each word of the query must match.
 * @example
 * socket.emit('search:query', { query: 'screen' }, (res) => {
 *   if ('data' in res) showHits(res.data.customers, res.data.messages);
 * });
 */
export interface SearchQueryPayload {
  query: string;
  /** Message hits per page (customers come with the first page only). */
  limit?: number;
  /** The next page of message hits: the `nextCursor` of the previous answer. */
  cursor?: SearchCursor;
}

/** Where a page of message hits ended: the last hit's `createdAt` and message id. */
export interface SearchCursor {
  createdAt: number;
  messageId: string;
}

/** Part of a message around what matched; `highlights` are `[start, end)` offsets into `text`. */
export interface SearchSnippet {
  text: string;
  highlights: [number, number][];
  /** Text was cut before or after the snippet. */
  truncatedStart: boolean;
  truncatedEnd: boolean;
}

/** A message that matched, with its conversation so the console can open it at `seq`. */
export interface MessageHit {
  messageId: string;
  seq: number;
  authorKind: AuthorKind;
  internal: boolean;
  createdAt: number;
  snippet: SearchSnippet;
  conversation: Conversation;
}

export interface SearchResult {
  /** Newest first. */
  messages: MessageHit[];
  /** Customers whose name, email or phone matched (first page only), most recently updated first. */
  customerHits: Customer[];
  /** The customers of the message hits' conversations (each once), so rows can show names. */
  customers: Customer[];
  nextCursor: SearchCursor | null;
}

/** Search requests the console sends (agent namespace only; shoppers never reach search). */
export interface SearchClientEvents {
  'search:query': (payload: SearchQueryPayload, ack: Ack<SearchResult>) => void;
}
