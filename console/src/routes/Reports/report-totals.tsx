import type { DurationSpread, Report } from '@aftercare/shared';
import { type I18n, useI18n } from '../../lib/i18n.js';
import { formatCount, formatDuration, formatRating } from './report-format.js';

const spreadText = (i18n: I18n, spread: DurationSpread) =>
  i18n.t('reports.total.spread', {
    median: formatDuration(i18n, spread.median),
    p90: formatDuration(i18n, spread.p90),
  });

/** The range's headline numbers: volumes, average rating, service times and broken promises. */
export function ReportTotals({ report }: { report: Report }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { totals } = report;
  const { breaches } = totals;
  return (
    <dl class="report-totals">
      <div class="report-totals__card">
        <dt>{t('reports.total.conversations')}</dt>
        <dd class="report-totals__value" data-total="conversations">
          {formatCount(i18n, totals.conversations)}
        </dd>
      </div>
      <div class="report-totals__card">
        <dt>{t('reports.total.tickets')}</dt>
        <dd class="report-totals__value" data-total="tickets">
          {formatCount(i18n, totals.tickets)}
        </dd>
      </div>
      <div class="report-totals__card">
        <dt>{t('reports.total.averageRating')}</dt>
        <dd class="report-totals__value" data-total="averageRating">
          {formatRating(i18n, totals.averageRating)}
        </dd>
        <dd class="report-totals__detail">
          {t('reports.total.ratingCount', { count: formatCount(i18n, totals.ratings) })}
        </dd>
      </div>
      <div class="report-totals__card">
        <dt>{t('reports.total.firstReply')}</dt>
        <dd class="report-totals__detail">{spreadText(i18n, totals.firstReply)}</dd>
      </div>
      <div class="report-totals__card">
        <dt>{t('reports.total.resolution')}</dt>
        <dd class="report-totals__detail">{spreadText(i18n, totals.resolution)}</dd>
      </div>
      <div class="report-totals__card">
        <dt>{t('reports.total.ticketResolution')}</dt>
        <dd class="report-totals__detail">{spreadText(i18n, totals.ticketResolution)}</dd>
      </div>
      <div class="report-totals__card report-totals__card--wide">
        <dt>{t('reports.total.breaches')}</dt>
        <dd class="report-totals__detail">
          {t('reports.breach.conversationFirstReply', { count: formatCount(i18n, breaches.conversationFirstReply) })}
        </dd>
        <dd class="report-totals__detail">
          {t('reports.breach.conversationResolution', { count: formatCount(i18n, breaches.conversationResolution) })}
        </dd>
        <dd class="report-totals__detail">
          {t('reports.breach.ticketAnswer', { count: formatCount(i18n, breaches.ticketAnswer) })}
        </dd>
        <dd class="report-totals__detail">
          {t('reports.breach.ticketResolution', { count: formatCount(i18n, breaches.ticketResolution) })}
        </dd>
      </div>
    </dl>
  );
}
