/**
 * One client process of the load benchmark (`load.ts` forks it): holds idle shoppers, or the
 * shoppers who send, or the agents who receive, so the bench's own work is spread over processes
 * and kept out of the server's. Commands and results travel over the IPC channel (`LoadCommand`,
 * `LoadReply`). Exits when its parent goes away.
 */
import { writeFileSync } from 'node:fs';
import { AGENT_NAMESPACE, PROTOCOL_VERSION, VISITOR_NAMESPACE } from '@aftercare/shared';
import { DEMO } from '../support/server.js';
import { percentile } from './bench-server.js';
import { LeanSocket } from './lean-socket.js';

export type LoadCommand =
  | { type: 'clock' }
  | { type: 'idle'; urls: string[]; count: number; concurrency: number }
  | { type: 'senders'; urls: string[]; count: number; concurrency: number }
  | { type: 'agents'; urls: string[]; count: number; cookie: string; total: number }
  | { type: 'send'; rate: number; seconds: number }
  | { type: 'deliveries' }
  | { type: 'close' };

export interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export type LoadReply =
  | { type: 'clock'; now: number }
  | { type: 'connected'; connected: number; failed: number; firstError: string | null; seconds: number }
  | {
      type: 'sent';
      sent: number;
      failed: number[];
      /** Seconds spent sending, and from the first send to the last ack. */
      windowSeconds: number;
      elapsedSeconds: number;
      ackMs: Latencies;
    }
  | {
      type: 'deliveries';
      /** Per agent: distinct messages received (the caller counts the missing ones from `seen`). */
      received: number[];
      duplicates: number;
      /** Index bitmaps per agent, base64: bit i set when message i arrived. */
      seen: string[];
      /** Send → arrival, every delivery to every agent. */
      everyMs: Latencies;
      /** Send → arrival at the first agent to get it. */
      firstMs: Latencies;
    }
  | { type: 'closed' };

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
const now = () => performance.timeOrigin + performance.now();

const sockets: LeanSocket[] = [];
const senders: { socket: LeanSocket; conversationId: string }[] = [];
let agentState: AgentState | null = null;

function reply(message: LoadReply): void {
  process.send!(message);
}

process.on('disconnect', () => process.exit(0));
process.on('message', (command: LoadCommand) => {
  handle(command).catch((error: unknown) => {
    process.stderr.write(`load worker failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
});

async function handle(command: LoadCommand): Promise<void> {
  switch (command.type) {
    case 'clock':
      return reply({ type: 'clock', now: now() });
    case 'idle':
      return reply(await connectMany(command.urls, command.count, command.concurrency, connectVisitor));
    case 'senders':
      return reply(
        await connectMany(command.urls, command.count, command.concurrency, async (url) => {
          const socket = await connectVisitor(url);
          const [answer] = (await socket.emitWithAck('conversation:start', { requestId: crypto.randomUUID() })) as [
            { data?: { conversation: { id: string } }; error?: { code: string } },
          ];
          if (!answer.data) throw new Error(`conversation:start failed: ${answer.error?.code}`);
          senders.push({ socket, conversationId: answer.data.conversation.id });
          return socket;
        }),
      );
    case 'agents': {
      agentState = new AgentState(command.count, command.total);
      return reply(
        await connectMany(command.urls, command.count, command.count, async (url, index) => {
          const { socket } = await LeanSocket.connect(
            url,
            AGENT_NAMESPACE,
            { protocolVersion: PROTOCOL_VERSION },
            { cookie: command.cookie },
          );
          socket.onEvent = (frame) => agentState!.onEvent(index, frame);
          return socket;
        }),
      );
    }
    case 'send':
      return reply(await sendAtRate(command.rate, command.seconds));
    case 'deliveries':
      return reply(agentState!.report());
    case 'close':
      for (const socket of sockets) socket.close();
      reply({ type: 'closed' });
      return;
  }
}

function connectVisitor(url: string): Promise<LeanSocket> {
  return LeanSocket.connect(url, VISITOR_NAMESPACE, { protocolVersion: PROTOCOL_VERSION, siteKey: DEMO.siteKey }).then(
    ({ socket }) => socket,
  );
}

/** Opens `count` connections round-robin over `urls`, at most `concurrency` handshakes at a time. */
async function connectMany(
  urls: string[],
  count: number,
  concurrency: number,
  open: (url: string, index: number) => Promise<LeanSocket>,
): Promise<LoadReply> {
  const started = performance.now();
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      try {
        sockets.push(await open(urls[index % urls.length]!, index));
      } catch (error) {
        failed++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return {
    type: 'connected',
    connected: count - failed,
    failed,
    firstError,
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
}

/**
 * Sends `rate` messages a second for `seconds` from the connected senders, round-robin. The
 * message's text carries its send time, so the agents' process can time the delivery.
 */
async function sendAtRate(rate: number, seconds: number): Promise<LoadReply> {
  const total = Math.round(rate * seconds);
  const failed: number[] = [];
  const ackMs: number[] = [];
  const sends: Promise<void>[] = [];
  const tickMs = 5;
  const started = performance.now();
  let next = 0;
  const send = async (index: number) => {
    const sender = senders[index % senders.length]!;
    const sentAt = now();
    const [answer] = (await sender.socket.emitWithAck('message:send', {
      conversationId: sender.conversationId,
      clientId: `load-${index}`,
      text: `load ${sentAt.toFixed(3)}`,
    })) as [{ data?: unknown }];
    if (answer.data) ackMs.push(now() - sentAt);
    else failed.push(index);
  };
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      // Catch up on late ticks so the offered rate stays what was asked for.
      const due = Math.min(total, Math.round((performance.now() - started) * (rate / 1000)));
      for (; next < due; next++) sends.push(send(next));
      if (next >= total) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  const windowSeconds = (performance.now() - started) / 1000;
  await Promise.all(sends);
  const elapsedSeconds = (performance.now() - started) / 1000;
  return { type: 'sent', sent: total, failed, windowSeconds, elapsedSeconds, ackMs: summarize(ackMs) };
}

/** What the agents received: a bitmap per agent (for loss), duplicates and delivery times. */
class AgentState {
  private readonly seen: Uint8Array[];
  private readonly received: number[];
  private readonly firstAt: Float64Array;
  /** Send time (epoch ms) of each message, for `--timeline`. */
  private readonly sentAt: Float64Array;
  private readonly every: number[] = [];
  private duplicates = 0;

  constructor(
    agents: number,
    private readonly total: number,
  ) {
    this.seen = Array.from({ length: agents }, () => new Uint8Array(Math.ceil(total / 8)));
    this.received = Array.from({ length: agents }, () => 0);
    this.firstAt = new Float64Array(total);
    this.sentAt = new Float64Array(total);
  }

  /** Reads only the client id and the send time out of `["message:created",{"message":{…}}]`. */
  onEvent(agent: number, frame: string): void {
    const arrived = now();
    if (!frame.startsWith('["message:created"')) return;
    const idAt = frame.indexOf('"clientId":"load-');
    if (idAt < 0) return;
    const index = Number.parseInt(frame.slice(idAt + 17, frame.indexOf('"', idAt + 17)), 10);
    const textAt = frame.indexOf('"text":"load ');
    const sentAt = Number(frame.slice(textAt + 13, frame.indexOf('"', textAt + 13)));
    if (!(index >= 0 && index < this.total)) return;
    const bits = this.seen[agent]!;
    const mask = 1 << (index & 7);
    if (bits[index >> 3]! & mask) {
      this.duplicates++;
      return;
    }
    bits[index >> 3]! |= mask;
    this.received[agent]!++;
    const latency = arrived - sentAt;
    this.every.push(latency);
    if (this.firstAt[index] === 0) {
      this.firstAt[index] = latency;
      this.sentAt[index] = sentAt;
    }
  }

  report(): LoadReply {
    // `--timeline FILE`: one line per message, to see whether the tail is one stall or spread out
    // and to line it up with a server's --trace-gc or --cpu-prof output (epoch ms).
    const timeline = process.env.LOAD_TIMELINE;
    if (timeline) {
      const lines = Array.from(this.firstAt, (latency, index) =>
        latency === 0 ? '' : `${this.sentAt[index]!.toFixed(1)} ${latency.toFixed(1)}\n`,
      );
      // --cpu-prof's timestamps are the system's monotonic clock (µs): this anchor maps them to epoch ms.
      const anchor = `# monotonic-ns ${process.hrtime.bigint()} epoch-ms ${Date.now()}`;
      writeFileSync(timeline, `${anchor}\n# sent-at-epoch-ms first-agent-latency-ms\n${lines.join('')}`);
    }
    const first = Array.from(this.firstAt).filter((latency) => latency !== 0);
    return {
      type: 'deliveries',
      received: this.received,
      duplicates: this.duplicates,
      seen: this.seen.map((bits) => Buffer.from(bits).toString('base64')),
      everyMs: summarize(this.every),
      firstMs: summarize(first),
    };
  }
}

function summarize(values: number[]): Latencies {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  const round = (value: number) => Number(value.toFixed(1));
  return {
    p50: round(percentile(list, 50)),
    p95: round(percentile(list, 95)),
    p99: round(percentile(list, 99)),
    max: round(list.at(-1) ?? Number.NaN),
  };
}
