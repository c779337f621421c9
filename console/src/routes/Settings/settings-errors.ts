import type { ClientError } from '../../lib/agent-socket.js';
import type { ConsoleMessageKey, I18n } from '../../lib/i18n.js';

/** The sentence for a refused settings change; `conflict` says what a CONFLICT means on this form. */
export function settingsErrorText(
  i18n: Pick<I18n, 't'>,
  error: Pick<ClientError, 'code'>,
  conflict: ConsoleMessageKey = 'settings.error.CONFLICT',
): string {
  switch (error.code) {
    case 'CONFLICT':
      return i18n.t(conflict);
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'OFFLINE':
    case 'INVALID_PAYLOAD':
    case 'PAYLOAD_TOO_LARGE':
    case 'RATE_LIMITED':
      return i18n.t(`settings.error.${error.code}`);
    default:
      return i18n.t('settings.error.generic');
  }
}
