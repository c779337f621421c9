import { expect, test } from '@playwright/test';
import type { Cluster } from '../support/cluster.js';
import { conversationProblems, type Receiver } from '../support/fault-checks.js';
import { AgentClient, createAgents, type FaultClient, ShopperClient } from '../support/fault-clients.js';
import { useCluster } from '../support/fault-suite.js';

/**
 * `kill -9` of one of two server processes while 200 conversations are busy: no shutdown runs, the
 * acks in flight are lost. Clients of the dead process reconnect to the other one, resend what was
 * not acked (same client ids) and catch up by sequence; nothing may be lost or stored twice.
 */
const SHOPPERS = 200;
const AGENTS = 4;
const ROUNDS = 8;
const ROUND_MS = 400;
const KILLED_AFTER_ROUND = 3;

let cluster: Cluster;
const { track, clients } = useCluster((started) => {
  cluster = started;
});
/** The traffic and who was on the killed process. */
const run = { shoppers: [] as ShopperClient[], agentOf: new Map<string, AgentClient>(), victims: [] as FaultClient[] };

/** Every conversation's problems, with the receivers `receiversOf` names. */
function problems(receiversOf: (shopper: ShopperClient, agent: AgentClient) => Receiver[]): string[] {
  return run.shoppers.flatMap((shopper) => {
    const conversationId = shopper.conversation!.id;
    const agent = run.agentOf.get(conversationId)!;
    return conversationProblems(cluster, conversationId, [shopper, agent], receiversOf(shopper, agent));
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

test('clients of a killed process fail over and catch up within 30 s; every message is stored and acked once', async () => {
  test.setTimeout(120_000);
  const urls = () => cluster.urls();
  // Half the agents and shoppers on each process; room for every chat, so each has an agent.
  const cookies = await createAgents(cluster.urls()[0]!, AGENTS, SHOPPERS / AGENTS + 10);
  const agents = cookies.map((cookie, index) => track(new AgentClient(`agent ${index + 1}`, urls, index % 2, cookie)));
  await Promise.all(agents.map((agent) => agent.start()));
  for (let batch = 0; batch < SHOPPERS; batch += 50) {
    const started = await Promise.all(
      Array.from({ length: 50 }, async (_, offset) => {
        const index = batch + offset;
        const shopper = track(new ShopperClient(`shopper ${index + 1}`, urls, index % 2));
        await shopper.start();
        await shopper.startConversation();
        return shopper;
      }),
    );
    run.shoppers.push(...started);
  }
  for (const shopper of run.shoppers) {
    const conversation = shopper.conversation!;
    const agent = agents.find((candidate) => candidate.agent!.id === conversation.assigneeId);
    expect(agent, `${shopper.name}'s chat has an agent`).toBeDefined();
    agent!.following.add(conversation.id);
    run.agentOf.set(conversation.id, agent!);
  }
  run.victims = clients.filter((client) => client.connectedTo === cluster.urls()[0]);

  // Rounds of traffic: every shopper writes, every agent answers each of its chats.
  let killedAt = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const shopper of run.shoppers) {
      shopper.say(`round ${round} from ${shopper.name}`);
      const conversationId = shopper.conversation!.id;
      run.agentOf.get(conversationId)!.reply(conversationId, `round ${round} to ${shopper.name}`);
    }
    if (round === KILLED_AFTER_ROUND) {
      // Mid-flight: this round's sends are on the wire, some stored, some acked.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await cluster.kill(0);
      killedAt = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, ROUND_MS));
  }

  // Every client of the dead process reconnected (to the live one) and caught up; the live process
  // also had its own clients resync (it cannot know what the dead one stored but never announced).
  await expect.poll(() => clients.filter((client) => client.caughtUpAt < killedAt).length, { timeout: 30_000 }).toBe(0);
  const recoveryMs = Math.max(...clients.map((client) => client.caughtUpAt)) - killedAt;
  console.log(`${clients.length} clients (${run.victims.length} of the killed process) caught up in ${recoveryMs} ms`);
  expect(recoveryMs).toBeLessThan(30_000);
  for (const client of run.victims) expect(client.connectedTo, client.name).toBe(cluster.urls()[1]);

  await Promise.all(clients.map((client) => client.whenIdle()));
  cluster.assertNoCrash();
  // Storage and acks: every message once, in each sender's order; every client holds everything.
  await expectNoProblems(() =>
    problems((shopper, agent) => [
      { client: shopper, side: 'visitor', holdsAll: true },
      { client: agent, side: 'agent', holdsAll: true },
    ]),
  );
  const messages = run.shoppers.reduce((sum, shopper) => sum + shopper.acks.size, 0) * 2;
  console.log(`${messages} messages in ${SHOPPERS} conversations: none lost, none doubled`);
});
