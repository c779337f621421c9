import type { Alert } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';

/** What an alert says, by kind (other kinds, such as low ratings, add their own line here). */
function alertText(i18n: ReturnType<typeof useI18n>, alert: Alert): string {
  const label = alert.label ?? i18n.t('alerts.someone');
  if (alert.kind === 'escalation') {
    const key = alert.subject.kind === 'ticket' ? 'alerts.escalation.ticket' : 'alerts.escalation.conversation';
    return i18n.t(key, { label });
  }
  // A kind this console does not know yet (a newer server): its subject's name at least.
  return label;
}

/** One alert in the panel: its text (user-given names rendered as text), when, and whether it is unread. */
export function AlertItem({ alert, onOpen }: { alert: Alert; onOpen(alert: Alert): void }) {
  const i18n = useI18n();
  return (
    <li
      class={`alerts__item${alert.read ? '' : ' alerts__item--unread'}`}
      data-alert-id={alert.id}
      data-kind={alert.kind}
    >
      <button type="button" class="alerts__open" onClick={() => onOpen(alert)}>
        {!alert.read && <span class="alerts__unread">{i18n.t('alerts.unread')}</span>}
        <span class="alerts__text">{alertText(i18n, alert)}</span>
        <time class="alerts__time" dateTime={new Date(alert.createdAt).toISOString()}>
          {i18n.formatTime(alert.createdAt)}
        </time>
      </button>
    </li>
  );
}
