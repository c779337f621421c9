import { useMemo, useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { TeamRow } from './team-row.js';
import './style.css';

const selectPresence = (state: WorkspaceState) => state.presence;
const selectNames = (state: WorkspaceState) => state.agentNames;
const selectAgent = (state: WorkspaceState) => state.agent;
const selectOpen = (state: WorkspaceState) => state.lists.open;
const selectDirectoryAgents = (state: WorkspaceState) => state.directory.agents;

/**
 * Supervisors' and admins' view of the team: every agent's status and load against capacity, and
 * the queue, all live. Admins edit capacities inline. Collapsible, as it shares the side column.
 */
export function TeamPanel({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const presence = useStore(workspace.store, selectPresence);
  const names = useStore(workspace.store, selectNames);
  const me = useStore(workspace.store, selectAgent);
  const open = useStore(workspace.store, selectOpen);
  const directory = useStore(workspace.store, selectDirectoryAgents);
  const [expanded, setExpanded] = useState(true);
  const agents = useMemo(
    () => Object.values(presence.agents).sort((a, b) => a.agentId.localeCompare(b.agentId)),
    [presence.agents],
  );
  // The inbox holds every open chat and follows live events; `presence:list`'s figure is only a snapshot.
  const queue =
    open.status === 'ready' ? open.conversations.filter((c) => c.assigneeId === null).length : presence.queueLength;
  return (
    <section class="team-panel" aria-labelledby="team-heading">
      <h2 id="team-heading" class="team-panel__heading">
        <button
          type="button"
          class="team-panel__toggle"
          aria-expanded={expanded}
          aria-controls="team-body"
          onClick={() => setExpanded(!expanded)}
        >
          {t('team.label')}
        </button>
      </h2>
      {expanded && (
        <div id="team-body" class="team-panel__body">
          <p class="team-panel__queue" data-queue={queue}>
            {t('team.queue', { count: queue })}
          </p>
          {!presence.loaded && <p class="team-panel__note">{t('team.loading')}</p>}
          {presence.loaded && agents.length === 0 && <p class="team-panel__note">{t('team.empty')}</p>}
          {presence.error && (
            <p class="team-panel__error" role="alert">
              {t('team.capacityFailed')}
            </p>
          )}
          {agents.length > 0 && (
            <table class="team-panel__table">
              <thead>
                <tr>
                  <th scope="col">{t('team.agent')}</th>
                  <th scope="col">{t('team.status')}</th>
                  <th scope="col">{t('team.load')}</th>
                </tr>
              </thead>
              <tbody>
                {agents.map((agent) => (
                  <TeamRow
                    key={agent.agentId}
                    workspace={workspace}
                    presence={agent}
                    names={names}
                    avatarUrl={directory[agent.agentId]?.avatarUrl}
                    me={me?.id}
                    editable={me?.role === 'admin'}
                  />
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
