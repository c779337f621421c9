import { promiseState } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';
import { promiseText } from './ticket-text.js';
import './style.css';

export interface PromiseBadgeProps {
  /** When the promise's clock started. */
  since: number;
  dueAt: number | null;
  /** When it was kept, or null while pending. */
  doneAt: number | null;
  /** Visible label before the state, e.g. "Resolution". */
  label?: string;
  /** The current time, from the caller's `useNow` (one timer per screen, not per badge). */
  now: number;
}

/** A service promise's state (on track, due soon, overdue, kept, missed), updated as time passes. */
export function PromiseBadge({ since, dueAt, doneAt, label, now }: PromiseBadgeProps) {
  const i18n = useI18n();
  const state = promiseState(since, dueAt, doneAt, now);
  return (
    <span class={`promise-badge promise-badge--${state}`}>
      {label && <span class="promise-badge__label">{label}: </span>}
      {promiseText(i18n, state, dueAt)}
    </span>
  );
}
