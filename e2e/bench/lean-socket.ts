import { WebSocket } from 'ws';

/**
 * A minimal socket.io client for load tests: one raw WebSocket speaking engine.io v4 / socket.io v5
 * text frames (see `server/src/transport/socket/raw-client.ts` for the protocol). A socket.io-client
 * instance costs tens of kilobytes and timers of its own; thousands of them would make the bench
 * process, not the server, the bottleneck. This one keeps a WebSocket, a namespace and the pending
 * acks, answers the server's pings, and parses only what the caller asks for.
 *
 * Frames: `0{…}` engine.io open, `2`/`3` ping/pong, `40/ns,{…}` connect, `44/ns,{…}` connect error,
 * `42/ns,<ackId>["event",…]` event, `43/ns,<ackId>[…]` ack.
 */
export class LeanSocket {
  private nextAckId = 0;
  private readonly acks = new Map<number, (args: unknown[]) => void>();
  private readonly eventPrefix: string;
  private readonly ackPrefix: string;
  /** Called with every event frame's raw text (after the `42/ns,` prefix), unparsed. */
  onEvent: ((frame: string) => void) | null = null;
  onClose: (() => void) | null = null;
  closed = false;

  private constructor(
    private readonly ws: WebSocket,
    namespace: string,
  ) {
    this.eventPrefix = `42${namespace},`;
    this.ackPrefix = `43${namespace},`;
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const frame = data.toString();
      if (frame === '2') return this.ws.send('3');
      if (frame.startsWith(this.eventPrefix)) return this.onEvent?.(frame.slice(this.eventPrefix.length));
      if (frame.startsWith(this.ackPrefix)) {
        const body = frame.slice(this.ackPrefix.length);
        const bracket = body.indexOf('[');
        const resolve = this.acks.get(Number(body.slice(0, bracket)));
        if (resolve) {
          this.acks.delete(Number(body.slice(0, bracket)));
          resolve(JSON.parse(body.slice(bracket)) as unknown[]);
        }
      }
    });
    ws.on('close', () => {
      this.closed = true;
      for (const resolve of this.acks.values()) resolve([{ error: { code: 'CLOSED' } }]);
      this.acks.clear();
      this.onClose?.();
    });
    ws.on('error', () => undefined);
  }

  /**
   * Opens the WebSocket, joins `namespace` with `auth` and resolves once the server has sent
   * `session:ready` (our namespaces' first event); rejects on a connect error, a close or `timeoutMs`.
   */
  static connect(
    baseUrl: string,
    namespace: string,
    auth: unknown,
    headers: Record<string, string> = {},
    timeoutMs = 30_000,
  ): Promise<{ socket: LeanSocket; ready: string }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
        headers,
        perMessageDeflate: false,
      });
      const socket = new LeanSocket(ws, namespace);
      const fail = (reason: string) => {
        clearTimeout(timer);
        ws.terminate();
        reject(new Error(reason));
      };
      const timer = setTimeout(() => fail(`no session:ready within ${timeoutMs} ms`), timeoutMs);
      const openPrefix = `40${namespace},`;
      const errorPrefix = `44${namespace},`;
      const readyPrefix = '["session:ready",';
      const listener = (data: Buffer, isBinary: boolean) => {
        if (isBinary) return;
        const frame = data.toString();
        if (frame.startsWith('0{')) ws.send(`${openPrefix}${JSON.stringify(auth)}`);
        else if (frame.startsWith(errorPrefix)) fail(`connect refused: ${frame.slice(errorPrefix.length)}`);
        else if (frame.startsWith(`${socket.eventPrefix}${readyPrefix}`)) {
          clearTimeout(timer);
          ws.off('message', listener);
          ws.off('close', onClose);
          resolve({ socket, ready: frame.slice(socket.eventPrefix.length) });
        }
      };
      const onClose = () => fail('closed during the handshake');
      ws.on('message', listener);
      ws.on('close', onClose);
    });
  }

  /** Sends an event with an ack and resolves with the ack's arguments (`[{ data }]` or `[{ error }]`). */
  emitWithAck(event: string, payload: unknown, timeoutMs = 30_000): Promise<unknown[]> {
    if (this.closed) return Promise.resolve([{ error: { code: 'CLOSED' } }]);
    const id = this.nextAckId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.acks.delete(id);
        resolve([{ error: { code: 'TIMEOUT' } }]);
      }, timeoutMs);
      this.acks.set(id, (args) => {
        clearTimeout(timer);
        resolve(args);
      });
      this.ws.send(`${this.eventPrefix}${id}${JSON.stringify([event, payload])}`);
    });
  }

  close(): void {
    this.ws.terminate();
  }
}
