import type {
  AgentReportRow,
  ProductReportRow,
  Report,
  ReportDay,
  ReportGetPayload,
  ReportTable,
  TechnicianReportRow,
} from '@aftercare/shared';
import type { ComponentChild } from 'preact';
import { type I18n, useI18n } from '../../lib/i18n.js';
import { formatCount, formatDuration, formatRating } from './report-format.js';
import { csvHref } from './report-range.js';
import { type Column, SortableTable } from './sortable-table.js';

interface TableSectionProps {
  table: ReportTable;
  request: ReportGetPayload;
  empty: boolean;
  children: ComponentChild;
}

/** A table's heading, its CSV download and the table (or a line saying it is empty). */
export function TableSection({ table, request, empty, children }: TableSectionProps) {
  const { t } = useI18n();
  const title = t(`reports.table.${table}`);
  return (
    <section class="report-section" aria-labelledby={`report-${table}-heading`}>
      <div class="report-section__header">
        <h2 id={`report-${table}-heading`} class="report-section__title">
          {title}
        </h2>
        <a class="button button--small" href={csvHref(request, table)} download>
          {t('reports.download')}
          <span class="sr-only">{t('reports.downloadWhich', { table: title })}</span>
        </a>
      </div>
      {empty ? <p class="report-section__empty">{t('reports.empty')}</p> : children}
    </section>
  );
}

const count = (i18n: I18n, key: 'conversations' | 'tickets' | 'ratings' | 'breaches') => ({
  key,
  label: i18n.t(`reports.column.${key}`),
  numeric: true,
});

function ratingColumn<Row extends { averageRating: number | null }>(i18n: I18n): Column<Row> {
  return {
    key: 'averageRating',
    label: i18n.t('reports.column.averageRating'),
    numeric: true,
    sortValue: (row) => row.averageRating,
    render: (row) => formatRating(i18n, row.averageRating),
  };
}

function countColumn<Row>(i18n: I18n, key: 'conversations' | 'tickets' | 'ratings' | 'breaches'): Column<Row> {
  const read = (row: Row) => (row as Record<string, number>)[key] ?? 0;
  return { ...count(i18n, key), sortValue: read, render: (row) => formatCount(i18n, read(row)) };
}

/** Per agent: chats handled, median first reply, promises broken, ratings. */
export function AgentsTable({ report }: { report: Report }) {
  const i18n = useI18n();
  const columns: Column<AgentReportRow>[] = [
    {
      key: 'name',
      label: i18n.t('reports.column.agent'),
      sortValue: (row) => row.name ?? row.agentId,
      render: (row) => row.name ?? i18n.t('reports.formerAgent', { id: row.agentId }),
    },
    countColumn(i18n, 'conversations'),
    {
      key: 'firstReplyMedian',
      label: i18n.t('reports.column.firstReplyMedian'),
      numeric: true,
      sortValue: (row) => row.firstReplyMedian,
      render: (row) => formatDuration(i18n, row.firstReplyMedian),
    },
    countColumn(i18n, 'breaches'),
    countColumn(i18n, 'ratings'),
    ratingColumn(i18n),
  ];
  return (
    <SortableTable
      caption={i18n.t('reports.table.agents')}
      columns={columns}
      rows={report.agents}
      rowKey={(row) => row.agentId}
      initialSort="conversations"
    />
  );
}

/** Per technician: tickets, median repair time, ratings. */
export function TechniciansTable({ report }: { report: Report }) {
  const i18n = useI18n();
  const columns: Column<TechnicianReportRow>[] = [
    {
      key: 'name',
      label: i18n.t('reports.column.technician'),
      sortValue: (row) => row.name ?? row.technicianId,
      render: (row) => row.name ?? i18n.t('reports.formerAgent', { id: row.technicianId }),
    },
    countColumn(i18n, 'tickets'),
    {
      key: 'repairMedian',
      label: i18n.t('reports.column.repairMedian'),
      numeric: true,
      sortValue: (row) => row.repairMedian,
      render: (row) => formatDuration(i18n, row.repairMedian),
    },
    countColumn(i18n, 'ratings'),
    ratingColumn(i18n),
  ];
  return (
    <SortableTable
      caption={i18n.t('reports.table.technicians')}
      columns={columns}
      rows={report.technicians}
      rowKey={(row) => row.technicianId}
      initialSort="tickets"
    />
  );
}

/** Per product (by SKU, else name): chats, tickets, ratings. */
export function ProductsTable({ report }: { report: Report }) {
  const i18n = useI18n();
  const columns: Column<ProductReportRow>[] = [
    {
      key: 'name',
      label: i18n.t('reports.column.product'),
      sortValue: (row) => row.name ?? row.sku,
      render: (row) => row.name ?? i18n.t('reports.noValue'),
    },
    {
      key: 'sku',
      label: i18n.t('reports.column.sku'),
      sortValue: (row) => row.sku,
      render: (row) => row.sku ?? i18n.t('reports.noValue'),
    },
    countColumn(i18n, 'conversations'),
    countColumn(i18n, 'tickets'),
    countColumn(i18n, 'ratings'),
    ratingColumn(i18n),
  ];
  return (
    <SortableTable
      caption={i18n.t('reports.table.products')}
      columns={columns}
      rows={report.products}
      rowKey={(row) => `${row.sku ?? ''}\n${row.name ?? ''}`}
      initialSort="conversations"
    />
  );
}

/** Per day: the numbers behind the charts, for anyone who cannot see them. */
export function DaysTable({ report }: { report: Report }) {
  const i18n = useI18n();
  const columns: Column<ReportDay>[] = [
    { key: 'date', label: i18n.t('reports.column.date'), sortValue: (row) => row.date, render: (row) => row.date },
    countColumn(i18n, 'conversations'),
    countColumn(i18n, 'tickets'),
    {
      key: 'firstReplyMedian',
      label: i18n.t('reports.column.firstReplyMedian'),
      numeric: true,
      sortValue: (row) => row.firstReply.median,
      render: (row) => formatDuration(i18n, row.firstReply.median),
    },
    {
      key: 'resolutionMedian',
      label: i18n.t('reports.column.resolutionMedian'),
      numeric: true,
      sortValue: (row) => row.resolution.median,
      render: (row) => formatDuration(i18n, row.resolution.median),
    },
    countColumn(i18n, 'ratings'),
    ratingColumn(i18n),
  ];
  return (
    <SortableTable
      caption={i18n.t('reports.table.days')}
      columns={columns}
      rows={report.days}
      rowKey={(row) => row.date}
      initialSort="date"
    />
  );
}
