import type { Customer, MessageHit, SearchCursor } from '@aftercare/shared';

/** The search box's query and what the server answered for it. */
export interface SearchState {
  /** The query as typed (trimmed); empty: no search, the inbox shows. */
  query: string;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Message hits, newest first, pages appended. */
  messages: MessageHit[];
  customerHits: Customer[];
  nextCursor: SearchCursor | null;
  loadingMore: boolean;
}

export const EMPTY_SEARCH: SearchState = {
  query: '',
  status: 'idle',
  messages: [],
  customerHits: [],
  nextCursor: null,
  loadingMore: false,
};
