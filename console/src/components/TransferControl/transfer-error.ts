import type { AgentPresence } from '@aftercare/shared';
import type { ClientErrorCode } from '../../lib/agent-socket.js';
import type { I18n } from '../../lib/i18n.js';

/**
 * The sentence for a refused transfer. CONFLICT covers three cases the server does not tell
 * apart (the colleague is offline, is full, or the chat changed meanwhile), so the presence this
 * console holds picks the likely one (for a team, `toTeam`: the team cannot take it now);
 * FORBIDDEN means the chat is not the agent's own.
 */
export function transferErrorText(
  i18n: Pick<I18n, 't'>,
  code: ClientErrorCode | undefined,
  name: string,
  target: AgentPresence | undefined,
  toTeam = false,
): string {
  switch (code) {
    case 'CONFLICT':
      if (toTeam) return i18n.t('transfer.error.team', { name });
      if (target && target.status !== 'online') return i18n.t('transfer.error.offline', { name });
      if (!target || target.load >= target.capacity) return i18n.t('transfer.error.capacity', { name });
      return i18n.t('transfer.error.changed');
    case 'FORBIDDEN':
      return i18n.t('transfer.error.FORBIDDEN');
    case 'CONVERSATION_CLOSED':
      return i18n.t('transfer.error.CONVERSATION_CLOSED');
    case 'OFFLINE':
      return i18n.t('transfer.error.OFFLINE');
    default:
      return i18n.t('transfer.error.generic', { name });
  }
}
