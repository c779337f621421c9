import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { AppendRowResult, AppendStatements } from './append-thread.js';

/** Version of the hub's wire protocol (below); part of the address, like the append statements. */
const HUB_PROTOCOL = 1;

/**
 * Where the append threads of every process on this database file meet (`shareAppends`): an
 * abstract Unix socket named after the file's device, inode and random id (`store_identity`), the
 * protocol and the statements an append runs, so that only builds that would store a row the same
 * way share a writer (during a rolling upgrade old and new each have their own). Hashed, so that
 * the name (listed in `/proc/net/unix`) does not give away the id the handshake proves.
 */
export function appendHubOf(
  db: Database,
  file: string,
  statements: AppendStatements,
): { address: string; secret: string } {
  const { id: secret } = db.prepare<[], { id: string }>('SELECT id FROM store_identity').get()!;
  const { dev, ino } = statSync(file);
  const name = createHash('sha256')
    .update(`${HUB_PROTOCOL}:${dev}:${ino}:${secret}:${JSON.stringify(statements)}`)
    .digest('hex')
    .slice(0, 40);
  return { address: `\0aftercare-append-${name}`, secret };
}

/**
 * What an append thread is to the other processes on its database file: the hub commits for all
 * of them, a client sends its rows to the hub, and one alone commits its own (no hub reachable
 * right now, or sharing is off).
 */
export type AppendRole = 'hub' | 'client' | 'alone';

/** What a request to append rows in one transaction gets back: a result per row, or why none was stored. */
export type AppendAnswer = { results: AppendRowResult[] } | { error: { code?: string; message: string } };

/** What the append thread's commits look like to `shareAppends`. */
export interface AppendHubOptions {
  /** node's `net` module (the worker loads it: this function travels as source text). */
  net: {
    createServer(onConnection: (socket: HubSocket) => void): HubServer;
    connect(path: string): HubSocket;
  };
  /** node's `createHmac`, `randomBytes` and `timingSafeEqual`, for the handshake. */
  crypto: {
    createHmac(algorithm: 'sha256', key: string): { update(data: string): { digest(encoding: 'hex'): string } };
    randomBytes(size: number): { toString(encoding: 'hex'): string };
    timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
  };
  /** Where the hub of this database file listens: an abstract Unix socket name. */
  address: string;
  /**
   * The database file's random id (`store_identity`): both ends of a connection prove they know
   * it before any row moves, since an abstract socket, unlike a file, has no permissions that
   * would keep out local processes that cannot read the database.
   */
  secret: string;
  /** Commits rows on this thread's own connection (group-committed with other requests). */
  commitHere(rows: Record<string, unknown>[], answer: (answer: AppendAnswer) => void): void;
  /** Told each time this thread becomes the hub, a client of another process's hub, or neither. */
  onRole(role: AppendRole): void;
}

interface HubSocket {
  on(event: 'data', listener: (chunk: string) => void): HubSocket;
  on(event: 'connect' | 'close', listener: () => void): HubSocket;
  on(event: 'error', listener: (error: Error) => void): HubSocket;
  write(data: string): boolean;
  setNoDelay(noDelay: boolean): HubSocket;
  setEncoding(encoding: 'utf8'): HubSocket;
  destroy(): void;
  readonly destroyed: boolean;
}

interface HubServer {
  on(event: 'error', listener: (error: Error & { code?: string }) => void): HubServer;
  on(event: 'listening', listener: () => void): HubServer;
  listen(path: string): HubServer;
  close(): void;
}

/**
 * One writer for every process sharing a SQLite file on this machine (issue 6). Each process's
 * append thread committed on its own connection, so two processes took turns at the file's write
 * lock with an `fsync` inside it, and each commit found its page cache reset by the other's. Now
 * the first append thread to claim the file's address (an abstract Unix socket, which the kernel
 * frees the moment its process dies) is the **hub**: it commits its own process's appends and
 * those the other processes' append threads (**clients**) send it, group-committed together on one
 * connection. Its answers are the stored rows, exactly as a local commit returns them.
 *
 * Correctness never depends on this: every thread keeps its own connection, and while it has no
 * hub (none yet, or the hub's process died or stopped) it commits locally, as before. A request in
 * flight when the hub vanishes is committed locally again; appends are idempotent by
 * `(conversation_id, client_id)`, so a row the hub had stored is found instead of written twice,
 * and it is ours (`created`) when the stored row has the id we sent. Then it tries to become the
 * hub itself, or a client of whichever thread did.
 *
 * Runs inside the append thread and travels to it as source text: self-contained.
 */
export function shareAppends(options: AppendHubOptions): {
  submit(rows: Record<string, unknown>[], answer: (answer: AppendAnswer) => void): void;
  /** True while another process's thread commits for this one (this thread then skips chores). */
  isClient(): boolean;
} {
  const { net, crypto, address, secret, commitHere, onRole } = options;
  // After losing the hub: soon, and not all clients at the same moment. Each attempt in a row that
  // never got through the handshake (something else holds the address) waits twice as long, up to 5 s.
  let fruitless = 0;
  const retryDelayMs = () => Math.min(50 * 2 ** fruitless, 5_000) + Math.random() * 100;
  // A batch is at most a few hundred messages; a longer line is no client of ours.
  const MAX_LINE = 32 * 1024 * 1024;
  type Waiting = { rows: Record<string, unknown>[]; answer: (answer: AppendAnswer) => void };

  let hub: HubSocket | null = null;
  const inFlight = new Map<number, Waiting>();
  let nextId = 0;

  const send = (socket: HubSocket, value: unknown) => socket.write(`${JSON.stringify(value)}\n`);
  const proof = (role: 'hub' | 'client', nonce: unknown) =>
    crypto
      .createHmac('sha256', secret)
      .update(`${role}:${String(nonce)}`)
      .digest('hex');
  const proves = (role: 'hub' | 'client', nonce: string, claimed: unknown) => {
    const expected = Buffer.from(proof(role, nonce));
    const given = Buffer.from(String(claimed));
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  };

  /**
   * Reads a socket as lines of JSON (JSON never holds a raw newline). A line that is not JSON, or
   * that `onLine` refuses (answers false), or one too long, ends the connection.
   */
  const lines = (socket: HubSocket, onLine: (value: Record<string, unknown>) => boolean) => {
    let buffered = '';
    // Decoded by the stream, which keeps a character cut in two by a packet boundary for the next
    // chunk (a chunk's own `toString` would turn each half into U+FFFD: Chinese text came out garbled).
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      buffered += chunk;
      for (let end = buffered.indexOf('\n'); end >= 0 && !socket.destroyed; end = buffered.indexOf('\n')) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        let value: Record<string, unknown>;
        try {
          value = JSON.parse(line) as Record<string, unknown>;
        } catch {
          value = {};
        }
        if (!onLine(value)) socket.destroy();
      }
      if (buffered.length > MAX_LINE) socket.destroy();
    });
    socket.on('error', () => socket.destroy());
  };

  /**
   * Serves another process's thread: `{ nonce }` answered with our proof and a nonce of ours, its
   * proof, then requests `{ id, rows }` answered `{ id, results | error }`.
   */
  const serve = (socket: HubSocket) => {
    socket.setNoDelay(true);
    const ours = crypto.randomBytes(16).toString('hex');
    let step: 'hello' | 'proof' | 'serving' = 'hello';
    lines(socket, (value) => {
      if (step === 'hello') {
        if (typeof value.nonce !== 'string') return false;
        send(socket, { proof: proof('hub', value.nonce), nonce: ours });
        step = 'proof';
        return true;
      }
      if (step === 'proof') {
        step = 'serving';
        return proves('client', ours, value.proof);
      }
      const { id, rows } = value;
      if (typeof id !== 'number' || !Array.isArray(rows)) return false;
      commitHere(rows as Record<string, unknown>[], (answer) => {
        if (!socket.destroyed) send(socket, { id, ...answer });
      });
      return true;
    });
  };

  /** Commits again here what the vanished hub may or may not have stored. */
  const commitOrphans = () => {
    const orphans = [...inFlight.values()];
    inFlight.clear();
    for (const { rows, answer } of orphans) {
      commitHere(rows, (reply) => {
        if ('results' in reply) {
          reply.results = reply.results.map((result, i) =>
            result && !result.created && result.message.id === rows[i]!.id ? { ...result, created: true } : result,
          );
        }
        answer(reply);
      });
    }
  };

  const becomeClient = () => {
    const socket = net.connect(address);
    socket.setNoDelay(true);
    const ours = crypto.randomBytes(16).toString('hex');
    socket.on('connect', () => send(socket, { nonce: ours }));
    lines(socket, (value) => {
      if (hub !== socket) {
        // The hub's answer to our hello: it must know the secret too, or it is no hub of ours.
        if (!proves('hub', ours, value.proof) || typeof value.nonce !== 'string') return false;
        send(socket, { proof: proof('client', value.nonce) });
        hub = socket;
        fruitless = 0;
        onRole('client');
        return true;
      }
      const waiting = typeof value.id === 'number' ? inFlight.get(value.id) : undefined;
      if (!waiting) return false;
      inFlight.delete(value.id as number);
      const { id: _, ...answer } = value;
      waiting.answer(answer as AppendAnswer);
      return true;
    });
    socket.on('close', () => {
      const wasHub = hub === socket;
      if (wasHub) hub = null;
      else fruitless = Math.min(fruitless + 1, 10);
      commitOrphans();
      if (wasHub) onRole('alone');
      setTimeout(claim, retryDelayMs());
    });
  };

  /** Becomes the hub if nobody is; otherwise a client of the one who is. */
  const claim = () => {
    const server = net.createServer(serve);
    server.on('listening', () => {
      fruitless = 0;
      onRole('hub');
    });
    server.on('error', (error) => {
      server.close();
      // Taken: another thread is the hub. Anything else (no abstract sockets here): stay alone.
      if (error.code === 'EADDRINUSE') becomeClient();
    });
    server.listen(address);
  };
  claim();

  return {
    submit(rows, answer) {
      if (!hub) {
        commitHere(rows, answer);
        return;
      }
      const id = nextId++;
      inFlight.set(id, { rows, answer });
      send(hub, { id, rows });
    },
    isClient: () => hub !== null,
  };
}
