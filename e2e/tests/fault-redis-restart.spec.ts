import { expect, test } from '@playwright/test';
import type { Cluster } from '../support/cluster.js';
import { conversationProblems } from '../support/fault-checks.js';
import { AgentClient, createAgents, type FaultClient, ShopperClient } from '../support/fault-clients.js';
import { useCluster } from '../support/fault-suite.js';

/**
 * Redis stops in the middle of traffic and comes back empty on the same port (no persistence).
 * Meanwhile each process keeps serving its own clients; afterwards broadcasts cross processes
 * again and every client holds every message once.
 */
const SHOPPERS = 20;
const ROUNDS = 9;
const ROUND_MS = 300;

let cluster: Cluster;
const { track, clients } = useCluster((started) => {
  cluster = started;
});

/** The traffic of the first test, which the others inspect further. */
const run = {
  shoppers: [] as ShopperClient[],
  agentOf: new Map<string, AgentClient>(),
  sameProcess: [] as ShopperClient[],
};

test.describe.configure({ mode: 'serial' });

test('each process serves its own clients through a Redis restart, then broadcasts cross again; storage holds every message once', async () => {
  test.setTimeout(90_000);
  const urls = () => cluster.urls();
  const cookies = await createAgents(cluster.urls()[0]!, 2, SHOPPERS);
  const agents = cookies.map((cookie, index) => track(new AgentClient(`agent ${index + 1}`, urls, index, cookie)));
  await Promise.all(agents.map((agent) => agent.start()));
  const shoppers = await Promise.all(
    Array.from({ length: SHOPPERS }, async (_, index) => {
      const shopper = track(new ShopperClient(`shopper ${index + 1}`, urls, index % 2));
      await shopper.start();
      await shopper.startConversation();
      return shopper;
    }),
  );
  run.shoppers = shoppers;
  const agentOf = run.agentOf;
  for (const shopper of shoppers) {
    const conversation = shopper.conversation!;
    const agent = agents.find((candidate) => candidate.agent!.id === conversation.assigneeId)!;
    expect(agent, `${shopper.name}'s chat has an agent`).toBeDefined();
    agent.following.add(conversation.id);
    agentOf.set(conversation.id, agent);
  }
  const sameProcess = shoppers.filter(
    (shopper) => agentOf.get(shopper.conversation!.id)!.connectedTo === shopper.connectedTo,
  );
  run.sameProcess = sameProcess;
  expect(sameProcess.length, 'some chats on one process').toBeGreaterThan(0);
  expect(sameProcess.length, 'some chats across processes').toBeLessThan(SHOPPERS);

  let stoppedAt = 0;
  let restartedAt = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const shopper of shoppers) {
      shopper.say(`round ${round} from ${shopper.name}`);
      const conversationId = shopper.conversation!.id;
      agentOf.get(conversationId)!.reply(conversationId, `round ${round} to ${shopper.name}`);
    }
    if (round === 2) {
      await cluster.redis.stop();
      stoppedAt = Date.now();
    }
    if (round === 5) {
      // Each process still served its own clients: sends were acked and delivered on the same process.
      const ackedMeanwhile = shoppers.filter((shopper) =>
        [...shopper.acks.values()].some((message) => message.createdAt > stoppedAt),
      );
      expect(ackedMeanwhile.length, 'shoppers whose sends were acked while Redis was down').toBe(SHOPPERS);
      for (const shopper of sameProcess) {
        const agent = agentOf.get(shopper.conversation!.id)!;
        const heard = [...agent.views.get(shopper.conversation!.id)!.values()].some(
          (message) => message.author.kind === 'visitor' && message.createdAt > stoppedAt,
        );
        expect(heard, `${agent.name} heard ${shopper.name} on the same process while Redis was down`).toBe(true);
      }
      await cluster.redis.restart();
      restartedAt = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, ROUND_MS));
  }
  console.log(`Redis was down for ${restartedAt - stoppedAt} ms`);
  await Promise.all(clients.map((client) => client.whenIdle()));
  cluster.assertNoCrash();

  // Broadcasts cross processes again: new messages reach the other process's clients live, both
  // ways. A probe may meet a client reconnecting (then it arrives by sync): the next one must not.
  const crossProcess = shoppers.filter((shopper) => !sameProcess.includes(shopper));
  for (const shopper of crossProcess) {
    const conversationId = shopper.conversation!.id;
    const agent = agentOf.get(conversationId)!;
    const directions = [
      { from: shopper as FaultClient, to: agent as FaultClient, say: () => shopper.say('after the restart') },
      { from: agent, to: shopper, say: () => agent.reply(conversationId, 'after the restart') },
    ];
    for (const { from, to, say } of directions) {
      const heardLive = async () => {
        const clientId = say();
        const deadline = Date.now() + 3_000;
        while (Date.now() < deadline) {
          const message = [...(to.views.get(conversationId)?.values() ?? [])].find((m) => m.clientId === clientId);
          if (message && to.liveCounts.get(message.id) === 1) return true;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return false;
      };
      await expect
        .poll(heardLive, { message: `${to.name} gets ${from.name}'s messages live`, timeout: 20_000 })
        .toBe(true);
    }
  }

  // Storage and acks exact; chats on one process were served live throughout, so their clients hold
  // everything. Clients of chats across processes are checked for duplicates here (next test).
  await expectNoProblems(() => problems((shopper) => sameProcess.includes(shopper)));
});

test('clients of chats across processes get what was sent while Redis was down', async () => {
  // Broadcasts published while Redis was down were dropped (fail-fast publisher); when Redis came
  // back every process closed its clients' transports, so they reconnected and resynced.
  expect(run.shoppers.length, 'the first test ran').toBe(SHOPPERS);
  await expectNoProblems(() => problems(() => true));
});

test('a chat started after the Redis restart is routed to an online agent', async () => {
  // Redis came back empty: the consoles re-announced their status when they reconnected, and the
  // capacities (20 each, above the default) were rebuilt from storage with the load.
  const late = track(new ShopperClient('late shopper', () => cluster.urls(), 0));
  await late.start();
  const { conversation } = await late.startConversation();
  expect(conversation.assigneeId).not.toBeNull();
});

/** Every conversation's problems; `holdsAll` says whose clients must hold every message. */
function problems(holdsAll: (shopper: ShopperClient) => boolean): string[] {
  return run.shoppers.flatMap((shopper) => {
    const conversationId = shopper.conversation!.id;
    const agent = run.agentOf.get(conversationId)!;
    return conversationProblems(
      cluster,
      conversationId,
      [shopper, agent],
      [
        { client: shopper, side: 'visitor', holdsAll: holdsAll(shopper) },
        { client: agent, side: 'agent', holdsAll: holdsAll(shopper) },
      ],
    );
  });
}

/** Polls a little for live events still on their way, then asserts no problem is left. */
async function expectNoProblems(check: () => string[]) {
  await expect
    .poll(() => check().length, { timeout: 10_000 })
    .toBe(0)
    .catch(() => {});
  expect(check()).toEqual([]);
}
