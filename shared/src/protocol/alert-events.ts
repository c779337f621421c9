import type { Ack } from './errors.js';

/**
 * Alerts for supervisors and admins: things that need a lead's attention (a chat or ticket left
 * unresolved too long, a low rating). Stored per tenant; each supervisor reads them separately.
 * @example
 * socket.on('alert:created', ({ alert }) => bell.add(alert));
 * socket.emit('alert:list', {}, (res) => { if ('data' in res) bell.show(res.data.alerts) });
 */

/** What an alert is about: a chat or a repair ticket. */
export interface AlertSubject {
  kind: 'conversation' | 'ticket';
  id: string;
}

interface AlertBase {
  id: string;
  tenantId: string;
  siteId: string;
  subject: AlertSubject;
  /** What the console shows for the subject, captured when the alert was raised: the ticket number or the customer's name; null if unknown. */
  label: string | null;
  createdAt: number;
  /** Whether the agent who listed it has read it (each supervisor has their own read marks). */
  read: boolean;
}

/** A chat or ticket unresolved past the site's escalation time (2 days by default). */
export interface EscalationAlert extends AlertBase {
  kind: 'escalation';
  /** When the subject was due to escalate (its `escalateAt`). */
  escalateAt: number;
}

/** A shopper rated a chat or ticket at or below the site's `ratings.alertAtOrBelow` (helper F, issue 5 item 7). */
export interface LowRatingAlert extends AlertBase {
  kind: 'low-rating';
  /** 1–5, as given (or last changed) by the shopper. */
  score: number;
  comment: string | null;
  /** Who handled the chat or owned the ticket, and the ticket's technician. */
  agentId: string | null;
  technicianId: string | null;
}

/** Every kind of alert, told apart by `kind`. */
export type Alert = EscalationAlert | LowRatingAlert;
export type AlertKind = Alert['kind'];

export interface AlertListResult {
  /** The newest alerts, newest first. */
  alerts: Alert[];
  /** How many of the tenant's alerts the caller has not read (all of them, not just this page). */
  unreadCount: number;
}

/** Alert requests (supervisors and admins only; agents get `FORBIDDEN`). */
export interface AlertClientEvents {
  'alert:list': (payload: { limit?: number }, ack: Ack<AlertListResult>) => void;
  /** Marks alerts read for the caller; `alertIds` omitted marks all of them. */
  'alert:read': (payload: { alertIds?: string[] }, ack: Ack<{ unreadCount: number }>) => void;
}

/** Sent to the tenant's supervisors and admins when an alert is raised (with `read: false`). */
export interface AlertServerEvents {
  'alert:created': (payload: { alert: Alert }) => void;
}
