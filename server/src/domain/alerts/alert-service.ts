import type { Agent, AlertListResult } from '@aftercare/shared';
import { assertRole, hasRole } from '../agents/roles.js';
import type { Clock } from '../clock.js';
import type { AlertRepository } from './alert-repository.js';

export interface AlertServiceDeps {
  alerts: AlertRepository;
  clock: Clock;
}

/** The newest alerts one `alert:list` returns when the console names no limit. */
const DEFAULT_PAGE = 50;

/** Whether an agent gets supervisors' alerts (supervisors and admins; plain agents never do). */
export function receivesAlerts(agent: Pick<Agent, 'role'>): boolean {
  return hasRole(agent, 'supervisor');
}

/** Supervisors' alerts: the bell's list, its unread count, and read marks per supervisor. */
export function createAlertService({ alerts, clock }: AlertServiceDeps) {
  return {
    /** The tenant's newest alerts with the caller's read marks. @throws `FORBIDDEN` for plain agents. */
    async list(agent: Agent, limit = DEFAULT_PAGE): Promise<AlertListResult> {
      assertRole(agent, 'supervisor');
      const [list, unreadCount] = await Promise.all([
        alerts.listForAgent(agent.tenantId, agent.id, limit),
        alerts.countUnread(agent.tenantId, agent.id),
      ]);
      return { alerts: list, unreadCount };
    },

    /** Marks alerts (or all of them) read for the caller; returns what is left unread. */
    async markRead(agent: Agent, alertIds: string[] | null): Promise<{ unreadCount: number }> {
      assertRole(agent, 'supervisor');
      await alerts.markRead(agent.tenantId, agent.id, alertIds, clock.now());
      return { unreadCount: await alerts.countUnread(agent.tenantId, agent.id) };
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
