import { createWorkspace, type Workspace, type WorkspaceOptions } from './create-workspace.js';

/** A request the workspace sent over the fake socket, and how to answer it. */
export interface SentRequest {
  event: string;
  payload: { conversationId?: string; clientId?: string; text?: string };
  answer(res: unknown): void;
}

/**
 * An agent socket that records every request and answers only when the test says so, and whose
 * `connect` event the test fires: the network is the boundary faked here, nothing else.
 */
export function controlledSocket() {
  const sent: SentRequest[] = [];
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const socket = {
    connected: true,
    active: true,
    on: (event: string, handler: (...args: unknown[]) => void) => {
      handlers.set(event, handler);
      return socket;
    },
    off: () => socket,
    connect: () => socket,
    disconnect: () => socket,
    timeout: () => ({
      emit: (event: string, payload: SentRequest['payload'], ack: (err: null, res: unknown) => void) =>
        void sent.push({ event, payload, answer: (res) => ack(null, res) }),
    }),
  };
  const replies = () => sent.filter(({ event }) => event === 'message:send' || event === 'note:add');
  return {
    socket: socket as unknown as Workspace['socket'],
    sent,
    replies,
    connect: () => handlers.get('connect')?.(),
  };
}

/**
 * A workspace with no agent over `controlledSocket()`, whose clock moves one millisecond per
 * reading; `storage` keeps its outbox and drafts where the test says.
 */
export function controlledWorkspace(storage: Pick<WorkspaceOptions, 'outbox' | 'drafts'> = {}) {
  const fake = controlledSocket();
  let clock = 0;
  const workspace = createWorkspace({
    socket: fake.socket,
    agent: null,
    onUnauthorized: () => {},
    checkSession: async () => true,
    ...storage,
    now: () => ++clock,
  });
  return { ...fake, workspace };
}
