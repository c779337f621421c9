import { isFinalTicketStatus, type VisitorTicket } from '@aftercare/shared';
import { format } from '@aftercare/shared/i18n/locale.js';
import { en } from '@aftercare/shared/i18n/widget-tickets/en.js';
import { zhCN } from '@aftercare/shared/i18n/widget-tickets/zh-CN.js';
import { chunkStyles } from '../lib/chunk-styles.js';
import { useI18n } from '../lib/i18n.js';
import css from './repairs.css?inline';

const withRepairStyles = chunkStyles('rp', css);

/**
 * The shopper's repair tickets: number, product and the current status in their own words, with
 * the steps so far (when each happened). A status that changed since the shopper last looked is
 * marked "Updated" and announced to screen readers.
 */
export function Repairs({ tickets, news }: { tickets: VisitorTicket[]; news: string[] }) {
  const { locale } = useI18n();
  const t = (key: string, values?: Record<string, string | number>) =>
    format((locale === 'zh-CN' ? zhCN : en)[key] ?? key, values);
  const when = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const status = (ticket: VisitorTicket) => t(`repair.${ticket.status}`);
  const fresh = tickets.filter((ticket) => news.includes(ticket.id));
  return (
    <section class="rp" aria-labelledby="rp-h" ref={withRepairStyles}>
      <h3 id="rp-h">{t('repairsTitle')}</h3>
      <ul>
        {tickets.map((ticket) => (
          <li key={ticket.id} class={isFinalTicketStatus(ticket.status) ? 'rp-i rp-f' : 'rp-i'}>
            <p class="rp-n">
              {t('repairNumber', { number: ticket.number })}
              {ticket.product && ` · ${ticket.product.name}`}
              {news.includes(ticket.id) && <span class="rp-u">{t('repairUpdated')}</span>}
            </p>
            <p class="rp-s">{status(ticket)}</p>
            <ol class="rp-p" aria-label={t('repairStepsLabel', { number: ticket.number })}>
              {ticket.history.map((step) => (
                <li key={`${step.status}-${step.at}`}>
                  {t('repairStepAt', { status: t(`repair.${step.status}`), time: when.format(step.at) })}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
      <p class="sr" aria-live="polite">
        {fresh.map((ticket) => t('repairAnnounce', { number: ticket.number, status: status(ticket) })).join('. ')}
      </p>
    </section>
  );
}
