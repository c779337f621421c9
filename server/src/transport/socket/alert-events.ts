import type { Alert } from '@aftercare/shared';
import { schemas } from '@aftercare/shared/schemas';
import { type AlertService, receivesAlerts } from '../../domain/alerts/alert-service.js';
import { defineHandler, type HandlerContext } from './define-handler.js';
import type { AgentNamespace, AgentSocket } from './namespaces.js';

export interface AlertEventDeps {
  alerts: AlertService;
  context: HandlerContext;
}

/** Room of the console tabs of a tenant's supervisors and admins: where alerts are pushed. */
export const supervisorRoom = (tenantId: string) => `supervisors:${tenantId}`;

/**
 * Supervisors' alerts (`alert:list`, `alert:read`). Supervisors and admins join their tenant's
 * supervisor room on connect, so `alert:created` reaches them and never a plain agent.
 */
export function registerAlertEvents(socket: AgentSocket, { alerts, context }: AlertEventDeps) {
  const on = socket as unknown as Parameters<typeof defineHandler>[0];
  const { agent } = socket.data;
  if (receivesAlerts(agent)) socket.join(supervisorRoom(agent.tenantId));

  defineHandler(on, context, 'alert:list', schemas.alertList, async ({ limit }) => ({
    data: await alerts.list(agent, limit),
  }));

  defineHandler(on, context, 'alert:read', schemas.alertRead, async ({ alertIds }) => ({
    data: await alerts.markRead(agent, alertIds ?? null),
  }));
}

/** Pushes a new alert to the tenant's supervisors and admins (on every server process, through the adapter). */
export function publishAlert(agents: AgentNamespace, alert: Alert): void {
  agents.to(supervisorRoom(alert.tenantId)).emit('alert:created', { alert });
}
