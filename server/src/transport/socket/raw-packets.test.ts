import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Conversation, Message, MessageCreatedEvent } from '@aftercare/shared';
import { ATTACHMENT_HEADERS, DEFAULT_SITE_SETTINGS } from '@aftercare/shared';
import type { Socket } from 'socket.io-client';
import type { GenericSchema } from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../domain/agents/passwords.js';
import {
  type AgentClient,
  connectAgent,
  connectVisitor,
  login,
  nextEvents,
  request,
  requestData,
  startConversation,
  type VisitorClient,
} from '../../test-support/clients.js';
import { spawnServer } from '../../test-support/spawn-server.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';
import { handlerSchemas } from './define-handler.js';
import {
  declaredEvents,
  expectAllRefused,
  expectErrorAck,
  expectNoPollution,
  type HostileBody,
  runRawCase,
} from './raw-access.js';
import { RawSocket } from './raw-client.js';
import {
  agentFixtures,
  binaryCases,
  hostileVariants,
  parserCases,
  prototypeVariants,
  type RawCase,
  sizeCases,
  type TenantObjectIds,
  visitorFixtures,
} from './raw-corpus.js';
import { expectHttpAnswer, httpCases } from './raw-http-cases.js';
import {
  MONGO_OPERATORS,
  objectPaths,
  PROTOTYPE_KEYS,
  refusedAt,
  stringFieldPaths,
  withMemberAt,
  withValueAt,
} from './schema-variants.js';

/**
 * Hostile input at the wire level: frames written by hand over a raw WebSocket (see
 * `raw-client.ts`), then cross-visitor and cross-tenant attempts for every event. After each
 * sub-corpus the server must still be healthy, serve a well-behaved shopper and agent with the
 * right sequence numbers, have written nothing, and have no polluted prototypes.
 * Payload-level checks through socket.io-client live in `hostile-input.test.ts`.
 */

const MAX_FRAME_BYTES = 4 * 1024 * 1024; // startTestServer's maxFrameBytes (the documented default)
const RIVAL = { tenantId: 'rival-shop', siteKey: 'rival-site', email: 'rival@rival.test', password: 'rival-password' };

let server: TestServer;
let shopper: VisitorClient;
let agent: AgentClient;
let conversation: Conversation;
let lastSeq = 0;
let agentCookie: string;

beforeAll(async () => {
  server = await startTestServer();
  ({ socket: shopper } = await connectVisitor(server.url));
  agentCookie = await login(server.url);
  agent = await connectAgent(server.url, agentCookie);
  conversation = await startConversation(shopper, { name: 'Victim Vera' });
  await exchange();
});
afterAll(async () => {
  shopper?.close();
  agent?.close();
  await server?.close();
});

/** A shopper message and an agent reply, each acked and delivered live with the next seq. */
async function exchange(): Promise<void> {
  const atAgent = nextEvents<MessageCreatedEvent>(agent as unknown as Socket, 'message:created');
  const sent = await requestData<{ message: Message }>(shopper, 'message:send', {
    conversationId: conversation.id,
    clientId: crypto.randomUUID(),
    text: 'still there?',
  });
  expect(sent.message.seq).toBe(++lastSeq);
  expect((await atAgent)[0]!.message).toMatchObject({ seq: lastSeq, text: 'still there?' });
  const atShopper = nextEvents<MessageCreatedEvent>(shopper as unknown as Socket, 'message:created');
  const reply = await requestData<{ message: Message }>(agent, 'message:send', {
    conversationId: conversation.id,
    clientId: crypto.randomUUID(),
    text: 'yes',
  });
  expect(reply.message.seq).toBe(++lastSeq);
  expect((await atShopper)[0]!.message).toMatchObject({ seq: lastSeq, text: 'yes' });
}

/** What hostile frames must never change: every conversation of every tenant and its messages. */
async function snapshot() {
  const conversations = [
    ...(await server.store.conversations.listByTenant({ tenantId: DEMO.tenantId, limit: 200 })),
    ...(await server.store.conversations.listByTenant({ tenantId: RIVAL.tenantId, limit: 200 })),
  ];
  const messages = await Promise.all(
    conversations.map((item) => server.store.messages.listAfter(item.id, 0, 1000, 'agent')),
  );
  return { conversations, messages, victim: await server.store.customers.getById(conversation.customerId) };
}

/** Runs `attack`, then checks health, delivery, storage and prototypes. */
async function survives(attack: () => Promise<number>, minimum: number): Promise<void> {
  const before = await snapshot();
  const sent = await attack();
  expect(sent).toBeGreaterThanOrEqual(minimum);
  expect(await snapshot()).toEqual(before);
  expectNoPollution();
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  expect(shopper.connected && agent.connected, 'the well-behaved sockets were not dropped').toBe(true);
  await exchange();
}

/** Each case on the widget's namespace, then on the console's (but the handshake cases: see `access.test.ts`). */
async function runAll(cases: RawCase[]): Promise<number> {
  for (const entry of cases) await runRawCase(server.url, entry);
  const forAgent = cases.filter((entry) => entry.outcome.kind !== 'connect-error');
  for (const entry of forAgent) await runRawCase(server.url, entry, { cookie: agentCookie }, '/agent');
  return cases.length + forAgent.length;
}

/** Every hostile body as one event on a raw connection (the agent's with its session cookie). */
const rejectsAll = (namespace: '/visitor' | '/agent', bodies: HostileBody[]) =>
  expectAllRefused(server.url, namespace, bodies, namespace === '/agent' ? { cookie: agentCookie } : {});

describe('raw socket.io frames', () => {
  it('refuses frames the parsers cannot read, closing only that connection', async () => {
    await survives(() => runAll(parserCases(conversation.id)), 40);
  });

  it('refuses binary attachments and placeholders without attachments', async () => {
    await survives(() => runAll(binaryCases(conversation.id)), 12);
  });

  it('refuses oversized frames, deep nesting and huge collections', async () => {
    await survives(() => runAll(sizeCases(MAX_FRAME_BYTES, conversation.id)), 12);
  });

  it('refuses Mongo operators in every string field and bad numbers in every number field of every event', async () => {
    const forVisitor = Object.entries(visitorFixtures(conversation.id)).flatMap(([event, payload]) =>
      hostileVariants(payload).map((variant) => ({ event, ...variant })),
    );
    const forAgent = Object.entries(agentFixtures(conversation.id)).flatMap(([event, payload]) =>
      hostileVariants(payload).map((variant) => ({ event, ...variant })),
    );
    await survives(
      async () => (await rejectsAll('/visitor', forVisitor)) + (await rejectsAll('/agent', forAgent)),
      200,
    );
  });

  it('refuses Mongo operators in every string field and prototype keys in every object the schemas declare', async () => {
    const sides = [
      { namespace: '/visitor', clientId: shopper.id!, fixtures: visitorFixtures(conversation.id) },
      { namespace: '/agent', clientId: agent.id!, fixtures: agentFixtures(conversation.id) },
    ] as const;
    await survives(async () => {
      let sent = 0;
      for (const { namespace, clientId, fixtures } of sides) {
        const registered = registeredSchemas(namespace, clientId);
        // Every event the protocol declares is validated by a schema (and has a fixture to start from).
        expect(Object.keys(registered).sort(), namespace).toEqual(Object.keys(fixtures).sort());
        const bodies = Object.entries(registered).flatMap(([event, schema]) =>
          schemaDerivedBodies(event, schema, (fixtures as Record<string, Record<string, unknown>>)[event]!),
        );
        sent += await rejectsAll(namespace, bodies);
      }
      return sent;
    }, 1_000);
  });

  // Regression: an event frame with ~80,000+ arguments (`42/visitor,1["typing:set",{},{},…]`, ~300 KB, far
  // under maxHttpBufferSize, from any anonymous widget) made socket.io call `emit.apply(socket, args)`,
  // which overflowed the stack in a `process.nextTick` and killed the whole server process. `screenEvents`
  // now drops such events before any spread. Run in a separate process, since a regression would take
  // down the process it hits.
  describe('in a process of its own', () => {
    let dataDir: string;
    let child: Awaited<ReturnType<typeof spawnServer>>;
    let socket: RawSocket;
    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'aftercare-raw-'));
      child = await spawnServer(dataDir);
      socket = await RawSocket.open(child.url);
      expect(await socket.connect('/visitor', { protocolVersion: 1, siteKey: DEMO.siteKey })).toMatch(/^40\//);
    }, 40_000);
    afterAll(async () => {
      socket?.close();
      if (child && child.process.exitCode === null && child.process.signalCode === null) await child.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('survives an event with 100,000 arguments (it crashed the process before events were screened)', async () => {
      socket.emitRaw('/visitor', 1, `["typing:set"${',{}'.repeat(100_000)}]`);
      const answer = await socket.ack('/visitor', 1, 10_000);
      expect(answer, 'the server answered instead of dying').not.toBe('closed');
      expectErrorAck((answer as unknown[])[0], ['INVALID_PAYLOAD'], '100,000 arguments');
      expect((await fetch(`${child.url}/healthz`)).status).toBe(200);
    });
  });

  it('refuses __proto__, constructor and prototype keys at every level of every event', async () => {
    const variants = (fixtures: Record<string, Record<string, unknown>>) =>
      Object.entries(fixtures).flatMap(([event, payload]) =>
        prototypeVariants(payload).map((variant) => ({ event, ...variant })),
      );
    await survives(
      async () =>
        (await rejectsAll('/visitor', variants(visitorFixtures(conversation.id)))) +
        (await rejectsAll('/agent', variants(agentFixtures(conversation.id)))),
      45,
    );
  });
});

describe('cross-visitor and cross-tenant access, every event', () => {
  let stranger: VisitorClient;
  let rivalShopper: VisitorClient;
  let rivalAgent: AgentClient;
  let rivalConversation: Conversation;
  const leaked: string[] = [];
  const agentIds = { demo: '', rival: '' };
  /** The agents of the target's tenant, which an actor of another tenant must never see. */
  const foreignAgentIds = (target: Conversation) => [
    target.tenantId === RIVAL.tenantId ? agentIds.rival : agentIds.demo,
  ];

  beforeAll(async () => {
    const now = Date.now();
    await server.store.sites.create({
      id: crypto.randomUUID(),
      tenantId: RIVAL.tenantId,
      key: RIVAL.siteKey,
      name: 'Rival',
      allowedOrigins: [],
      settings: DEFAULT_SITE_SETTINGS,
      createdAt: now,
    });
    agentIds.demo = (await server.store.agents.getByEmail(DEMO.agentEmail))!.id;
    agentIds.rival = crypto.randomUUID();
    await server.store.agents.create({
      id: agentIds.rival,
      tenantId: RIVAL.tenantId,
      email: RIVAL.email,
      name: 'Rival',
      role: 'admin',
      active: true,
      avatarUrl: null,
      passwordHash: await hashPassword(RIVAL.password),
      createdAt: now,
    });
    ({ socket: stranger } = await connectVisitor(server.url));
    ({ socket: rivalShopper } = await connectVisitor(server.url, { siteKey: RIVAL.siteKey }));
    rivalAgent = await connectAgent(server.url, await login(server.url, RIVAL.email, RIVAL.password));
    rivalConversation = await startConversation(rivalShopper, { name: 'Rival Customer' });
    await requestData(rivalShopper, 'message:send', {
      conversationId: rivalConversation.id,
      clientId: 'rival-1',
      text: 'rival secret',
    });
    // Anything broadcast to an intruder about a conversation that is not theirs is a leak.
    for (const [name, socket] of [
      ['stranger', stranger],
      ['rival shopper', rivalShopper],
    ] as const) {
      socket.onAny((event, payload) => {
        if (JSON.stringify(payload).includes(conversation.id)) leaked.push(`${name} got ${event}`);
      });
    }
    rivalAgent.onAny((event, payload) => {
      if (JSON.stringify(payload).includes(conversation.id)) leaked.push(`rival agent got ${event}`);
    });
    // Real objects of each tenant, so that the attempts name ids that exist (a made-up id proves little).
    objectIds.demo = await tenantObjects(agent, agentIds.demo, conversation, DEMO.siteKey);
    objectIds.rival = await tenantObjects(rivalAgent, agentIds.rival, rivalConversation, RIVAL.siteKey);
  });
  const objectIds: Record<'demo' | 'rival', Partial<TenantObjectIds>> = { demo: {}, rival: {} };

  /**
   * A site, canned reply, team, repair ticket, due follow-up and alert of the tenant of `owner` (an
   * admin). The follow-up and the alert are stored directly: closing a ticket and breaching an
   * escalation time would schedule and raise them just the same, with a clock moved by days.
   */
  async function tenantObjects(owner: AgentClient, ownerId: string, own: Conversation, siteKey: string) {
    const site = (await server.store.sites.getByKey(siteKey))!;
    await requestData(owner, 'site-identity:get', { siteId: site.id });
    const canned = await requestData<{ response: { id: string } }>(owner, 'canned:create', {
      shortcut: `own-${siteKey}`,
      title: 'Own',
      text: 'Only for this shop',
    });
    const team = await requestData<{ team: { id: string } }>(owner, 'team:create', {
      name: `Own team ${siteKey}`,
      memberIds: [ownerId],
    });
    const ticket = await requestData<{ ticket: { id: string; number: string } }>(owner, 'ticket:create', {
      conversationId: own.id,
      fault: 'Own fault',
      remedy: 'repair',
      category: 'paid',
    });
    const now = Date.now();
    const [followUp] = await server.store.followUps.schedule([
      {
        id: crypto.randomUUID(),
        tenantId: own.tenantId,
        siteId: own.siteId,
        ticketId: ticket.ticket.id,
        ticketNumber: ticket.ticket.number,
        customerId: own.customerId,
        product: null,
        sequence: 1,
        dueAt: now - 60_000,
        lateAt: now + 86_400_000,
        status: 'pending',
        outcome: null,
        note: null,
        doneBy: null,
        doneAt: null,
        createdAt: now - 60_000,
      },
    ]);
    const alertId = crypto.randomUUID();
    await server.store.alerts.create({
      id: alertId,
      tenantId: own.tenantId,
      siteId: own.siteId,
      subject: { kind: 'conversation', id: own.id },
      label: null,
      createdAt: now,
      kind: 'escalation',
      escalateAt: now,
    });
    return {
      siteId: site.id,
      cannedId: canned.response.id,
      teamId: team.team.id,
      ticketId: ticket.ticket.id,
      followUpId: followUp!.id,
      alertId,
    };
  }
  afterAll(() => {
    for (const socket of [stranger, rivalShopper, rivalAgent]) socket?.close();
  });

  /**
   * Tries `event` against `target` (a conversation of another shopper or tenant) from `actor`.
   * Requests naming the target answer NOT_FOUND or FORBIDDEN; lists and the caller's own presence
   * answer data that must not mention the target or its tenant's agents.
   */
  async function attempt(actor: Socket, event: string, payload: Record<string, unknown>, target: Conversation) {
    const label = `${event} on ${target.id}`;
    const response = await request<Record<string, unknown>>(actor, event, payload);
    const text = JSON.stringify(response);
    // Lists, the directory and a create land in the caller's own tenant; they must not show the target's.
    const ownTenant = [
      'conversation:list',
      'presence:list',
      'presence:set',
      'agent:list',
      'canned:list',
      'canned:create',
      'search:query',
      'site:config',
      'site:list',
      'site:create',
      'agent:create',
      'team:list',
      'ticket:list',
      'rating:pending',
      'follow-up:list',
      'alert:list',
      'alert:read',
    ];
    if (ownTenant.includes(event)) {
      expect(response, label).toEqual({ data: expect.any(Object) });
      expect(text, `${label}: shows nothing of others`).not.toContain(target.id);
      for (const id of foreignAgentIds(target)) expect(text, `${label}: no foreign agent`).not.toContain(id);
    } else if (event === 'conversation:start') {
      // Replaying another shopper's request id must start the caller's own chat, not return theirs.
      expect(text, label).not.toContain(target.id);
    } else {
      expectErrorAck(response, ['NOT_FOUND', 'FORBIDDEN'], label);
    }
  }

  async function victimState(target: Conversation) {
    const ids = objectIds[target.tenantId === RIVAL.tenantId ? 'rival' : 'demo'];
    return {
      conversation: await server.store.conversations.getById(target.id),
      messages: await server.store.messages.listAfter(target.id, 0, 1000, 'agent'),
      customer: await server.store.customers.getById(target.customerId),
      sites: await server.store.sites.listByTenant(target.tenantId),
      identity: ids.siteId ? await server.store.siteIdentities.get(ids.siteId) : null,
      canned: await server.store.cannedResponses.listByTenant(target.tenantId),
      teams: await server.store.teams.listByTenant(target.tenantId),
      ticket: ids.ticketId ? await server.store.tickets.getById(target.tenantId, ids.ticketId) : null,
      timeline: ids.ticketId ? await server.store.tickets.timeline(target.tenantId, ids.ticketId) : null,
      ratings: await server.store.ratings.listByCustomer(target.tenantId, target.customerId, 100),
      followUp: ids.followUpId ? await server.store.followUps.getById(target.tenantId, ids.followUpId) : null,
      // Read marks are per agent: the other tenant's agent must not have left one either.
      alerts: await Promise.all(
        [agentIds.demo, agentIds.rival].map((id) => server.store.alerts.listForAgent(target.tenantId, id, 100)),
      ),
    };
  }

  it('covers every client event the protocol declares', () => {
    expect(Object.keys(visitorFixtures('x')).sort()).toEqual(
      declaredEvents('visitor-events.ts', 'VisitorClientEvents').sort(),
    );
    expect(Object.keys(agentFixtures('x')).sort()).toEqual(
      declaredEvents('agent-events.ts', 'AgentClientEvents').sort(),
    );
  });

  it("refuses every visitor event on another shopper's and another tenant's conversation", async () => {
    const targets = [
      { actors: [stranger, rivalShopper], target: conversation },
      { actors: [shopper], target: rivalConversation },
    ];
    for (const { actors, target } of targets) {
      const before = await victimState(target);
      for (const actor of actors) {
        for (const [event, payload] of Object.entries(visitorFixtures(target.id))) {
          // A start replays the owner's request id; sends use a fresh client id so nothing dedupes.
          const hostile: Record<string, unknown> =
            event === 'conversation:start' ? { requestId: 'req-1' } : { ...payload };
          if (event === 'message:send') hostile.clientId = crypto.randomUUID();
          await attempt(actor as unknown as Socket, event, hostile, target);
        }
        // The owner's repair ticket is theirs to rate, and nobody else's.
        const ticketId = objectIds[target.tenantId === RIVAL.tenantId ? 'rival' : 'demo'].ticketId!;
        const rating = { subject: { kind: 'ticket', id: ticketId }, score: 5, comment: 'not mine' };
        await attempt(actor as unknown as Socket, 'rating:submit', rating, target);
      }
      expect(await victimState(target)).toEqual(before);
    }
  });

  it("refuses every agent event on another tenant's conversation and agents", async () => {
    // Resolved first so that `conversation:reopen` is a real change if it were allowed.
    await requestData(rivalAgent, 'conversation:resolve', { conversationId: rivalConversation.id });
    const targets = [
      { actor: rivalAgent, owner: agent, target: conversation, foreignAgent: agentIds.demo },
      { actor: agent, owner: rivalAgent, target: rivalConversation, foreignAgent: agentIds.rival },
    ];
    for (const { actor, owner, target, foreignAgent } of targets) {
      const before = { ...(await victimState(target)), presence: await presenceOf(owner) };
      const ids = objectIds[target.tenantId === RIVAL.tenantId ? 'rival' : 'demo'];
      expect(Object.keys(ids)).toHaveLength(6);
      const fixtures = agentFixtures(target.id, foreignAgent, target.customerId, ids);
      for (const [event, payload] of Object.entries(fixtures)) {
        const fresh = event === 'message:send' || event === 'note:add';
        const hostile = fresh ? { ...payload, clientId: crypto.randomUUID() } : payload;
        await attempt(actor as unknown as Socket, event, hostile, target);
      }
      expect({ ...(await victimState(target)), presence: await presenceOf(owner) }).toEqual(before);
    }
    await exchange();
    expect(leaked).toEqual([]);
  });

  it('refuses agent-only events on the visitor namespace', async () => {
    const visitorEvents = Object.keys(visitorFixtures(conversation.id));
    const agentOnly = Object.entries(agentFixtures(conversation.id, agentIds.demo)).filter(
      ([event]) => !visitorEvents.includes(event),
    );
    expect(agentOnly.length).toBeGreaterThan(4);
    const before = await victimState(conversation);
    for (const [event, payload] of agentOnly) {
      // The shopper owns this conversation, and still may not act as an agent on it.
      expectErrorAck(await request(shopper, event, payload), ['INVALID_PAYLOAD', 'FORBIDDEN', 'NOT_FOUND'], event);
    }
    expect(await victimState(conversation)).toEqual(before);
  });

  it('never shows an internal note to the shopper, live or in a sync', async () => {
    const seen: string[] = [];
    const spy = (event: string, payload: unknown) => {
      if (JSON.stringify(payload ?? null).includes('internal-secret')) seen.push(event);
    };
    shopper.onAny(spy);
    const { message } = await requestData<{ message: Message }>(agent, 'note:add', {
      conversationId: conversation.id,
      clientId: crypto.randomUUID(),
      text: 'internal-secret <img src=x onerror=window.__xss=1>',
    });
    lastSeq = message.seq;
    // Events reach a socket in order: once this exchange arrived, a note event would have too.
    await exchange();
    const synced = await requestData(shopper, 'messages:sync', { conversationId: conversation.id, afterSeq: 0 });
    shopper.offAny(spy);
    expect(JSON.stringify(synced)).not.toContain('internal-secret');
    expect(seen).toEqual([]);
  });

  it("refuses the id-bearing HTTP routes on another tenant's and another shopper's objects", async () => {
    const demoSite = (await server.store.sites.getByKey(DEMO.siteKey))!;
    const { session: victim } = await connectVisitor(server.url).then(({ socket, session }) => {
      socket.close();
      return { session };
    });
    const visitorHeaders = (siteKey: string, token: string) => ({
      [ATTACHMENT_HEADERS.siteKey]: siteKey,
      [ATTACHMENT_HEADERS.visitorToken]: token,
    });
    const upload = await fetch(`${server.url}/api/attachments?name=own.txt`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...visitorHeaders(DEMO.siteKey, victim.visitorToken!) },
      body: 'only mine',
    });
    expect(upload.status).toBe(201);
    const { attachment } = (await upload.json()) as { attachment: { id: string; url: string } };
    const rivalCookie = await login(server.url, RIVAL.email, RIVAL.password);
    const strangerToken = (await connectVisitor(server.url).then(({ socket, session }) => {
      socket.close();
      return session.visitorToken;
    }))!;
    const range = 'from=2026-09-01&to=2026-09-30';
    const cases: { label: string; path: string; headers: Record<string, string>; status: number[] }[] = [
      {
        label: "rival admin, this shop's report",
        path: `/api/reports.csv?${range}&table=days&siteId=${demoSite.id}`,
        headers: { cookie: rivalCookie },
        status: [403, 404],
      },
      {
        label: "rival admin, a shopper's unsent upload",
        path: attachment.url,
        headers: { cookie: rivalCookie },
        status: [404],
      },
      {
        label: "this shop's agent, a shopper's unsent upload",
        path: attachment.url,
        headers: { cookie: agentCookie },
        status: [404],
      },
      {
        label: "another shopper, a shopper's unsent upload",
        path: attachment.url,
        headers: visitorHeaders(DEMO.siteKey, strangerToken),
        status: [404],
      },
      {
        label: "a shopper's token on the rival site",
        path: attachment.url,
        headers: visitorHeaders(RIVAL.siteKey, victim.visitorToken!),
        status: [401, 404],
      },
    ];
    for (const { label, path: url, headers, status } of cases) {
      const response = await fetch(`${server.url}${url}`, { headers });
      const text = await response.text();
      expect(status, `${label}: ${response.status} ${text}`).toContain(response.status);
      expect(text, label).not.toContain('only mine');
      expect(text, label).not.toContain(demoSite.id);
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("refuses handing one's own conversation to another tenant's agent", async () => {
    const before = await victimState(conversation);
    const response = await request(agent, 'conversation:transfer', {
      conversationId: conversation.id,
      toAgentId: agentIds.rival,
    });
    expectErrorAck(response, ['NOT_FOUND', 'FORBIDDEN'], 'transfer to a rival agent');
    expect(await victimState(conversation)).toEqual(before);
    expect(leaked).toEqual([]);
  });
});

/** Each event the server handles for the client socket `clientId` on `namespace`, with the schema it validates by. */
function registeredSchemas(namespace: string, clientId: string): Record<string, GenericSchema> {
  const socket = server.app.io.of(namespace).sockets.get(clientId);
  if (!socket) throw new Error(`no server socket ${clientId} on ${namespace}`);
  const registered: Record<string, GenericSchema> = {};
  for (const name of socket.eventNames()) {
    const schema = handlerSchemas.get(`${namespace} ${String(name)}`);
    if (schema) registered[name as string] = schema;
  }
  return registered;
}

/**
 * From the schema: each Mongo operator in place of each string field (checked to be refused by
 * the schema at that very field, not elsewhere) and each prototype key in each object.
 */
function schemaDerivedBodies(event: string, schema: GenericSchema, fixture: Record<string, unknown>): HostileBody[] {
  const operators = stringFieldPaths(schema).flatMap((path) =>
    MONGO_OPERATORS.map((operator) => {
      const payload = withValueAt(fixture, path, operator);
      const label = `${path.join('.')} = ${JSON.stringify(operator)}`;
      expect(refusedAt(schema, payload, path), `${event} ${label}: refused at that field`).toBe(true);
      return { event, label, body: JSON.stringify(payload) };
    }),
  );
  const prototypes = objectPaths(schema).flatMap((path) =>
    PROTOTYPE_KEYS.map((member) => ({
      event,
      label: `${path.join('.') || 'payload'} + ${member.split(':')[0]}`,
      body: withMemberAt(fixture, path, member),
    })),
  );
  return [...operators, ...prototypes];
}

/** A tenant's agents' routing state as its own agent sees it (capacity, status), without timestamps. */
async function presenceOf(socket: AgentClient) {
  const { agents } = await requestData<{ agents: Record<string, unknown>[] }>(socket, 'presence:list', {});
  return agents.map(({ idleSince: _idle, ...rest }) => rest);
}

describe('HTTP routes with missing, forged and expired credentials, wrong methods and hostile bodies', () => {
  let http: TestServer;
  let offsetMs = 0;
  const clock = { now: () => Date.now() + offsetMs };

  beforeAll(async () => {
    http = await startTestServer({ clock });
  });
  afterAll(async () => {
    await http?.close();
  });

  it('answers every case with its documented status and a JSON error code, and keeps serving', async () => {
    // A session that expired: signed in, then the server's clock moved past the session's lifetime.
    const expiredCookie = await login(http.url);
    offsetMs = 2 * 3600_000;
    const live = await login(http.url);
    const cases = httpCases({ expiredCookie, metricsToken: 'test-metrics-token-0123456789' });
    for (const item of cases) await expectHttpAnswer(http.url, item);
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expectNoPollution();
    expect((await fetch(`${http.url}/healthz`)).status).toBe(200);
    // The live session still works, and the two wrong passwords did not lock the demo agent out.
    expect((await fetch(`${http.url}/api/auth/me`, { headers: { cookie: live } })).status).toBe(200);
    await login(http.url);
  });
});
