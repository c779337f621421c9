import type { Namespace, Socket } from 'socket.io';

/** What a session-aware adapter (in-memory or Redis Streams) hands back for a recovered connection. */
interface RestoredSession {
  sid: string;
  data: unknown;
  missedPackets: unknown[][];
}

interface RestoringAdapter {
  restoreSession(pid: string, offset: string): Promise<RestoredSession | null | undefined>;
}

/**
 * Holds back the events a recovered connection missed until the namespace's middlewares accepted it.
 *
 * socket.io writes the missed packets to the wire in the `Socket` constructor, before the
 * middlewares run (`connectionStateRecovery.skipMiddlewares: false` only re-runs the checks). A
 * console whose session was revoked while it was away, or a widget whose customer was deleted,
 * would receive the events it missed and only then be refused (issue 6). Here the adapter's
 * `restoreSession` answers with no missed packets and keeps them aside; they are sent once the
 * connection is accepted, first thing after CONNECT, as socket.io would have delivered them.
 *
 * Call before the namespace's own middlewares and `connection` listeners are registered. The hook
 * follows the adapter property, so an adapter set later with `io.adapter(...)` is gated too.
 */
export function gateRecoveredPackets(namespace: Namespace): void {
  // Keyed by the restored data object, which becomes the new socket's `data` until a middleware replaces it.
  const heldByData = new WeakMap<object, unknown[][]>();
  const heldBySocket = new WeakMap<Socket, unknown[][]>();

  const gate = (adapter: RestoringAdapter) => {
    const restore = adapter.restoreSession.bind(adapter);
    adapter.restoreSession = async (pid, offset) => {
      const session = await restore(pid, offset);
      if (!session || session.missedPackets.length === 0) return session;
      const data = { ...(session.data as object) };
      heldByData.set(data, session.missedPackets);
      return { ...session, data, missedPackets: [] };
    };
  };

  let adapter = namespace.adapter as unknown as RestoringAdapter;
  gate(adapter);
  Object.defineProperty(namespace, 'adapter', {
    configurable: true,
    enumerable: true,
    get: () => adapter,
    set: (next: RestoringAdapter) => {
      adapter = next;
      gate(next);
    },
  });

  // Runs first: moves the held packets from the data object (which the auth middleware replaces) to the socket.
  namespace.use((socket, next) => {
    const held = typeof socket.data === 'object' && socket.data !== null ? heldByData.get(socket.data) : undefined;
    if (held) heldBySocket.set(socket, held);
    next();
  });

  // A refused socket never gets here; its packets go with it.
  namespace.on('connection', (socket: Socket) => {
    const held = heldBySocket.get(socket);
    if (!held) return;
    heldBySocket.delete(socket);
    // Each packet is [event, ...args, offset], exactly what the client would have received.
    const emit = socket.emit.bind(socket) as (...packet: unknown[]) => boolean;
    for (const packet of held) emit(...packet);
  });
}
