import { type Locale, useI18n } from '../../lib/i18n.js';
import type { NotificationCenter } from '../../lib/notifications/notification-center.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import type { SignOutState } from '../../routes/Inbox/sign-out.js';
import type { ConsoleRoute } from '../../routes/Settings/settings-route.js';
import { AlertsBell } from '../Alerts/index.js';
import { LocaleSwitcher } from '../LocaleSwitcher/index.js';
import { NotificationToggle } from '../NotificationToggle/index.js';
import { StatusSelector } from '../StatusSelector/index.js';
import { ConsoleNav } from './console-nav.js';
import './style.css';

export interface TopBarProps {
  workspace: Workspace;
  notifications: NotificationCenter;
  onShowShortcuts(): void;
  /** Opens the saved-replies manager; the button shows for supervisors and admins only. */
  onShowCanned?(): void;
  onLocaleChange(locale: Locale): void;
  /** The Sign out button (the inbox asks first when replies or drafts are unsent). */
  onSignOut(): void;
  /** Disables the button while the server ends the session; says so when it could not. */
  signOutState?: SignOutState;
  /** Where the console is, so the navigation marks the current screen. */
  route: ConsoleRoute;
}

const selectConnection = (state: WorkspaceState) => state.connection;
const selectAgent = (state: WorkspaceState) => state.agent;

/**
 * The banner: product name, connection state, the agent's status, notifications, shortcuts help,
 * language, the agent and the sign-out button.
 */
export function TopBar({
  workspace,
  notifications,
  onShowShortcuts,
  onShowCanned,
  onLocaleChange,
  onSignOut,
  signOutState = 'idle',
  route,
}: TopBarProps) {
  const { t } = useI18n();
  const connection = useStore(workspace.store, selectConnection);
  const agent = useStore(workspace.store, selectAgent);
  return (
    <header class="top-bar">
      <p class="top-bar__brand">{t('app.name')}</p>
      <div class={`top-bar__connection top-bar__connection--${connection}`} role="status">
        {connection === 'protocol-mismatch' ? (
          <>
            {t('connection.protocolMismatch')}{' '}
            <button type="button" class="button button--small" onClick={() => location.reload()}>
              {t('connection.reload')}
            </button>
          </>
        ) : (
          t(`connection.${connection}`)
        )}
      </div>
      <StatusSelector workspace={workspace} />
      <div class="top-bar__end">
        <NotificationToggle center={notifications} />
        {agent && agent.role !== 'agent' && <AlertsBell workspace={workspace} />}
        <ConsoleNav route={route} role={agent?.role ?? 'agent'} />
        {onShowCanned && agent && agent.role !== 'agent' && (
          <button type="button" class="button button--small" aria-haspopup="dialog" onClick={onShowCanned}>
            {t('canned.open')}
          </button>
        )}
        <button
          type="button"
          class="button button--small"
          aria-label={t('shortcuts.open')}
          aria-keyshortcuts="?"
          onClick={onShowShortcuts}
        >
          ?
        </button>
        <LocaleSwitcher onChange={onLocaleChange} />
        {agent && <span class="top-bar__agent">{t('header.signedInAs', { name: agent.name })}</span>}
        <button
          type="button"
          class="button"
          onClick={onSignOut}
          disabled={signOutState === 'signing-out'}
          aria-describedby={signOutState === 'failed' ? 'top-bar-sign-out-error' : undefined}
        >
          {t(signOutState === 'signing-out' ? 'signOut.pending' : 'header.signOut')}
        </button>
        {signOutState === 'failed' && (
          <span id="top-bar-sign-out-error" class="top-bar__error" role="alert">
            {t('signOut.failed')}
          </span>
        )}
      </div>
    </header>
  );
}
