import type { Customer } from '@aftercare/shared';
import type { I18n } from './i18n.js';

/** The name an agent sees for a shopper: what they gave, else the localized "Visitor". */
export function customerName(i18n: Pick<I18n, 't'>, customer: Customer | null | undefined): string {
  return customer?.name?.trim() || i18n.t('customer.visitor');
}

/**
 * Only http(s) links may reach `href`/`src`. The server validates product URLs too; checking
 * again here keeps a `javascript:` URL from ever becoming clickable if a bad record slips through.
 */
export function safeWebUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/**
 * The name an agent sees for a colleague, from the agent directory (`agent:list`) and what the
 * console learnt live. Only an agent it has not heard of at all yet (the directory is still
 * loading, or they were added since) shows a short id.
 */
export function agentName(i18n: Pick<I18n, 't'>, names: Record<string, string>, agentId: string): string {
  return names[agentId] ?? i18n.t('agent.unknown', { id: agentId.slice(0, 6) });
}

/** Who owns a chat, as rows and the header say it: "Unassigned", "You" or the colleague's name. */
export function assigneeLabel(
  i18n: Pick<I18n, 't'>,
  names: Record<string, string>,
  assigneeId: string | null,
  me: string | undefined,
): string {
  if (assigneeId === null) return i18n.t('assignee.none');
  return assigneeId === me ? i18n.t('assignee.you') : agentName(i18n, names, assigneeId);
}

/** A waiting time in whole minutes ("3 min", "1 h 5 min"); under a minute says so. */
export function formatWait(i18n: Pick<I18n, 't'>, ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return i18n.t('duration.underMinute');
  if (minutes < 60) return i18n.t('duration.minutes', { minutes });
  return i18n.t('duration.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
