import type { Alert } from '@aftercare/shared';

/** An alert as stored: the same for every reader (read marks are kept per agent beside it). */
export type StoredAlert = Alert extends infer Kind ? (Kind extends Alert ? Omit<Kind, 'read'> : never) : never;

/** Storage port for supervisors' alerts and each agent's read marks. */
export interface AlertRepository {
  /** Stores a new alert. */
  create(alert: StoredAlert): Promise<void>;
  /** The tenant's newest alerts, newest first (ties by id), each with whether `agentId` read it. */
  listForAgent(tenantId: string, agentId: string, limit: number): Promise<Alert[]>;
  /** How many of the tenant's alerts `agentId` has not read. */
  countUnread(tenantId: string, agentId: string): Promise<number>;
  /**
   * Marks alerts read for one agent (idempotent); `alertIds` null marks every alert of the tenant.
   * Ids of other tenants' alerts, or unknown ones, are ignored.
   */
  markRead(tenantId: string, agentId: string, alertIds: string[] | null, now: number): Promise<void>;
}
