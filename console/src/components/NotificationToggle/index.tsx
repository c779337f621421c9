import { useI18n } from '../../lib/i18n.js';
import type { NotificationCenter, NotificationState } from '../../lib/notifications/notification-center.js';
import { useStore } from '../../lib/store.js';
import './style.css';

const selectEnabled = (state: NotificationState) => state.enabled;
const selectPermission = (state: NotificationState) => state.permission;

/**
 * The agent's notifications switch (remembered per agent). Switching it on is the one place the
 * console asks for desktop-notification permission, as browsers allow that only from a click.
 */
export function NotificationToggle({ center }: { center: NotificationCenter }) {
  const { t } = useI18n();
  const enabled = useStore(center.store, selectEnabled);
  const permission = useStore(center.store, selectPermission);
  const blocked = enabled && permission === 'denied';
  return (
    <span class="notification-toggle">
      <button
        type="button"
        class={`button button--small notification-toggle__button${enabled ? ' notification-toggle__button--on' : ''}`}
        aria-pressed={enabled}
        aria-describedby={blocked ? 'notification-blocked' : undefined}
        onClick={() => void center.setEnabled(!enabled)}
      >
        <BellIcon muted={!enabled} />
        {t('notify.toggle')}
      </button>
      {blocked && (
        <span id="notification-blocked" class="sr-only">
          {t('notify.blocked')}
        </span>
      )}
    </span>
  );
}

/** A bell, struck through when muted; drawn inline so it needs no emoji font or asset. */
function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg class="notification-toggle__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path
        d="M8 1.5a4 4 0 0 0-4 4v2.6L2.6 10.6a.6.6 0 0 0 .5.9h9.8a.6.6 0 0 0 .5-.9L12 8.1V5.5a4 4 0 0 0-4-4Zm-1.7 11a1.8 1.8 0 0 0 3.4 0Z"
        fill="currentColor"
      />
      {muted && <path d="M2 2l12 12" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />}
    </svg>
  );
}
