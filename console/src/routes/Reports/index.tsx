import { REPORT_MAX_DAYS, type Report, type ReportGetPayload } from '@aftercare/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ClientErrorCode, request } from '../../lib/agent-socket.js';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { ReportCharts } from './report-charts.js';
import { isValidRange, localToday, presetRange, RANGE_PRESETS, type RangePreset } from './report-range.js';
import { AgentsTable, DaysTable, ProductsTable, TableSection, TechniciansTable } from './report-tables.js';
import { ReportTotals } from './report-totals.js';
import './style.css';

export interface ReportsScreenProps {
  workspace: Workspace;
}

type ReportState =
  | { status: 'loading'; report: Report | null }
  | { status: 'ready'; report: Report }
  | { status: 'error'; report: Report | null; code: ClientErrorCode };

/** A year of data is ~100,000 rows for the server to read: allow more than the usual 10 s. */
const REPORT_TIMEOUT_MS = 30_000;
const DEFAULT_PRESET: RangePreset = '30';

const selectSites = (state: WorkspaceState) => state.directory.sites;
const selectOnline = (state: WorkspaceState) => state.connection === 'online';

/**
 * Supervisors' reports: a period (last 7, 30 or 90 days, or any range of dates) and a site, then
 * the headline numbers, three charts, and tables per agent, technician, product and day, each with
 * its CSV download. The report for the chosen range is asked for again after a reconnect.
 */
export function ReportsScreen({ workspace }: ReportsScreenProps) {
  const { t } = useI18n();
  const sites = useStore(workspace.store, selectSites);
  const online = useStore(workspace.store, selectOnline);
  const [preset, setPreset] = useState<RangePreset>(DEFAULT_PRESET);
  const [custom, setCustom] = useState(() => presetRange(Number(DEFAULT_PRESET), localToday()));
  const [siteId, setSiteId] = useState('');
  const [shown, setShown] = useState<ReportGetPayload>(() => presetRange(Number(DEFAULT_PRESET), localToday()));
  const [state, setState] = useState<ReportState>({ status: 'loading', report: null });
  const latest = useRef(shown);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    if (!online) return;
    latest.current = shown;
    setState((current) => ({ status: 'loading', report: current.report }));
    void request(workspace.socket, 'report:get', shown, REPORT_TIMEOUT_MS).then((res) => {
      // A slower answer to an earlier choice must not replace the newer one.
      if (latest.current !== shown) return;
      setState((current) =>
        'data' in res
          ? { status: 'ready', report: res.data.report }
          : { status: 'error', report: current.report, code: res.error.code },
      );
    });
  }, [workspace, shown, online]);

  const show = (range: { from: string; to: string }, site = siteId) =>
    setShown(site ? { ...range, siteId: site } : range);

  const choosePreset = (next: RangePreset) => {
    setPreset(next);
    if (next !== 'custom') show(presetRange(Number(next), localToday()));
  };
  const chooseSite = (next: string) => {
    setSiteId(next);
    show({ from: shown.from, to: shown.to }, next);
  };
  const customValid = isValidRange(custom.from, custom.to);
  const { report } = state;

  return (
    <main
      id="reports-main"
      class="reports-screen"
      aria-labelledby="reports-heading"
      aria-busy={state.status === 'loading'}
    >
      <h1 id="reports-heading" class="reports-screen__heading" tabIndex={-1} ref={heading}>
        {t('reports.title')}
      </h1>
      <form
        class="reports-filters"
        aria-label={t('reports.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          if (customValid) show(custom);
        }}
      >
        <label class="reports-filters__field">
          <span>{t('reports.period')}</span>
          <select value={preset} onChange={(event) => choosePreset(event.currentTarget.value as RangePreset)}>
            {RANGE_PRESETS.map((item) => (
              <option key={item} value={item}>
                {t(`reports.preset.${item}`)}
              </option>
            ))}
          </select>
        </label>
        {preset === 'custom' && (
          <>
            <DateField
              label={t('reports.from')}
              value={custom.from}
              max={custom.to}
              onInput={(from) => setCustom((current) => ({ ...current, from }))}
            />
            <DateField
              label={t('reports.to')}
              value={custom.to}
              min={custom.from}
              onInput={(to) => setCustom((current) => ({ ...current, to }))}
            />
            <button type="submit" class="button button--primary" disabled={!customValid}>
              {t('reports.show')}
            </button>
          </>
        )}
        <label class="reports-filters__field">
          <span>{t('reports.site')}</span>
          <select value={siteId} onChange={(event) => chooseSite(event.currentTarget.value)}>
            <option value="">{t('reports.allSites')}</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      {preset === 'custom' && !customValid && (
        <p class="reports-screen__hint">{t('reports.error.INVALID_PAYLOAD', { max: REPORT_MAX_DAYS })}</p>
      )}
      <div role="status" class="reports-screen__status">
        {state.status === 'loading' && t('reports.loading')}
        {state.status === 'error' && errorText(t, state.code)}
      </div>
      {state.status === 'error' && (
        <button type="button" class="button" onClick={() => setShown({ ...shown })}>
          {t('reports.retry')}
        </button>
      )}
      {report && (
        <>
          <p class="reports-screen__range" data-range={`${report.from}/${report.to}`}>
            {t('reports.range', { from: report.from, to: report.to, zone: report.timeZone })}
          </p>
          <ReportTotals report={report} />
          <ReportCharts report={report} />
          <TableSection table="agents" request={shown} empty={report.agents.length === 0}>
            <AgentsTable report={report} />
          </TableSection>
          <TableSection table="technicians" request={shown} empty={report.technicians.length === 0}>
            <TechniciansTable report={report} />
          </TableSection>
          <TableSection table="products" request={shown} empty={report.products.length === 0}>
            <ProductsTable report={report} />
          </TableSection>
          <TableSection table="days" request={shown} empty={false}>
            <DaysTable report={report} />
          </TableSection>
        </>
      )}
    </main>
  );
}

function errorText(t: ReturnType<typeof useI18n>['t'], code: ClientErrorCode): string {
  if (code === 'INVALID_PAYLOAD') return t('reports.error.INVALID_PAYLOAD', { max: REPORT_MAX_DAYS });
  if (code === 'FORBIDDEN' || code === 'OFFLINE') return t(`reports.error.${code}`);
  return t('reports.error.generic');
}

/** One end of the custom date range. */
function DateField(props: { label: string; value: string; min?: string; max?: string; onInput(value: string): void }) {
  return (
    <label class="reports-filters__field">
      <span>{props.label}</span>
      <input
        type="date"
        value={props.value}
        min={props.min}
        max={props.max}
        required
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </label>
  );
}
