import { runPresenceContract } from '../presence-contract.js';
import { MemoryPresence } from './memory-presence.js';

// One process: the "other process" of the contract is the same object.
runPresenceContract('memory', async (options) => {
  const presence = new MemoryPresence(options);
  return { presence, peer: presence, close: async () => {} };
});
