import type { Agent } from '@aftercare/shared';
import type { Namespace } from 'socket.io';
import { agentRoom } from './broadcaster.js';
import type { AgentNamespace, AgentSocket } from './namespaces.js';

type Profile = Pick<Agent, 'name' | 'avatarUrl'>;

/** Process-to-process event (never sent to clients): an agent's name or picture changed. */
const PROFILE_CHANGED = 'aftercare:agent-profile';

/**
 * A new name or picture applies to the agent's open consoles at once: each connection keeps the
 * agent it signed in as (messages it writes carry that name), so that object is updated in place —
 * on this process directly, on the others (scale-out mode) through a server-side event.
 */
export function refreshProfileEverywhere(namespace: AgentNamespace, agentId: string, profile: Profile): void {
  applyLocally(namespace, agentId, profile);
  // The in-memory adapter has no other processes to tell (and warns on `serverSideEmit`).
  if (isClustered(namespace)) loose(namespace).serverSideEmit(PROFILE_CHANGED, agentId, profile);
}

/** Applies other processes' profile changes to the consoles connected here. */
export function listenForProfileChanges(namespace: AgentNamespace): void {
  loose(namespace).on(PROFILE_CHANGED, (agentId: unknown, profile: unknown) => {
    const { name, avatarUrl } = (profile ?? {}) as Partial<Profile>;
    if (typeof agentId !== 'string' || typeof name !== 'string') return;
    applyLocally(namespace, agentId, { name, avatarUrl: typeof avatarUrl === 'string' ? avatarUrl : null });
  });
}

function applyLocally(namespace: AgentNamespace, agentId: string, profile: Profile): void {
  for (const socketId of namespace.adapter.rooms.get(agentRoom(agentId)) ?? []) {
    const socket: AgentSocket | undefined = namespace.sockets.get(socketId);
    if (socket) Object.assign(socket.data.agent, profile);
  }
}

/** Cluster adapters (the Redis Streams one) publish to other processes; the in-memory one cannot. */
function isClustered(namespace: AgentNamespace): boolean {
  return typeof (namespace.adapter as unknown as { publish?: unknown }).publish === 'function';
}

/** Server-side events are not part of the typed client protocol. */
function loose(namespace: AgentNamespace) {
  return namespace as unknown as Namespace;
}
