import { schemas } from '@aftercare/shared/schemas';
import type { ReportService } from '../../domain/reports/report-service.js';
import { defineHandler, type HandlerContext } from './define-handler.js';
import type { AgentSocket } from './namespaces.js';

export interface ReportEventDeps {
  reports: ReportService;
  context: HandlerContext;
}

/** Supervisor reports (`report:get`): the service refuses agents and other tenants' sites. */
export function registerReportEvents(socket: AgentSocket, { reports, context }: ReportEventDeps): void {
  const on = socket as unknown as Parameters<typeof defineHandler>[0];
  const { agent } = socket.data;

  defineHandler(on, context, 'report:get', schemas.reportGet, async (payload) => ({
    data: { report: await reports.get(agent, payload) },
  }));
}
