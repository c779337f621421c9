import type { IncomingMessage, ServerResponse } from 'node:http';
import { REPORT_CSV_PATH } from '@aftercare/shared';
import { schemas, validate } from '@aftercare/shared/schemas';
import type { AuthService } from '../../domain/agents/auth-service.js';
import { AftercareError } from '../../domain/errors.js';
import type { ReportService } from '../../domain/reports/report-service.js';
import { reportTableRows } from '../../domain/reports/report-tables.js';
import { toCsv } from '../../lib/csv.js';
import type { Logger } from '../../lib/logger.js';
import { contentDisposition } from './attachment-routes.js';
import { readSessionCookie } from './cookies.js';
import { isSameOrigin } from './origin.js';
import { sendJson, statusFor } from './router.js';

export interface ReportRoutesDeps {
  reports: ReportService;
  auth: AuthService;
  /** The console's own origin: cookies ride along on cross-site requests, so others are refused. */
  publicUrl: string;
  logger: Logger;
}

/**
 * `GET /api/reports.csv?from&to&siteId&table`: one table of a report as a CSV download, for the
 * console's signed-in supervisors and admins (session cookie). Not a JSON router route, because
 * the answer is a file; errors are JSON like everywhere else.
 * @returns a handler that answers and returns true for this path, false for any other.
 */
export function createReportRoutes({ reports, auth, publicUrl, logger }: ReportRoutesDeps) {
  async function exportCsv(req: IncomingMessage, res: ServerResponse) {
    const { origin, host } = req.headers;
    if (origin && !isSameOrigin(origin, host, publicUrl)) {
      throw new AftercareError('ORIGIN_NOT_ALLOWED', 'The console runs on its own origin only');
    }
    const session = await auth.authenticate(readSessionCookie(req.headers.cookie));
    if (!session) throw new AftercareError('UNAUTHORIZED', 'Sign in first');
    const query = validate(
      schemas.reportCsvQuery,
      Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams),
    );
    if (!query.ok) throw new AftercareError(query.error.code, query.error.message);
    const { table, ...range } = query.value;
    const report = await reports.get(session.agent, range);
    const { header, rows } = reportTableRows(report, table);
    const body = Buffer.from(toCsv(header, rows), 'utf8');
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-length': String(body.length),
      'content-disposition': contentDisposition('attachment', `report-${table}-${report.from}-${report.to}.csv`),
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return async function handleReports(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (path !== REPORT_CSV_PATH) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: { code: 'NOT_FOUND', message: 'Method not allowed' } });
      return true;
    }
    try {
      await exportCsv(req, res);
    } catch (error) {
      if (!(error instanceof AftercareError)) logger.error('report export failed', { error });
      const failure =
        error instanceof AftercareError ? error : new AftercareError('INTERNAL', 'Something went wrong on the server');
      sendJson(res, statusFor(failure.toBody()), { error: failure.toBody() });
    }
    return true;
  };
}
