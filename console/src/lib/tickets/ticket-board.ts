import type {
  Remedy,
  RepairCard,
  Ticket,
  TicketCreatePayload,
  TicketEvent,
  TicketListPayload,
  TicketStatus,
  TicketUpdatePayload,
} from '@aftercare/shared';
import { type AgentSocket, type ClientError, request } from '../agent-socket.js';
import { createStore, type Store } from '../store.js';

/** The list views of the tickets screen. */
export type TicketView = 'all' | 'mine' | 'overdue' | 'escalated';
export const TICKET_VIEWS: readonly TicketView[] = ['all', 'mine', 'overdue', 'escalated'];

export interface TicketFilters {
  view: TicketView;
  /** One status, or '' for any. */
  status: TicketStatus | '';
  /** A technician's agent id, or '' for any. */
  technicianId: string;
  /** Number, serial or order number, fault or product; '' for none. */
  query: string;
}

export interface OpenTicket {
  ticketId: string;
  ticket: Ticket | null;
  timeline: TicketEvent[];
  status: 'loading' | 'ready' | 'missing' | 'error';
}

export interface TicketBoardState {
  filters: TicketFilters;
  list: Ticket[];
  listStatus: 'idle' | 'loading' | 'ready' | 'error';
  /** The last page was full: there may be more. */
  hasMore: boolean;
  open: OpenTicket | null;
  /** The ticket of each conversation asked about (null: none yet), for the conversation header. */
  byConversation: Record<string, Ticket | null>;
}

/** What a change answers: the stored ticket, or the server's refusal (shown beside the control). */
export type TicketResult = { ok: true; ticket: Ticket } | { ok: false; error: ClientError };

const PAGE = 50;

export const DEFAULT_TICKET_FILTERS: TicketFilters = { view: 'all', status: '', technicianId: '', query: '' };

/** The request payload of a filter choice. */
export function listPayload(filters: TicketFilters, after?: Ticket): TicketListPayload {
  return {
    view: filters.view,
    ...(filters.status ? { statuses: [filters.status] } : {}),
    ...(filters.technicianId ? { technicianId: filters.technicianId } : {}),
    ...(filters.query.trim() ? { query: filters.query.trim() } : {}),
    ...(after ? { after: { updatedAt: after.updatedAt, id: after.id } } : {}),
    limit: PAGE,
  };
}

/**
 * Whether a ticket that changed belongs in the list as filtered, so a live update can add it.
 * Views that depend on the clock or on escalation (overdue, escalated) and text searches are
 * reloaded instead of guessed.
 */
export function matchesFilters(ticket: Ticket, filters: TicketFilters, agentId: string): boolean | undefined {
  if (filters.query.trim() || filters.view === 'overdue' || filters.view === 'escalated') return undefined;
  if (filters.view === 'mine' && ticket.assigneeId !== agentId) return false;
  if (filters.status && ticket.status !== filters.status) return false;
  if (filters.technicianId && ticket.technicianId !== filters.technicianId) return false;
  return true;
}

/** Puts a fresh copy of a ticket into a list sorted by last change (newest first); older copies lose. */
export function upsertTicket(list: readonly Ticket[], ticket: Ticket, belongs: boolean): Ticket[] {
  const current = list.find((item) => item.id === ticket.id);
  if (current && current.version >= ticket.version) return list as Ticket[];
  const rest = list.filter((item) => item.id !== ticket.id);
  if (!current && !belongs) return list as Ticket[];
  if (current && !belongs) return rest;
  return [ticket, ...rest].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1));
}

/** Applies a newer version (and the timeline lines it added) to the open ticket. */
export function applyToOpen(
  open: OpenTicket | null,
  ticket: Ticket,
  events: readonly TicketEvent[],
): OpenTicket | null {
  if (!open || open.ticketId !== ticket.id) return open;
  if (open.ticket && open.ticket.version >= ticket.version) return open;
  const known = new Set(open.timeline.map((event) => event.id));
  return {
    ...open,
    ticket,
    status: 'ready',
    timeline: [...open.timeline, ...events.filter((event) => !known.has(event.id))],
  };
}

/**
 * The tickets screen's state and requests for one signed-in session: the filtered list, the open
 * ticket with its timeline, and the ticket of each conversation. Kept live by `ticket:updated`, and
 * reloaded after every reconnect (a change missed while offline is then shown).
 */
export function createTicketBoard(socket: AgentSocket, agentId: () => string) {
  const store: Store<TicketBoardState> = createStore<TicketBoardState>({
    filters: DEFAULT_TICKET_FILTERS,
    list: [],
    listStatus: 'idle',
    hasMore: false,
    open: null,
    byConversation: {},
  });
  let listRequest = 0;
  /** Told every stored version, ours (acks) and colleagues' (broadcasts): the customer file listens. */
  const ticketListeners = new Set<(ticket: Ticket) => void>();

  function storeTicket(ticket: Ticket, events: readonly TicketEvent[] = []) {
    for (const listener of ticketListeners) listener(ticket);
    store.set((state) => {
      const belongs = matchesFilters(ticket, state.filters, agentId());
      const inList = state.list.some((item) => item.id === ticket.id);
      const list = upsertTicket(state.list, ticket, belongs ?? inList);
      const open = applyToOpen(state.open, ticket, events);
      const conversationId = ticket.conversationId;
      const byConversation =
        conversationId && conversationId in state.byConversation
          ? { ...state.byConversation, [conversationId]: ticket }
          : state.byConversation;
      return list === state.list && open === state.open && byConversation === state.byConversation
        ? state
        : { ...state, list, open, byConversation };
    });
  }

  async function loadList(append: boolean) {
    const requestId = ++listRequest;
    const { filters, list } = store.get();
    store.set((state) => ({ ...state, listStatus: 'loading' }));
    const res = await request(socket, 'ticket:list', listPayload(filters, append ? list.at(-1) : undefined));
    // A newer filter choice was made meanwhile: its answer wins.
    if (requestId !== listRequest) return;
    if ('error' in res) {
      store.set((state) => ({ ...state, listStatus: 'error' }));
      return;
    }
    const { tickets } = res.data;
    store.set((state) => ({
      ...state,
      list: append ? [...state.list, ...tickets.filter((t) => !state.list.some((held) => held.id === t.id))] : tickets,
      listStatus: 'ready',
      hasMore: tickets.length === PAGE,
    }));
  }

  async function loadOpen(ticketId: string) {
    const res = await request(socket, 'ticket:get', { ticketId });
    store.set((state) => {
      if (state.open?.ticketId !== ticketId) return state;
      if ('error' in res)
        return { ...state, open: { ...state.open, status: res.error.code === 'NOT_FOUND' ? 'missing' : 'error' } };
      return { ...state, open: { ticketId, ticket: res.data.ticket, timeline: res.data.timeline, status: 'ready' } };
    });
  }

  /** Runs a change; a stale version reloads the ticket so the agent sees what changed. */
  async function change(
    ticketId: string,
    send: () => ReturnType<typeof request<'ticket:move'>>,
  ): Promise<TicketResult> {
    const res = await send();
    if ('error' in res) {
      if (res.error.code === 'CONFLICT' && store.get().open?.ticketId === ticketId) void loadOpen(ticketId);
      return { ok: false, error: res.error };
    }
    const { ticket } = res.data;
    // The ack carries no timeline lines: fetch them so the open ticket's history stays whole.
    storeTicket(ticket);
    if (store.get().open?.ticketId === ticketId) void loadOpen(ticketId);
    return { ok: true, ticket };
  }

  const onUpdated = ({ ticket, events }: { ticket: Ticket; events: TicketEvent[] }) => storeTicket(ticket, events);
  const onConnect = () => {
    void loadList(false);
    const open = store.get().open;
    if (open) void loadOpen(open.ticketId);
    for (const conversationId of Object.keys(store.get().byConversation)) void loadForConversation(conversationId);
  };
  socket.on('ticket:updated', onUpdated);
  socket.on('connect', onConnect);

  async function loadForConversation(conversationId: string) {
    const res = await request(socket, 'ticket:for-conversation', { conversationId });
    if ('error' in res) return;
    store.set((state) => ({
      ...state,
      byConversation: { ...state.byConversation, [conversationId]: res.data.ticket },
    }));
  }

  return {
    store,
    /** Loads the first page for the current filters (the screen calls it when shown). */
    refresh: () => void loadList(false),
    loadMore: () => void loadList(true),
    setFilters(filters: Partial<TicketFilters>) {
      store.set((state) => ({ ...state, filters: { ...state.filters, ...filters } }));
      void loadList(false);
    },
    open(ticketId: string | null) {
      if (ticketId === null) {
        store.set((state) => (state.open ? { ...state, open: null } : state));
        return;
      }
      if (store.get().open?.ticketId === ticketId) return;
      const held = store.get().list.find((ticket) => ticket.id === ticketId) ?? null;
      store.set((state) => ({ ...state, open: { ticketId, ticket: held, timeline: [], status: 'loading' } }));
      void loadOpen(ticketId);
    },
    /** Asks (once per conversation, again after reconnects) whether a chat already has a ticket. */
    watchConversation(conversationId: string) {
      if (conversationId in store.get().byConversation) return;
      store.set((state) => ({ ...state, byConversation: { ...state.byConversation, [conversationId]: null } }));
      void loadForConversation(conversationId);
    },
    async create(payload: TicketCreatePayload): Promise<TicketResult & { created?: boolean }> {
      const res = await request(socket, 'ticket:create', payload);
      if ('error' in res) return { ok: false, error: res.error };
      store.set((state) => ({
        ...state,
        byConversation: { ...state.byConversation, [payload.conversationId]: res.data.ticket },
      }));
      storeTicket(res.data.ticket);
      return { ok: true, ticket: res.data.ticket, created: res.data.created };
    },
    move: (ticket: Ticket, to: TicketStatus, note?: string) =>
      change(ticket.id, () =>
        request(socket, 'ticket:move', { ticketId: ticket.id, version: ticket.version, to, ...(note ? { note } : {}) }),
      ),
    assign: (ticket: Ticket, people: { assigneeId?: string | null; technicianId?: string | null }) =>
      change(ticket.id, () =>
        request(socket, 'ticket:assign', { ticketId: ticket.id, version: ticket.version, ...people }),
      ),
    note: (ticket: Ticket, note: string) =>
      change(ticket.id, () => request(socket, 'ticket:note', { ticketId: ticket.id, note })),
    saveRepairCard: (ticket: Ticket, repairCard: RepairCard) =>
      change(ticket.id, () =>
        request(socket, 'ticket:repair-card', { ticketId: ticket.id, version: ticket.version, repairCard }),
      ),
    updateDetails: (ticket: Ticket, changes: Omit<TicketUpdatePayload, 'ticketId' | 'version'>) =>
      change(ticket.id, () =>
        request(socket, 'ticket:update', { ticketId: ticket.id, version: ticket.version, ...changes }),
      ),
    overrideWarranty: (ticket: Ticket, remedy: Remedy, reason: string) =>
      change(ticket.id, () =>
        request(socket, 'ticket:override-warranty', { ticketId: ticket.id, version: ticket.version, remedy, reason }),
      ),
    /** Calls `listener` with every ticket version the board stores; returns the unsubscribe function. */
    watchTickets(listener: (ticket: Ticket) => void): () => void {
      ticketListeners.add(listener);
      return () => ticketListeners.delete(listener);
    },
    dispose() {
      socket.off('ticket:updated', onUpdated);
      socket.off('connect', onConnect);
    },
  };
}

export type TicketBoard = ReturnType<typeof createTicketBoard>;
