import type { AgentPresence, AgentStatus } from '@aftercare/shared';
import { request } from '../agent-socket.js';
import { storeConversation, type WorkspaceContext } from './context.js';
import type { TransferTarget, WorkspaceState } from './state.js';

/**
 * Sends the agent's chosen status. The server starts an agent it has never seen as `offline` and
 * a (re)connect does not change the status, so the console says it after every connect; the
 * choice is re-read from the preferences each time, so another tab's newer choice wins.
 */
export async function announceStatus(ctx: WorkspaceContext): Promise<void> {
  const desired = ctx.preferences.status();
  ctx.store.set((state) => withPresence(state, { desired }));
  await sendStatus(ctx, desired);
}

/** The agent picked a status in the top bar: remember it and tell the server. */
export async function chooseStatus(ctx: WorkspaceContext, status: AgentStatus): Promise<void> {
  ctx.preferences.saveStatus(status);
  ctx.store.set((state) => withPresence(state, { desired: status, error: null }));
  await sendStatus(ctx, status);
}

async function sendStatus(ctx: WorkspaceContext, status: AgentStatus): Promise<void> {
  ctx.statusRequests++;
  const res = await request(ctx.socket, 'presence:set', { status });
  ctx.statusRequests--;
  if ('error' in res) {
    // Offline: the next connect announces the status anyway.
    if (res.error.code !== 'OFFLINE') ctx.store.set((state) => withPresence(state, { error: res.error.code }));
    return;
  }
  ctx.store.set((state) => applyPresence(state, res.data.presence));
}

/** Loads every agent's presence and the queue length (after every connect). */
export async function loadPresence(ctx: WorkspaceContext): Promise<void> {
  const res = await request(ctx.socket, 'presence:list', {});
  if ('error' in res) return;
  ctx.store.set((state) => {
    const agents: Record<string, AgentPresence> = {};
    for (const presence of res.data.agents) agents[presence.agentId] = presence;
    const self = state.agent ? agents[state.agent.id] : undefined;
    const kept = self && state.agent ? state.presence.agents[state.agent.id] : undefined;
    // The list may have been read before our `presence:set` landed; the set's answer is newer.
    if (self && kept && isStale(ctx, state, self)) agents[self.agentId] = kept;
    const own = self && !isStale(ctx, state, self) ? self.status : state.presence.own;
    return withPresence(state, { agents, queueLength: res.data.queueLength, loaded: true, own });
  });
}

/**
 * Applies a `presence:changed` broadcast. About this agent, one that contradicts a status change
 * still on the wire is dropped: it was computed before the change (the connect's registration
 * can be announced after our `presence:set` was answered) and the answer is the truth.
 */
export function presenceChanged(ctx: WorkspaceContext, presence: AgentPresence): void {
  if (isStale(ctx, ctx.store.get(), presence)) return;
  ctx.store.set((current) => applyPresence(current, presence));
}

/** Admins set how many chats routing gives an agent at once. */
export async function setCapacity(ctx: WorkspaceContext, agentId: string, capacity: number): Promise<boolean> {
  ctx.store.set((state) => withPresence(state, { error: null }));
  const res = await request(ctx.socket, 'agent:set-capacity', { agentId, capacity });
  if ('error' in res) {
    ctx.store.set((state) => withPresence(state, { error: res.error.code }));
    return false;
  }
  return true;
}

/**
 * Gives a conversation to another agent or to a team, with an optional note the server stores as
 * an internal note. The server decides who may (CONFLICT: the colleague is not online or has no
 * free capacity; FORBIDDEN: not the agent's own chat); the header shows it.
 */
export async function transferConversation(
  ctx: WorkspaceContext,
  conversationId: string,
  target: TransferTarget,
  note?: string,
) {
  ctx.store.set((state) => ({ ...state, transfer: { conversationId, target, status: 'pending' } }));
  const res = await request(ctx.socket, 'conversation:transfer', {
    conversationId,
    ...(target.kind === 'agent' ? { toAgentId: target.id } : { toTeamId: target.id }),
    ...(note ? { note } : {}),
  });
  if ('error' in res) {
    const { code } = res.error;
    ctx.store.set((state) => ({
      ...state,
      transfer: { conversationId, target, status: 'failed', errorCode: code },
    }));
    return;
  }
  ctx.store.set((state) => ({ ...storeConversation(state, res.data.conversation), transfer: null }));
}

/** About this agent, contradicting a status change still on the wire: computed before it. */
function isStale(ctx: WorkspaceContext, state: WorkspaceState, presence: AgentPresence): boolean {
  return presence.agentId === state.agent?.id && ctx.statusRequests > 0 && presence.status !== state.presence.desired;
}

function withPresence(state: WorkspaceState, patch: Partial<WorkspaceState['presence']>): WorkspaceState {
  return { ...state, presence: { ...state.presence, ...patch } };
}

function withAgent(state: WorkspaceState, presence: AgentPresence): WorkspaceState {
  return withPresence(state, { agents: { ...state.presence.agents, [presence.agentId]: presence } });
}

function applyPresence(state: WorkspaceState, presence: AgentPresence): WorkspaceState {
  const next = withAgent(state, presence);
  return presence.agentId === state.agent?.id ? withPresence(next, { own: presence.status }) : next;
}
