import type { Report } from '@aftercare/shared';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { type I18n, useI18n } from '../../lib/i18n.js';
import { formatCount, formatDuration, formatRating } from './report-format.js';

const HOUR = 3_600_000;

interface Series {
  label: string;
  colour: string;
  values: (number | null)[];
  /** Drawn dashed (the 90th percentiles beside their medians). */
  dashed?: boolean;
}

interface ChartProps {
  id: string;
  title: string;
  /** What the chart shows, in words: its text alternative. */
  summary: string;
  /** Calendar days of the report (`YYYY-MM-DD`). */
  dates: string[];
  series: Series[];
  /** Fixed y range (ratings are 1–5). */
  range?: [number, number];
}

/**
 * One line chart drawn by uPlot on a canvas. The canvas is an image to assistive technology
 * (`role="img"` with the summary as its name); the per-day table below the charts holds the numbers.
 * Days are placed as UTC midnights and labelled in UTC, so the axis shows the report's own dates
 * whatever the browser's time zone.
 */
function LineChart({ id, title, summary, dates, series, range }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const xs = dates.map((date) => Date.parse(`${date}T00:00:00Z`) / 1000);
    const chart = new uPlot(
      {
        width: Math.max(element.clientWidth, 280),
        height: 220,
        legend: { show: false },
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        scales: { x: { time: true }, ...(range ? { y: { range } } : {}) },
        series: [
          {},
          ...series.map((line) => ({
            label: line.label,
            stroke: line.colour,
            width: 2,
            ...(line.dashed ? { dash: [6, 4] } : {}),
            points: { show: dates.length <= 31 },
          })),
        ],
      },
      [xs, ...series.map((line) => line.values)] as uPlot.AlignedData,
      element,
    );
    // Which range is drawn, for tests and the reports benchmark (`e2e/bench/reports.ts`) to wait on.
    element.dataset.drawn = `${dates[0]}/${dates.at(-1)}`;
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(element.clientWidth, 280), height: 220 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [dates, series, range]);

  return (
    <figure class="report-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="report-chart__title">
        {title}
      </figcaption>
      <div class="report-chart__canvas" role="img" aria-label={summary} ref={container} data-chart={id} />
      <ul class="report-chart__legend" aria-hidden="true">
        {series.map((line) => (
          <li key={line.label}>
            <span
              class={`report-chart__swatch${line.dashed ? ' report-chart__swatch--dashed' : ''}`}
              style={{ borderColor: line.colour }}
            />
            {line.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}

const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / HOUR) * 100) / 100);

/** The three charts of a report: volumes, service times and the rating trend. */
export function ReportCharts({ report }: { report: Report }) {
  const i18n = useI18n();
  // Built once per report and language: a new series array would make each chart redraw.
  const charts = useMemo(() => chartsOf(i18n, report), [i18n, report]);
  return (
    <div class="report-charts">
      {charts.map((chart) => (
        <LineChart key={chart.id} {...chart} />
      ))}
    </div>
  );
}

function chartsOf(i18n: I18n, report: Report): ChartProps[] {
  const { t } = i18n;
  const { totals, days } = report;
  const dates = days.map((day) => day.date);
  const busiest = days.reduce((best, day) => (day.conversations > best.conversations ? day : best), days[0]!);
  return [
    {
      id: 'chart-volume',
      title: t('reports.chart.volume'),
      summary: t('reports.chart.volumeSummary', {
        conversations: formatCount(i18n, totals.conversations),
        tickets: formatCount(i18n, totals.tickets),
        days: days.length,
        busiest: busiest.date,
        most: formatCount(i18n, busiest.conversations),
      }),
      dates,
      series: [
        { label: t('reports.series.conversations'), colour: '#1d4ed8', values: days.map((d) => d.conversations) },
        { label: t('reports.series.tickets'), colour: '#b45309', values: days.map((d) => d.tickets) },
      ],
    },
    {
      id: 'chart-times',
      title: t('reports.chart.times'),
      summary: t('reports.chart.timesSummary', {
        firstReply: formatDuration(i18n, totals.firstReply.median),
        firstReplyP90: formatDuration(i18n, totals.firstReply.p90),
        resolution: formatDuration(i18n, totals.resolution.median),
        resolutionP90: formatDuration(i18n, totals.resolution.p90),
      }),
      dates,
      series: [
        {
          label: t('reports.series.firstReplyMedian'),
          colour: '#047857',
          values: days.map((d) => hours(d.firstReply.median)),
        },
        {
          label: t('reports.series.firstReplyP90'),
          colour: '#047857',
          dashed: true,
          values: days.map((d) => hours(d.firstReply.p90)),
        },
        {
          label: t('reports.series.resolutionMedian'),
          colour: '#7c3aed',
          values: days.map((d) => hours(d.resolution.median)),
        },
        {
          label: t('reports.series.resolutionP90'),
          colour: '#7c3aed',
          dashed: true,
          values: days.map((d) => hours(d.resolution.p90)),
        },
      ],
    },
    {
      id: 'chart-rating',
      title: t('reports.chart.rating'),
      summary: ratingSummary(i18n, report),
      dates,
      range: [1, 5],
      series: [{ label: t('reports.series.rating'), colour: '#be123c', values: days.map((d) => d.averageRating) }],
    },
  ];
}

/** The trend in words: the average of the first half of the range against the second. */
function ratingSummary(i18n: I18n, report: Report): string {
  const half = Math.ceil(report.days.length / 2);
  const averageOf = (days: Report['days']) => {
    const count = days.reduce((sum, day) => sum + day.ratings, 0);
    const total = days.reduce((sum, day) => sum + (day.averageRating ?? 0) * day.ratings, 0);
    return count === 0 ? null : total / count;
  };
  return i18n.t('reports.chart.ratingSummary', {
    average: formatRating(i18n, report.totals.averageRating),
    count: formatCount(i18n, report.totals.ratings),
    first: formatRating(i18n, averageOf(report.days.slice(0, half))),
    second: formatRating(i18n, averageOf(report.days.slice(half))),
  });
}
