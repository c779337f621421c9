import type { Alert, LowRatingAlert } from '@aftercare/shared';
import { useEffect, useState } from 'preact/hooks';
import { type I18n, useI18n } from '../../lib/i18n.js';
import type { BrowserAlerts } from '../../lib/notifications/browser-alerts.js';
import type { NotificationCenter } from '../../lib/notifications/notification-center.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import './style.css';

/** How many alerts stay on screen; older ones remain in the alert list (`alert:list`). */
const SHOWN = 3;

/** The words of a low-rating alert, on screen and in the desktop notification. */
export function describeLowRating(i18n: I18n, alert: LowRatingAlert): { title: string; body: string } {
  const label = alert.label ?? i18n.t('lowRating.someone');
  const values = { label, score: alert.score, comment: alert.comment ?? '' };
  return {
    title: i18n.t('lowRating.title', { score: alert.score }),
    body: i18n.t(alert.comment ? 'lowRating.bodyComment' : 'lowRating.body', values),
  };
}

/**
 * Supervisors and admins see low ratings as they come in (the server sends `alert:created` to them
 * only): on screen until dismissed, with the beep and desktop notification of the agent's
 * notification switch, like new chats.
 */
export function LowRatingAlerts({
  workspace,
  center,
  alerts,
}: {
  workspace: Workspace;
  center: NotificationCenter;
  alerts: BrowserAlerts;
}) {
  const i18n = useI18n();
  const [shown, setShown] = useState<LowRatingAlert[]>([]);

  useEffect(() => {
    const onAlert = ({ alert }: { alert: Alert }) => {
      if (alert.kind !== 'low-rating') return;
      setShown((current) => [alert, ...current.filter((item) => item.id !== alert.id)].slice(0, SHOWN));
      if (!center.store.get().enabled) return;
      alerts.beep();
      if (!alerts.isAttended()) {
        const text = describeLowRating(i18n, alert);
        alerts.show(text.title, text.body, alert.id, () => openSubject(workspace, alert));
      }
    };
    workspace.socket.on('alert:created', onAlert);
    return () => {
      workspace.socket.off('alert:created', onAlert);
    };
  }, [workspace, center, alerts, i18n]);

  return (
    <section class="low-rating-alerts" aria-label={i18n.t('lowRating.region')} aria-live="polite">
      {shown.map((alert) => {
        const text = describeLowRating(i18n, alert);
        return (
          <div key={alert.id} class="low-rating-alerts__item" data-alert={alert.id}>
            <button type="button" class="low-rating-alerts__open" onClick={() => openSubject(workspace, alert)}>
              <strong>{text.title}</strong>
              <span>{text.body}</span>
            </button>
            <button
              type="button"
              class="button button--small"
              onClick={() => setShown((current) => current.filter((item) => item.id !== alert.id))}
            >
              {i18n.t('lowRating.dismiss')}
            </button>
          </div>
        );
      })}
    </section>
  );
}

/** Opens what was rated: the chat in the inbox, or the repair ticket. */
function openSubject(workspace: Workspace, alert: LowRatingAlert): void {
  if (alert.subject.kind === 'ticket') {
    location.hash = `#/tickets/${alert.subject.id}`;
    return;
  }
  location.hash = '#/inbox';
  workspace.openConversation(alert.subject.id);
}
