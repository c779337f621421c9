import type { Agent, AgentRole } from '@aftercare/shared';
import { useMemo, useState } from 'preact/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog/index.js';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { AgentCreateForm } from './agent-create-form.js';
import { AgentRow } from './agent-row.js';
import { FormMessages } from './form-messages.js';
import { settingsErrorText } from './settings-errors.js';

const selectAgents = (state: WorkspaceState) => state.directory.agents;
const selectLoaded = (state: WorkspaceState) => state.directory.loaded.agents;
const selectPresence = (state: WorkspaceState) => state.presence.agents;
const selectMe = (state: WorkspaceState) => state.agent;

/** Active agents first, then by name. */
function byActiveThenName(a: Agent, b: Agent): number {
  return Number(b.active) - Number(a.active) || a.name.localeCompare(b.name);
}

/**
 * The tenant's agents with role, status, account state and capacity; admins change roles,
 * pictures and capacities, deactivate or reactivate (after a confirmation) and add agents.
 */
export function AgentsSection({ workspace, editable }: { workspace: Workspace; editable: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const agents = useStore(workspace.store, selectAgents);
  const loaded = useStore(workspace.store, selectLoaded);
  const presence = useStore(workspace.store, selectPresence);
  const me = useStore(workspace.store, selectMe);
  const [confirming, setConfirming] = useState<Agent | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const sorted = useMemo(() => Object.values(agents).sort(byActiveThenName), [agents]);

  async function update(agent: Agent, patch: { role?: AgentRole; avatarUrl?: string | null; active?: boolean }) {
    setError(null);
    setNotice('');
    const result = await workspace.settings.updateAgent({ agentId: agent.id, ...patch });
    if (!result.ok) {
      setError(t('settings.agent.updateFailed', { name: agent.name, reason: settingsErrorText(i18n, result.error) }));
      return false;
    }
    setNotice(t('settings.agent.updated', { name: result.value.name }));
    return true;
  }

  if (!loaded) return <p class="settings-form__muted">{t('settings.loading')}</p>;
  return (
    <>
      <FormMessages notice={notice} error={error} />
      <div class="settings-table__wrap">
        <table class="settings-table">
          <caption class="sr-only">{t('settings.agent.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.agent.name')}</th>
              <th scope="col">{t('settings.agent.role')}</th>
              <th scope="col">{t('team.status')}</th>
              <th scope="col">{t('settings.agent.account')}</th>
              <th scope="col">{t('team.capacity')}</th>
              {editable && <th scope="col">{t('settings.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {sorted.map((agent) => (
              <AgentRow
                key={agent.id}
                workspace={workspace}
                agent={agent}
                presence={presence[agent.id]}
                me={me?.id}
                editable={editable}
                onUpdate={update}
                onToggleActive={setConfirming}
              />
            ))}
          </tbody>
        </table>
      </div>
      {editable && <AgentCreateForm workspace={workspace} />}
      {confirming && (
        <ConfirmDialog
          title={
            confirming.active
              ? t('settings.agent.confirmDeactivate', { name: confirming.name })
              : t('settings.agent.confirmReactivate', { name: confirming.name })
          }
          body={confirming.active ? t('settings.agent.deactivateBody') : t('settings.agent.reactivateBody')}
          confirmLabel={
            confirming.active
              ? t('settings.agent.deactivate', { name: confirming.name })
              : t('settings.agent.reactivate', { name: confirming.name })
          }
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const target = confirming;
            setConfirming(null);
            void update(target, { active: !target.active });
          }}
        />
      )}
    </>
  );
}
