import { type Locale, useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { LocaleSwitcher } from '../LocaleSwitcher/index.js';
import './style.css';

export interface TopBarProps {
  workspace: Workspace;
  onLocaleChange(locale: Locale): void;
  onSignOut(): void;
}

const selectConnection = (state: WorkspaceState) => state.connection;
const selectAgent = (state: WorkspaceState) => state.agent;

/** The banner: product name, connection state, language, the agent and the sign-out button. */
export function TopBar({ workspace, onLocaleChange, onSignOut }: TopBarProps) {
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
      <div class="top-bar__end">
        <LocaleSwitcher onChange={onLocaleChange} />
        {agent && <span class="top-bar__agent">{t('header.signedInAs', { name: agent.name })}</span>}
        <button type="button" class="button" onClick={onSignOut}>
          {t('header.signOut')}
        </button>
      </div>
    </header>
  );
}
