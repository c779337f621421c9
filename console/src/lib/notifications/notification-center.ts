import type { Preferences } from '../preferences.js';
import { createStore, type Store } from '../store.js';
import type { WorkspaceAlert } from '../workspace/alerts.js';
import type { AlertPermission, BrowserAlerts } from './browser-alerts.js';

export interface NotificationState {
  /** The agent's switch: sound and desktop notifications on or off (the title badge always counts). */
  enabled: boolean;
  permission: AlertPermission;
  /** Alerts not yet seen, per conversation; their sum is the title badge. */
  unread: Record<string, number>;
}

/** The words of a desktop notification, decided by the screen (it knows names and language). */
export interface AlertText {
  title: string;
  body: string;
}

/** Turns workspace alerts into a title count, a beep and a desktop notification. */
export interface NotificationCenter {
  store: Store<NotificationState>;
  handle(alert: WorkspaceAlert, activeConversationId: string | null): void;
  /** The agent has seen this conversation. */
  seen(conversationId: string): void;
  /** Flips the switch; turning it on asks for desktop permission, so call it from a click. */
  setEnabled(enabled: boolean): Promise<void>;
}

export interface NotificationCenterOptions {
  alerts: BrowserAlerts;
  preferences: Preferences;
  describe(alert: WorkspaceAlert): AlertText;
  /** Opens the conversation when its desktop notification is clicked. */
  open(conversationId: string): void;
}

/** Creates the notification center of one signed-in screen. */
export function createNotificationCenter(options: NotificationCenterOptions): NotificationCenter {
  const { alerts, preferences } = options;
  const store = createStore<NotificationState>({
    enabled: preferences.notificationsEnabled(),
    permission: alerts.permission(),
    unread: {},
  });
  return {
    store,
    handle(alert, activeConversationId) {
      // The agent is looking at this very chat: nothing to announce.
      if (alerts.isAttended() && alert.conversationId === activeConversationId) return;
      store.set((state) => ({
        ...state,
        unread: { ...state.unread, [alert.conversationId]: (state.unread[alert.conversationId] ?? 0) + 1 },
      }));
      if (!store.get().enabled) return;
      alerts.beep();
      // A desktop notification only when the console is out of sight; in sight, the beep is enough.
      if (!alerts.isAttended()) {
        const text = options.describe(alert);
        alerts.show(text.title, text.body, alert.conversationId, () => options.open(alert.conversationId));
      }
    },
    seen(conversationId) {
      store.set((state) => {
        if (!(conversationId in state.unread)) return state;
        const { [conversationId]: _, ...unread } = state.unread;
        return { ...state, unread };
      });
    },
    async setEnabled(enabled) {
      preferences.saveNotificationsEnabled(enabled);
      store.set((state) => ({ ...state, enabled }));
      if (enabled && alerts.permission() === 'default') await alerts.requestPermission();
      store.set((state) => ({ ...state, permission: alerts.permission() }));
    },
  };
}

/** The number the title shows: every unseen alert. */
export function unreadTotal(state: NotificationState): number {
  return Object.values(state.unread).reduce((sum, n) => sum + n, 0);
}
