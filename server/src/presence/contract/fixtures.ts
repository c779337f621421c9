import { randomUUID } from 'node:crypto';
import type { PresenceOptions, PresencePort } from '../../domain/routing/presence-port.js';

/** Presence opened for the contract suite. */
export interface OpenedPresence {
  presence: PresencePort;
  /**
   * A second view of the same state, as another server process has it. In Redis that is another
   * client (another connection); in memory it can only be the same object.
   */
  peer: PresencePort;
  /** Releases clients and servers. */
  close(): Promise<void>;
}

export type OpenPresence = (options: PresenceOptions) => Promise<OpenedPresence>;

/** The options the suite opens adapters with; tests compute expiry times from them. */
export const contractOptions: PresenceOptions = { defaultCapacity: 2, connectionTtlMs: 30_000 };

/** A realistic epoch time (13 digits), so adapters are tested with the numbers they will see. */
export const T0 = Date.UTC(2026, 0, 1);

export function newId(prefix = 'id'): string {
  return `${prefix}-${randomUUID()}`;
}

/** A tenant nobody used before, with empty load and queue (as after a rebuild from an empty store). */
export async function newTenant(presence: PresencePort): Promise<string> {
  const tenantId = newId('tenant');
  await presence.rebuild(tenantId, { loads: [], queue: [], capacities: [] }, { onlyIfMissing: false });
  return tenantId;
}

/** Connects an agent's console and sets them online at `at`; returns the connection id. */
export async function bringOnline(
  presence: PresencePort,
  tenantId: string,
  agentId: string,
  at: number,
  capacity?: number,
): Promise<string> {
  const connectionId = newId('conn');
  await presence.connect(tenantId, agentId, connectionId, at);
  if (capacity !== undefined) await presence.setCapacity(tenantId, agentId, capacity, at);
  await presence.setStatus(tenantId, agentId, 'online', at);
  return connectionId;
}
