import type { Agent, PromiseState, Remedy, TicketStatus } from '@aftercare/shared';
import type { ClientError } from '../../lib/agent-socket.js';
import type { I18n } from '../../lib/i18n.js';

/** Error codes the ticket screens explain in words; anything else reads as a generic failure. */
const EXPLAINED = new Set([
  'CONFLICT',
  'TRANSITION_NOT_ALLOWED',
  'NOT_COVERED_BY_WARRANTY',
  'ATTACHMENT_UNAVAILABLE',
  'NOT_FOUND',
  'INVALID_PAYLOAD',
  'OFFLINE',
]);

/** The agent-facing explanation of a refused ticket request. */
export function ticketErrorText({ t }: I18n, error: ClientError): string {
  return EXPLAINED.has(error.code)
    ? t(`tickets.error.${error.code}` as 'tickets.error.CONFLICT')
    : t('tickets.error.generic');
}

export const statusText = ({ t }: I18n, status: TicketStatus) => t(`tickets.status.${status}`);
export const remedyText = ({ t }: I18n, remedy: Remedy) => t(`tickets.remedy.${remedy}`);

/** An agent's name from the directory, or "Nobody" for none. */
export function personName({ t }: I18n, agents: Record<string, Agent>, agentId: string | null): string {
  if (!agentId) return t('tickets.nobody');
  return agents[agentId]?.name ?? agentId;
}

/** "Due 14:00", "Overdue since …", "Kept", in words (never colour alone). */
export function promiseText(i18n: I18n, state: PromiseState, dueAt: number | null): string {
  if (state === 'met' || state === 'breached') return i18n.t(`tickets.promise.${state}`);
  if (dueAt === null) return i18n.t('tickets.promise.none');
  return i18n.t(`tickets.promise.${state}`, { time: i18n.formatTime(dueAt) });
}
