import type { FollowUp, FollowUpCompletePayload, FollowUpView } from '@aftercare/shared';
import { type AgentSocket, type ClientErrorCode, request } from '../../lib/agent-socket.js';
import { createStore, type Store } from '../../lib/store.js';

export interface FollowUpListState {
  view: FollowUpView;
  status: 'loading' | 'ready' | 'error';
  followUps: FollowUp[];
  customerNames: Record<string, string | null>;
  /** The last page loaded, and whether another follows. */
  page: number;
  hasMore: boolean;
}

/**
 * The follow-ups screen's data: one view at a time, paged, kept fresh by `follow-up:changed`
 * (scheduled on a close, fallen due, recorded by a colleague) by reloading what is shown.
 */
export function createFollowUpList(socket: AgentSocket) {
  const store: Store<FollowUpListState> = createStore<FollowUpListState>({
    view: 'due',
    status: 'loading',
    followUps: [],
    customerNames: {},
    page: 1,
    hasMore: false,
  });
  let generation = 0;

  async function load(view: FollowUpView, pages: number): Promise<void> {
    const mine = ++generation;
    store.set((state) => ({ ...state, view, status: state.view === view ? state.status : 'loading' }));
    const followUps: FollowUp[] = [];
    const customerNames: Record<string, string | null> = {};
    let hasMore = false;
    for (let page = 1; page <= pages; page++) {
      const result = await request(socket, 'follow-up:list', { view, page });
      if (mine !== generation) return; // A newer load (another view, a change) wins.
      if ('error' in result) return store.set((state) => ({ ...state, status: 'error' }));
      followUps.push(...result.data.followUps);
      Object.assign(customerNames, result.data.customerNames);
      hasMore = result.data.hasMore;
      if (!hasMore) break;
    }
    store.set(() => ({ view, status: 'ready', followUps, customerNames, page: pages, hasMore }));
  }

  const reload = () => void load(store.get().view, store.get().page);
  socket.on('follow-up:changed', reload);
  socket.on('connect', reload);

  return {
    store,
    show: (view: FollowUpView) => load(view, 1),
    more: () => load(store.get().view, store.get().page + 1),
    retry: reload,
    /** Records a call's outcome; answers the error code when refused, then shows the list as it is now. */
    async complete(payload: FollowUpCompletePayload): Promise<ClientErrorCode | null> {
      const result = await request(socket, 'follow-up:complete', payload);
      reload();
      return 'error' in result ? result.error.code : null;
    },
    dispose() {
      generation++;
      socket.off('follow-up:changed', reload);
      socket.off('connect', reload);
    },
  };
}

export type FollowUpList = ReturnType<typeof createFollowUpList>;
