import type { Alert } from '@aftercare/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../lib/agent-socket.js';
import { useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { AlertItem } from './alert-item.js';
import { ALERTS_KEPT, type AlertsState, alertReceived, alertsLoaded, alertsRead, initialAlerts } from './alert-list.js';
import './style.css';

/**
 * The supervisors' alerts bell (escalations, low ratings): the unread count on the button, the
 * newest alerts in a panel it opens. Loads on mount and after every reconnect, and adds
 * `alert:created` live. Mount it for supervisors and admins only (the server refuses agents).
 */
export function AlertsBell({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const { socket } = workspace;
  const [state, setState] = useState<AlertsState>(initialAlerts);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    const load = () =>
      request(socket, 'alert:list', { limit: ALERTS_KEPT }).then((result) => {
        if (!current) return;
        setState((before) => ('data' in result ? alertsLoaded(result.data) : { ...before, status: 'error' }));
      });
    const onCreated = ({ alert }: { alert: Alert }) => setState((before) => alertReceived(before, alert));
    socket.on('connect', load);
    socket.on('alert:created', onCreated);
    if (socket.connected) void load();
    return () => {
      current = false;
      socket.off('connect', load);
      socket.off('alert:created', onCreated);
    };
  }, [socket]);

  function markRead(ids: string[] | null) {
    setState((before) => alertsRead(before, ids));
    void request(socket, 'alert:read', ids === null ? {} : { alertIds: ids }).then((result) => {
      if ('data' in result) setState((before) => alertsRead(before, [], result.data.unreadCount));
    });
  }

  function openAlert(alert: Alert) {
    if (!alert.read) markRead([alert.id]);
    setOpen(false);
    if (alert.subject.kind === 'ticket') {
      location.hash = `#/tickets/${alert.subject.id}`;
    } else {
      location.hash = '#/inbox';
      workspace.openConversation(alert.subject.id);
    }
  }

  // On the bell and the panel: Escape closes the panel wherever focus is in it.
  function onKey(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  }

  return (
    <div class="alerts">
      <button
        ref={button}
        type="button"
        class="button button--small alerts__button"
        aria-expanded={open}
        aria-controls="alerts-panel"
        onClick={() => setOpen(!open)}
        onKeyDown={onKey}
      >
        {t('alerts.button')}
        {/* The name reads "Alerts 2 unread": the visible count, then words for screen readers. */}
        {state.unreadCount > 0 && (
          <>
            {' '}
            <span class="alerts__count" data-unread={state.unreadCount}>
              {state.unreadCount}
            </span>
            <span class="sr-only"> {t('alerts.unreadSuffix')}</span>
          </>
        )}
      </button>
      {open && (
        <section id="alerts-panel" class="alerts__panel" aria-label={t('alerts.title')} onKeyDown={onKey}>
          <div class="alerts__head">
            <h2 class="alerts__title">{t('alerts.title')}</h2>
            {state.unreadCount > 0 && (
              <button type="button" class="button button--small" onClick={() => markRead(null)}>
                {t('alerts.markAllRead')}
              </button>
            )}
          </div>
          {state.status === 'error' && (
            <p class="alerts__note" role="alert">
              {t('alerts.loadFailed')}
            </p>
          )}
          {state.status === 'ready' && state.alerts.length === 0 && <p class="alerts__note">{t('alerts.empty')}</p>}
          {state.alerts.length > 0 && (
            <ul class="alerts__list">
              {state.alerts.map((alert) => (
                <AlertItem key={alert.id} alert={alert} onOpen={openAlert} />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
