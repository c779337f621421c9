import { WebSocket } from 'ws';

/**
 * A socket.io client that speaks the engine.io v4 / socket.io v5 wire protocol by hand over a raw
 * WebSocket, so tests can send frames no well-behaved client would: broken JSON, wrong packet
 * types, binary placeholders without attachments, oversized frames.
 *
 * Packets (text frames): engine.io type digit, then for `4` (message) a socket.io packet:
 * `0` connect, `1` disconnect, `2` event, `3` ack, `4` connect error, `5` binary event, `6` binary ack,
 * e.g. `42/visitor,7["message:send",{...}]` is event ack id 7 on `/visitor`.
 */
export class RawSocket {
  /** Every text frame received, in order (pings excluded). */
  readonly frames: string[] = [];
  private readonly waiters = new Set<() => void>();
  private closeInfo: { code: number; reason: string } | null = null;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const frame = data.toString();
      // Engine.io heartbeat: the server pings, the client must pong or be dropped.
      if (frame === '2') return this.sendRaw('3');
      this.frames.push(frame);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closeInfo = { code, reason: reason.toString() };
      this.wake();
    });
    // A reset connection is one outcome tests look at through `closed`, never an unhandled error.
    ws.on('error', () => undefined);
  }

  /** Opens the WebSocket transport and waits for engine.io's open packet (`0{"sid":…}`). */
  static async open(baseUrl: string, headers: Record<string, string> = {}): Promise<RawSocket> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers });
    const socket = new RawSocket(ws);
    await socket.waitForFrame((frame) => frame.startsWith('0{'), 5_000);
    return socket;
  }

  get isOpen(): boolean {
    return this.closeInfo === null && this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends one frame as is (a string as a text frame, a Buffer as a binary frame); ignored once closed. */
  sendRaw(frame: string | Buffer): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame, { binary: typeof frame !== 'string' });
  }

  /** Connects to a namespace; resolves with the server's answer: `40…` (connected) or `44…` (refused). */
  async connect(namespace: string, auth: unknown): Promise<string> {
    this.sendRaw(`40${namespace},${JSON.stringify(auth)}`);
    return this.waitForFrame((frame) => frame.startsWith(`40${namespace},`) || frame.startsWith(`44${namespace},`));
  }

  /** Sends `42<namespace>,<ackId>[event, ...args]` with an arbitrary (possibly hostile) JSON body. */
  emitRaw(namespace: string, ackId: string | number, body: string): void {
    this.sendRaw(`42${namespace},${ackId}${body}`);
  }

  /**
   * Resolves with the arguments of the ack `43<namespace>,<ackId>[…]`, or `'closed'` when the server
   * closed the connection first (which is its answer to frames it cannot parse).
   */
  async ack(namespace: string, ackId: string | number, timeoutMs = 5_000): Promise<unknown[] | 'closed'> {
    const prefix = `43${namespace},${ackId}[`;
    const frame = await this.waitFor(
      () => this.frames.find((f) => f.startsWith(prefix)) ?? this.closedMarker(),
      timeoutMs,
    );
    return frame === CLOSED ? 'closed' : (JSON.parse(frame.slice(prefix.length - 1)) as unknown[]);
  }

  /** Resolves with the close code once the server (or the client) has closed the connection. */
  async closed(timeoutMs = 5_000): Promise<{ code: number; reason: string }> {
    await this.waitFor(() => this.closedMarker(), timeoutMs);
    return this.closeInfo!;
  }

  /** Resolves with the first received frame matching `test`. */
  waitForFrame(test: (frame: string) => boolean, timeoutMs = 5_000): Promise<string> {
    return this.waitFor(() => this.frames.find(test), timeoutMs).then((frame) => {
      if (frame === CLOSED) throw new Error('connection closed');
      return frame;
    });
  }

  close(): void {
    this.ws.terminate();
  }

  private closedMarker(): string | undefined {
    return this.closeInfo ? CLOSED : undefined;
  }

  private waitFor(find: () => string | undefined, timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find() ?? (this.closeInfo ? CLOSED : undefined);
        if (found === undefined) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no matching frame within ${timeoutMs} ms; last: ${this.frames.slice(-3).join(' | ')}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  private wake(): void {
    for (const check of [...this.waiters]) check();
  }
}

const CLOSED = '\u0000closed';
