import { AGENT_STATUSES, type AgentStatus } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import './style.css';

const selectPresence = (state: WorkspaceState) => state.presence;

/**
 * The agent's own status (Online / Away / Offline). It shows what the server last said about the
 * agent (another tab may have changed it), falling back to the remembered choice before it has.
 */
export function StatusSelector({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const presence = useStore(workspace.store, selectPresence);
  const status = presence.own ?? presence.desired;
  return (
    <span class="status-selector bar-select">
      <span class={`status-dot status-dot--${status}`} aria-hidden="true" />
      <label class="status-selector__label" for="status-selector">
        {t('status.label')}
      </label>
      <select
        id="status-selector"
        class="bar-select__select"
        value={status}
        aria-describedby={presence.error ? 'status-selector-error' : undefined}
        onChange={(event) => workspace.setStatus(event.currentTarget.value as AgentStatus)}
      >
        {AGENT_STATUSES.map((option) => (
          <option key={option} value={option}>
            {t(`status.${option}`)}
          </option>
        ))}
      </select>
      {presence.error && (
        <span id="status-selector-error" class="status-selector__error" role="alert">
          {t('status.failed')}
        </span>
      )}
    </span>
  );
}
