/**
 * Delivery benchmark: one server process over loopback, N visitor sockets and M agent sockets,
 * a steady rate of persisted messages from visitors, and what it costs.
 * Prints delivery latency (visitor send → agent receive) p50/p95/p99, messages lost, and server
 * heap per connection. Bounded: stops by itself after the traffic window plus a short drain.
 *
 *   npm run build && npm run bench -- --visitors 1000 --agents 20 --rate 1000 --seconds 20
 */
import { parseArgs } from 'node:util';
import type { Conversation, Message, MessagesSyncResult } from '@aftercare/shared';
import { type BenchVisitor, connectAgents, connectVisitors } from './bench-clients.js';
import { percentile, startBenchServer } from './bench-server.js';

const { values } = parseArgs({
  options: {
    visitors: { type: 'string', default: '1000' },
    agents: { type: 'string', default: '20' },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '20' },
  },
});
const visitorCount = Number(values.visitors);
const agentCount = Number(values.agents);
const rate = Number(values.rate);
const seconds = Number(values.seconds);

const server = await startBenchServer();
const hardStop = setTimeout(
  () => {
    console.error('benchmark exceeded its time limit; stopping');
    void server.stop().then(() => process.exit(1));
  },
  (seconds + 180) * 1000,
);

try {
  const baseline = await server.heapUsed();
  const agents = await connectAgents(server.url, agentCount);
  const visitors = await connectVisitors(server.url, visitorCount);
  const loaded = await server.heapUsed();
  const connections = visitorCount + agentCount;
  const heapPerConnection = (loaded - baseline) / connections;

  // Every agent receives every message (one tenant). Latency is taken at the first agent to get it;
  // loss is counted per agent.
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const receivedBy = new Map<string, number>();
  for (const agent of agents) {
    agent.on('message:created', ({ message }: { message: Message }) => {
      const count = (receivedBy.get(message.clientId) ?? 0) + 1;
      receivedBy.set(message.clientId, count);
      if (count === 1) latencies.push(performance.now() - sentAt.get(message.clientId)!);
    });
  }

  const total = rate * seconds;
  const acked: Message[] = [];
  const failed: string[] = [];
  const sends: Promise<void>[] = [];
  const tickMs = 10;
  const perTick = rate / (1000 / tickMs);
  const started = performance.now();
  let next = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      // Catch up on late ticks so the offered rate stays what was asked for.
      const due = Math.min(total, Math.round(((performance.now() - started) / tickMs) * perTick));
      for (; next < due; next++) sends.push(send(visitors[next % visitors.length]!, next));
      if (next >= total) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  const sendWindow = (performance.now() - started) / 1000;
  await Promise.all(sends);
  const ackedRate = acked.length / ((performance.now() - started) / 1000);

  // Give the last broadcasts a moment to land, then count what never arrived.
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline && [...receivedBy.values()].filter((n) => n === agentCount).length < acked.length) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const missingDeliveries = acked.reduce(
    (sum, message) => sum + (agentCount - (receivedBy.get(message.clientId) ?? 0)),
    0,
  );
  const stored = await countStored(
    agents[0]!,
    visitors.map((visitor) => visitor.conversation),
  );
  const lost = failed.length + (acked.length - stored) + missingDeliveries;

  latencies.sort((a, b) => a - b);
  const result = {
    visitors: visitorCount,
    agents: agentCount,
    offeredRate: rate,
    seconds,
    sent: total,
    acked: acked.length,
    stored,
    sendWindowSeconds: Number(sendWindow.toFixed(1)),
    ackedPerSecond: Math.round(ackedRate),
    latencyMs: {
      p50: Number(percentile(latencies, 50).toFixed(1)),
      p95: Number(percentile(latencies, 95).toFixed(1)),
      p99: Number(percentile(latencies, 99).toFixed(1)),
      max: Number((latencies.at(-1) ?? 0).toFixed(1)),
    },
    lost,
    failedSends: failed.length,
    missingAgentDeliveries: missingDeliveries,
    heapPerConnectionKB: Number((heapPerConnection / 1024).toFixed(1)),
    serverHeapMB: Number(((await server.heapUsed()) / 1024 / 1024).toFixed(1)),
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(
    `\ndelivery p50 ${result.latencyMs.p50} ms · p95 ${result.latencyMs.p95} ms · p99 ${result.latencyMs.p99} ms · ` +
      `${result.ackedPerSecond} msg/s persisted · lost ${lost} · heap ${result.heapPerConnectionKB} KB/connection`,
  );
  for (const socket of [...agents, ...visitors.map((visitor) => visitor.socket)]) socket.close();
  process.exitCode = lost === 0 ? 0 : 1;

  async function send(visitor: BenchVisitor, index: number): Promise<void> {
    const clientId = `bench-${index}`;
    sentAt.set(clientId, performance.now());
    const response = await visitor.socket
      .timeout(30_000)
      .emitWithAck('message:send', {
        conversationId: visitor.conversation.id,
        clientId,
        text: `benchmark message ${index}`,
      })
      .catch(() => ({ error: { code: 'TIMEOUT' } }));
    if ('data' in response) acked.push(response.data.message);
    else failed.push(clientId);
  }
} finally {
  clearTimeout(hardStop);
  await server.stop();
}

/** Counts stored messages through the API, the way a client would see them. */
async function countStored(agent: import('socket.io-client').Socket, conversations: Conversation[]): Promise<number> {
  let count = 0;
  for (const conversation of conversations) {
    let afterSeq = 0;
    for (;;) {
      const response = await agent
        .timeout(10_000)
        .emitWithAck('messages:sync', { conversationId: conversation.id, afterSeq, limit: 500 });
      const page = (response as { data: MessagesSyncResult }).data;
      count += page.messages.length;
      if (!page.hasMore) break;
      afterSeq = page.messages.at(-1)!.seq;
    }
  }
  return count;
}
