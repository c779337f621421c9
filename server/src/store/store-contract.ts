import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../domain/store.js';
import { describeAccountContract } from './contract/account-contract.js';
import { describeAttachmentContract } from './contract/attachment-contract.js';
import { describeCannedResponseContract } from './contract/canned-response-contract.js';
import { describeConversationContract } from './contract/conversation-contract.js';
import { describeCustomerContract } from './contract/customer-contract.js';
import { describeEscalationContract } from './contract/escalation-contract.js';
import { newAgent, newConversation, newId, newMessage, seedCustomer, T0 } from './contract/fixtures.js';
import { describeFollowUpContract } from './contract/follow-up-contract.js';
import { describeIdentityContract } from './contract/identity-contract.js';
import { describeInboxContract } from './contract/inbox-contract.js';
import { describeMessageContract } from './contract/message-contract.js';
import { describeRatingContract } from './contract/rating-contract.js';
import { describeReportContract } from './contract/report-contract.js';
import { describeSearchContract } from './contract/search-contract.js';
import { describeSettingsContract } from './contract/settings-contract.js';
import { describeTicketContract } from './contract/ticket-contract.js';

/** A store opened for the contract suite, with how to reopen it and how to throw it away. */
export interface OpenedStore {
  store: Store;
  /**
   * Closes `store` and opens a new store over the same data (a process restart). Omit it for an
   * adapter that cannot reopen; the durability test is then skipped.
   */
  reopen?: () => Promise<Store>;
  /** Closes whichever store is still open and deletes its data. */
  cleanup: () => Promise<void>;
}

/** Opens a fresh, empty store. Called once for the shared suite and once for the durability test. */
export type OpenStore = () => Promise<OpenedStore>;

/**
 * The behaviour every `Store` adapter must have, as a vitest suite. Call it at the top level of
 * the adapter's test file. Tests share one store but each uses its own random tenant, site and
 * customer ids, so an adapter may keep data between tests (and between runs, if cleanup fails).
 *
 * @example
 * runStoreContract('sqlite', async () => {
 *   const dataDir = await mkdtemp(join(tmpdir(), 'aftercare-'));
 *   const store = openSqliteStore({ dataDir });
 *   return { store, cleanup: async () => { await store.close(); await rm(dataDir, { recursive: true }); } };
 * });
 */
export function runStoreContract(adapterName: string, openStore: OpenStore): void {
  describe(`Store contract: ${adapterName}`, () => {
    let opened: OpenedStore | undefined;
    const getStore = (): Store => {
      if (!opened) throw new Error('The store did not open; see the beforeAll error.');
      return opened.store;
    };
    beforeAll(async () => {
      opened = await openStore();
    });
    afterAll(async () => {
      await opened?.cleanup();
    });

    describe('accounts', () => describeAccountContract(getStore));
    describe('conversations', () => describeConversationContract(getStore));
    describe('customers', () => describeCustomerContract(getStore));
    describe('messages', () => describeMessageContract(getStore));
    describe('canned responses', () => describeCannedResponseContract(getStore));
    describe('settings, profiles and teams', () => describeSettingsContract(getStore));
    describe('attachments', () => describeAttachmentContract(getStore));
    describe('inbox filters', () => describeInboxContract(getStore));
    describe('search', () => describeSearchContract(getStore));
    describe('tickets', () => describeTicketContract(getStore));
    describe('ratings', () => describeRatingContract(getStore));
    describe('follow-ups', () => describeFollowUpContract(getStore));
    describe('reports', () => describeReportContract(getStore));
    describe('service promises, escalation and alerts', () => describeEscalationContract(getStore));
    describe('identity verification', () => describeIdentityContract(getStore));
  });

  describe(`Store contract: ${adapterName} durability`, () => {
    it('keeps every kind of record across close and reopen', async (context) => {
      const { store, reopen, cleanup } = await openStore();
      try {
        if (!reopen) return context.skip();
        const { site, customer } = await seedCustomer(store);
        const agent = await store.agents.create(newAgent({ tenantId: site.tenantId }));
        const session = { tokenHash: newId(), agentId: agent.id, createdAt: T0, expiresAt: T0 + 60_000 };
        await store.sessions.create(session);
        const conversation = newConversation(customer);
        await store.conversations.start({ conversation, requestId: newId() });
        const canned = await store.cannedResponses.create({
          id: newId(),
          tenantId: site.tenantId,
          shortcut: 'warranty',
          title: 'Warranty',
          text: 'Two years.',
          createdAt: T0,
          updatedAt: T0,
        });
        const team = await store.teams.create({
          id: newId(),
          tenantId: site.tenantId,
          name: 'Repairs',
          memberIds: [agent.id],
          createdAt: T0,
        });
        const identity = await store.siteIdentities.ensure({
          siteId: site.id,
          secret: 'c'.repeat(64),
          required: true,
          rotatedAt: T0,
        });
        const first = await store.messages.append(newMessage(conversation.id));
        // Not awaited before the restart: close() must commit it.
        const pending = store.messages.append(newMessage(conversation.id));

        const again = await reopen();
        expect(await pending).toMatchObject({ created: true, message: { seq: 2 } });
        expect(await again.sites.getByKey(site.key)).toEqual(site);
        expect(await again.customers.getById(customer.id)).toEqual(customer);
        expect(await again.siteIdentities.get(site.id)).toEqual(identity);
        expect(await again.agents.getByEmail(agent.email)).toEqual(agent);
        expect(await again.sessions.get(session.tokenHash, T0)).toEqual(session);
        expect(await again.conversations.getById(conversation.id)).toMatchObject({ lastSeq: 2 });
        expect(await again.cannedResponses.listByTenant(site.tenantId)).toEqual([canned]);
        expect(await again.teams.listByTenant(site.tenantId)).toEqual([team]);
        expect(await again.messages.listAfter(conversation.id, 0, 10, 'agent')).toEqual([
          first?.message,
          (await pending)?.message,
        ]);
        const next = await again.messages.append(newMessage(conversation.id));
        expect(next?.message.seq).toBe(3);
      } finally {
        await cleanup();
      }
    });
  });
}
