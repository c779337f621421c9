import { afterAll, beforeAll, describe } from 'vitest';
import { describeConnectionContract } from './contract/connection-contract.js';
import { contractOptions, type OpenedPresence, type OpenPresence } from './contract/fixtures.js';
import { describeRoutingContract } from './contract/routing-contract.js';
import { describeTeamQueueContract } from './contract/team-queue-contract.js';

/**
 * The behaviour every `PresencePort` adapter must have, as a vitest suite. Tests share one adapter
 * but each uses its own random tenant, so state may persist between tests.
 *
 * @example
 * runPresenceContract('memory', async (options) => {
 *   const presence = new MemoryPresence(options);
 *   return { presence, peer: presence, close: async () => {} };
 * });
 */
export function runPresenceContract(adapterName: string, openPresence: OpenPresence): void {
  describe(`Presence contract: ${adapterName}`, () => {
    let opened: OpenedPresence | undefined;
    const getOpened = (): OpenedPresence => {
      if (!opened) throw new Error('The presence adapter did not open; see the beforeAll error.');
      return opened;
    };
    beforeAll(async () => {
      opened = await openPresence(contractOptions);
    });
    afterAll(async () => {
      await opened?.close();
    });

    describe('status and connections', () => describeConnectionContract(getOpened));
    describe('load, claims and queue', () => describeRoutingContract(getOpened));
    describe('team-bound conversations', () => describeTeamQueueContract(getOpened));
  });
}

export { contractOptions, type OpenedPresence, type OpenPresence };
