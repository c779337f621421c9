import type { TicketStatus } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';
import { statusText } from './ticket-text.js';
import './style.css';

/** A ticket's status as a labelled chip; the colour only repeats what the word says. */
export function TicketStatusChip({ status }: { status: TicketStatus }) {
  const i18n = useI18n();
  return <span class={`ticket-chip ticket-chip--${status}`}>{statusText(i18n, status)}</span>;
}
