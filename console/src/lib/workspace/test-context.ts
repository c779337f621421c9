import type { AgentSocket } from '../agent-socket.js';
import { createPreferences } from '../preferences.js';
import { createStore } from '../store.js';
import type { WorkspaceContext } from './context.js';
import { initialWorkspaceState } from './state.js';

/**
 * The workspace context of the console's unit tests, around a fake socket (the network is the
 * boundary they fake): no agent signed in yet, a fixed id and a clock at 0.
 */
export function testWorkspaceContext(socket: unknown): WorkspaceContext {
  return {
    socket: socket as AgentSocket,
    store: createStore(initialWorkspaceState(null)),
    preferences: createPreferences(null, 'a1'),
    alert: () => {},
    pageSize: 50,
    inFlight: new Set(),
    readSent: new Map(),
    statusRequests: 0,
    newId: () => 'id',
    now: () => 0,
  };
}
