import type { Alert, AlertListResult } from '@aftercare/shared';

/** The bell's state: the newest alerts with the signed-in supervisor's read marks. */
export interface AlertsState {
  status: 'loading' | 'ready' | 'error';
  alerts: Alert[];
  unreadCount: number;
}

/** How many alerts the panel keeps (the server's page size for `alert:list`). */
export const ALERTS_KEPT = 50;

export const initialAlerts: AlertsState = { status: 'loading', alerts: [], unreadCount: 0 };

/** The state after `alert:list` answered. */
export function alertsLoaded(result: AlertListResult): AlertsState {
  return { status: 'ready', alerts: result.alerts, unreadCount: result.unreadCount };
}

/**
 * Adds a live `alert:created`, newest first. An alert already held (the list loaded after it was
 * raised, then the event arrived) is not counted twice.
 */
export function alertReceived(state: AlertsState, alert: Alert): AlertsState {
  if (state.alerts.some((held) => held.id === alert.id)) return state;
  return {
    ...state,
    alerts: [alert, ...state.alerts].slice(0, ALERTS_KEPT),
    unreadCount: state.unreadCount + (alert.read ? 0 : 1),
  };
}

/** Marks alerts read locally (all of them when `ids` is null), with the server's count when known. */
export function alertsRead(state: AlertsState, ids: string[] | null, unreadCount?: number): AlertsState {
  const marked = state.alerts.map((alert) =>
    ids === null || ids.includes(alert.id) ? { ...alert, read: true } : alert,
  );
  const newlyRead = state.alerts.filter((alert, index) => !alert.read && marked[index]!.read).length;
  return { ...state, alerts: marked, unreadCount: unreadCount ?? Math.max(0, state.unreadCount - newlyRead) };
}
