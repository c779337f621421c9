import type { Conversation, CustomerFile, Site, SiteIdentity, VisitorTicket } from '@aftercare/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityHash } from '../../domain/sites/identity-hash.js';
import { addAgent, addRivalShop } from '../../test-support/agents.js';
import {
  type AgentClient,
  connectAgent,
  connectVisitor,
  request,
  requestData,
  startConversation,
} from '../../test-support/clients.js';
import { DEMO, startTestServer, type TestServer } from '../../test-support/test-server.js';

/**
 * Identity verification end to end: admins read, switch and rotate a site's secret over the
 * console socket; widgets identify with (or without) the HMAC of the shop's user id.
 */
describe('identity verification over sockets', () => {
  let server: TestServer;
  let admin: AgentClient;
  let plainAgent: AgentClient;
  let rivalAdmin: AgentClient;
  let siteId: string;
  let secret: string;
  const sockets: { close(): unknown }[] = [];

  /** A widget connection, closed after the suite. */
  async function shopper(auth: { visitorToken?: string; userId?: string; userHash?: string } = {}) {
    const connected = await connectVisitor(server.url, auth);
    sockets.push(connected.socket);
    return connected;
  }

  const identity = (siteIdToRead = siteId) =>
    requestData<{ identity: SiteIdentity }>(admin, 'site-identity:get', { siteId: siteIdToRead });

  beforeAll(async () => {
    server = await startTestServer();
    admin = await connectAgent(server.url);
    sockets.push(admin);
    ({ socket: plainAgent } = await addAgent(server, { name: 'Pat', sockets }));
    ({ socket: rivalAdmin } = await addRivalShop(server, { sockets }));
    siteId = (await server.store.sites.getByKey(DEMO.siteKey))!.id;
    secret = (await identity()).identity.secret;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.close();
  });

  it('shows the generated secret to admins only, and never in sites or the widget session', async () => {
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    // Reading again does not make a new one.
    expect((await identity()).identity).toMatchObject({ siteId, secret, required: false });

    for (const [event, payload] of [
      ['site-identity:get', { siteId }],
      ['site-identity:update', { siteId, required: true }],
      ['site-identity:rotate', { siteId }],
    ] as const) {
      expect(await request(plainAgent, event, payload)).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(await request(rivalAdmin, event, payload)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect((await identity()).identity).toMatchObject({ secret, required: false });

    const { sites } = await requestData<{ sites: Site[] }>(plainAgent, 'site:list', {});
    expect(JSON.stringify(sites)).not.toContain(secret);
    const { session } = await shopper({ userId: 'user-1', userHash: identityHash(secret, 'user-1') });
    expect(JSON.stringify(session)).not.toContain(secret);
  });

  it('refuses malformed identity payloads and handshakes', async () => {
    expect(await request(admin, 'site-identity:update', { siteId, required: 'yes' })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(await request(admin, 'site-identity:rotate', { siteId, secret: 'mine' })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
    await expect(shopper({ userId: 'user-1', userHash: 'f'.repeat(201) })).rejects.toMatchObject({
      data: { code: 'PAYLOAD_TOO_LARGE' },
    });
    await expect(shopper({ userId: '' })).rejects.toMatchObject({ data: { code: 'INVALID_PAYLOAD' } });
  });

  it('attaches every browser with a valid hash to the one verified customer of that user id', async () => {
    const hash = identityHash(secret, 'user-42');
    const laptop = await shopper({ userId: 'user-42', userHash: hash });
    expect(laptop.session.identityError).toBeUndefined();
    expect(laptop.session.customer).toMatchObject({ externalId: 'user-42', verifiedAt: expect.any(Number) });
    expect(laptop.session.visitorToken).toEqual(expect.any(String));
    const conversation = await startConversation(laptop.socket, { name: 'Vera', email: 'vera@example.com' });

    const phone = await shopper({ userId: 'user-42', userHash: hash });
    expect(phone.session.customer.id).toBe(laptop.session.customer.id);
    expect(phone.session.conversations.map((item) => item.id)).toEqual([conversation.id]);
    // The phone keeps its own token, which reaches the same customer (with the hash).
    expect(phone.session.visitorToken).not.toBe(laptop.session.visitorToken);
    const again = await shopper({ visitorToken: phone.session.visitorToken!, userId: 'user-42', userHash: hash });
    expect(again.session.customer.id).toBe(laptop.session.customer.id);
    expect(again.session.visitorToken).toBeUndefined();

    // The agent sees the verification in the customer file.
    const file = await requestData<CustomerFile>(plainAgent, 'customer:get', { customerId: conversation.customerId });
    expect(file.customer).toMatchObject({ externalId: 'user-42', verifiedAt: expect.any(Number), name: 'Vera' });
  });

  it('attaches browsers that identify a new user at the same moment to one customer', async () => {
    const hash = identityHash(secret, 'user-race');
    const browsers = await Promise.all(
      Array.from({ length: 5 }, () => shopper({ userId: 'user-race', userHash: hash })),
    );
    const ids = new Set(browsers.map((browser) => browser.session.customer.id));
    expect(ids.size).toBe(1);
    expect(await server.store.customers.getByExternalId(siteId, 'user-race')).toMatchObject({ id: [...ids][0] });
  });

  it('lets an anonymous shopper who logs in keep their chat', async () => {
    const anonymous = await shopper();
    const chat = await startConversation(anonymous.socket, { name: 'Ann' });
    const loggedIn = await shopper({
      visitorToken: anonymous.session.visitorToken!,
      userId: 'user-ann',
      userHash: identityHash(secret, 'user-ann'),
    });
    expect(loggedIn.session.customer).toMatchObject({ id: anonymous.session.customer.id, externalId: 'user-ann' });
    expect(loggedIn.session.conversations.map((item) => item.id)).toEqual([chat.id]);
  });

  describe('a verified customer with a chat and a repair', () => {
    let victimToken: string;
    let chat: Conversation;
    const userId = 'user-victim';

    beforeAll(async () => {
      const victim = await shopper({ userId, userHash: identityHash(secret, userId) });
      victimToken = victim.session.visitorToken!;
      chat = await startConversation(victim.socket, {
        name: 'Victoria',
        email: 'victoria@example.com',
        phone: '+1 555 0100',
      });
      await requestData(admin, 'conversation:open', { conversationId: chat.id });
      await requestData(admin, 'ticket:create', {
        conversationId: chat.id,
        fault: 'The pump grinds',
        remedy: 'repair',
        category: 'paid',
      });
    });

    /** The victim's record as the store has it (what an attacker must not have changed). */
    const victimRecord = () => server.store.customers.getByExternalId(siteId, userId);

    it('is neither reached nor changed by an identify without a hash', async () => {
      const before = await victimRecord();
      const claimant = await shopper({ userId });
      expect(claimant.session.identityError).toBeUndefined();
      expect(claimant.session.customer.id).not.toBe(chat.customerId);
      expect(claimant.session.customer.externalId).toBeUndefined();
      expect(claimant.session.conversations).toEqual([]);
      expect(claimant.session.tickets).toEqual([]);
      expect(await requestData<{ tickets: VisitorTicket[] }>(claimant.socket, 'ticket:list', {})).toEqual({
        tickets: [],
      });
      expect(await request(claimant.socket, 'messages:sync', { conversationId: chat.id, afterSeq: 0 })).toMatchObject({
        error: { code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) },
      });
      // Contact details it gives land on its own anonymous record only.
      await startConversation(claimant.socket, { name: 'Mallory', email: 'mallory@example.com', phone: '+1 555 0199' });
      expect(await victimRecord()).toEqual(before);
      expect(before).toMatchObject({ name: 'Victoria', email: 'victoria@example.com', phone: '+1 555 0100' });
    });

    it('is not reached with a wrong hash, which the widget is told about', async () => {
      const forged = await shopper({ userId, userHash: identityHash('0'.repeat(64), userId) });
      expect(forged.session.identityError).toMatchObject({ code: 'IDENTITY_INVALID' });
      expect(forged.session.customer.id).not.toBe(chat.customerId);
      expect(forged.session.conversations).toEqual([]);
      expect(forged.session.tickets).toEqual([]);
      const anotherUsersHash = await shopper({ userId, userHash: identityHash(secret, 'user-42') });
      expect(anotherUsersHash.session.identityError).toMatchObject({ code: 'IDENTITY_INVALID' });
      expect(anotherUsersHash.session.customer.id).not.toBe(chat.customerId);
    });

    it("is not reached with the victim's own token without a valid hash", async () => {
      for (const claim of [{}, { userId }, { userId, userHash: 'ab'.repeat(32) }]) {
        const holder = await shopper({ visitorToken: victimToken, ...claim });
        expect(holder.session.customer.id).not.toBe(chat.customerId);
        expect(holder.session.conversations).toEqual([]);
        expect(holder.session.tickets).toEqual([]);
        // It is given a fresh anonymous identity instead.
        expect(holder.session.visitorToken).toEqual(expect.any(String));
      }
      const owner = await shopper({ visitorToken: victimToken, userId, userHash: identityHash(secret, userId) });
      expect(owner.session.customer.id).toBe(chat.customerId);
      expect(owner.session.tickets).toHaveLength(1);
    });
  });

  it('in required mode refuses an identify without a hash, and still accepts a valid one', async () => {
    const on = await requestData<{ identity: SiteIdentity }>(admin, 'site-identity:update', { siteId, required: true });
    expect(on.identity).toMatchObject({ siteId, secret, required: true });
    try {
      const unverified = await shopper({ userId: 'user-req' });
      expect(unverified.session.identityError).toMatchObject({ code: 'IDENTITY_INVALID' });
      expect(unverified.session.customer.externalId).toBeUndefined();
      const anonymous = await shopper();
      expect(anonymous.session.identityError).toBeUndefined();
      const verified = await shopper({ userId: 'user-req', userHash: identityHash(secret, 'user-req') });
      expect(verified.session.identityError).toBeUndefined();
      expect(verified.session.customer.externalId).toBe('user-req');
      expect(verified.session.customer.id).not.toBe(unverified.session.customer.id);
    } finally {
      await requestData(admin, 'site-identity:update', { siteId, required: false });
    }
    expect((await shopper({ userId: 'user-req' })).session.identityError).toBeUndefined();
  });

  it('rotation invalidates hashes made with the old secret, for new and known browsers alike', async () => {
    const userId = 'user-rotate';
    const oldHash = identityHash(secret, userId);
    const before = await shopper({ userId, userHash: oldHash });
    const customerId = before.session.customer.id;

    const rotated = await requestData<{ identity: SiteIdentity }>(admin, 'site-identity:rotate', { siteId });
    expect(rotated.identity.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.identity.secret).not.toBe(secret);
    expect((await identity()).identity.secret).toBe(rotated.identity.secret);
    const newSecret = rotated.identity.secret;

    const stale = await shopper({ userId, userHash: oldHash });
    expect(stale.session.identityError).toMatchObject({ code: 'IDENTITY_INVALID' });
    expect(stale.session.customer.id).not.toBe(customerId);
    const staleWithToken = await shopper({ visitorToken: before.session.visitorToken!, userId, userHash: oldHash });
    expect(staleWithToken.session.identityError).toMatchObject({ code: 'IDENTITY_INVALID' });
    expect(staleWithToken.session.customer.id).not.toBe(customerId);

    const fresh = await shopper({ userId, userHash: identityHash(newSecret, userId) });
    expect(fresh.session.customer.id).toBe(customerId);
    secret = newSecret;
  });
});
