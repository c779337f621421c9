import { useEffect, useMemo, useRef } from 'preact/hooks';
import { customerName } from '../../lib/display.js';
import { type I18n, useI18n } from '../../lib/i18n.js';
import type { BrowserAlerts } from '../../lib/notifications/browser-alerts.js';
import {
  createNotificationCenter,
  type NotificationCenter,
  unreadTotal,
} from '../../lib/notifications/notification-center.js';
import type { Preferences } from '../../lib/preferences.js';
import { useStore } from '../../lib/store.js';
import type { WorkspaceAlert } from '../../lib/workspace/alerts.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';

/**
 * The screen's notification center, created once. It is needed before the workspace exists (the
 * workspace reports alerts to it), so it reaches the workspace and the language through refs.
 */
export function useNotificationCenter(
  alerts: BrowserAlerts,
  preferences: Preferences,
  workspace: { current: Workspace | null },
): NotificationCenter {
  const i18n = useI18n();
  const language = useRef(i18n);
  language.current = i18n;
  return useMemo(
    () =>
      createNotificationCenter({
        alerts,
        preferences,
        describe: (alert) => describeAlert(language.current, workspace.current?.store.get() ?? null, alert),
        open: (id) => workspace.current?.openConversation(id),
      }),
    [alerts, preferences, workspace],
  );
}

const selectActiveId = (state: WorkspaceState) => state.active?.id ?? null;

/**
 * Keeps the title badge ("(3) Aftercare console") and marks the open conversation seen while the
 * agent looks at it: now, and whenever the window comes back into sight.
 */
export function useAlertBadge(center: NotificationCenter, workspace: Workspace, alerts: BrowserAlerts): void {
  const i18n = useI18n();
  const activeId = useStore(workspace.store, selectActiveId);
  const unread = useStore(center.store, unreadTotal);

  useEffect(() => {
    const markSeen = () => {
      if (activeId && alerts.isAttended()) center.seen(activeId);
    };
    markSeen();
    window.addEventListener('focus', markSeen);
    document.addEventListener('visibilitychange', markSeen);
    return () => {
      window.removeEventListener('focus', markSeen);
      document.removeEventListener('visibilitychange', markSeen);
    };
  }, [center, activeId, alerts]);

  useEffect(() => {
    document.title = unread > 0 ? i18n.t('app.titleWithCount', { count: unread }) : i18n.t('app.title');
    return () => {
      document.title = i18n.t('app.title');
    };
  }, [unread, i18n]);
}

function describeAlert(i18n: I18n, state: WorkspaceState | null, alert: WorkspaceAlert) {
  const conversation = state?.lists.open.conversations.find((c) => c.id === alert.conversationId);
  const name = customerName(i18n, conversation ? state?.customers[conversation.customerId] : undefined);
  if (alert.kind === 'message') {
    return {
      title: i18n.t('notify.message.title', { name: alert.message.author.name ?? name }),
      body: alert.message.text,
    };
  }
  return { title: i18n.t('notify.assigned.title'), body: i18n.t('notify.assigned.body', { name }) };
}
