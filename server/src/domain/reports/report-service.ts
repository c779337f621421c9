import { type Agent, REPORT_MAX_DAYS, type Report, type ReportGetPayload } from '@aftercare/shared';
import type { AgentRepository } from '../agents/agent-repository.js';
import { assertRole } from '../agents/roles.js';
import type { Clock } from '../clock.js';
import { AftercareError } from '../errors.js';
import type { SiteRepository } from '../sites/site-repository.js';
import { buildReport } from './build-report.js';
import { dayCount, reportDays } from './report-days.js';
import type { ReportRepository } from './report-repository.js';

export interface ReportServiceDeps {
  reports: ReportRepository;
  sites: SiteRepository;
  agents: AgentRepository;
  clock: Clock;
}

/** Supervisor reports over a range of days (`report:get` and the CSV export). */
export function createReportService({ reports, sites, agents, clock }: ReportServiceDeps) {
  return {
    /**
     * The report for the caller's tenant (one site, or all). Supervisors and admins only: it names
     * every agent's breaches and ratings. Throws `INVALID_PAYLOAD` for a reversed or too long range
     * and `NOT_FOUND` for a site of another tenant.
     */
    async get(agent: Agent, request: ReportGetPayload): Promise<Report> {
      assertRole(agent, 'supervisor');
      const length = dayCount(request.from, request.to);
      if (length < 1) throw new AftercareError('INVALID_PAYLOAD', '`to` must not be before `from`');
      if (length > REPORT_MAX_DAYS) {
        throw new AftercareError('INVALID_PAYLOAD', `A report covers at most ${REPORT_MAX_DAYS} days`);
      }
      const tenantSites = await sites.listByTenant(agent.tenantId);
      const site =
        request.siteId === undefined ? null : tenantSites.find((candidate) => candidate.id === request.siteId);
      if (site === undefined) throw new AftercareError('NOT_FOUND', 'No such site');
      // Without a site the tenant's first site sets the calendar: most tenants run one shop.
      const timeZone = (site ?? tenantSites[0])?.settings.timeZone ?? 'UTC';
      const days = reportDays(request.from, request.to, timeZone);
      const now = clock.now();
      const [summary, team] = await Promise.all([
        reports.summarize({
          tenantId: agent.tenantId,
          siteId: site?.id ?? null,
          dayStarts: days.starts,
          now,
        }),
        agents.listByTenant(agent.tenantId),
      ]);
      return buildReport({
        from: request.from,
        to: request.to,
        siteId: site?.id ?? null,
        timeZone,
        dates: days.dates,
        generatedAt: now,
        summary,
        names: new Map(team.map((member) => [member.id, member.name])),
      });
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
