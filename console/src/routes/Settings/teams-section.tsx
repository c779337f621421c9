import type { Team } from '@aftercare/shared';
import { useMemo, useState } from 'preact/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog/index.js';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { FormMessages } from './form-messages.js';
import { settingsErrorText } from './settings-errors.js';
import { TeamEditor } from './team-editor.js';

const selectTeams = (state: WorkspaceState) => state.directory.teams;
const selectAgents = (state: WorkspaceState) => state.directory.agents;
const selectLoaded = (state: WorkspaceState) => state.directory.loaded.teams;

/** The tenant's teams (a transfer target that routing hands to a member): create, rename, members, delete. */
export function TeamsSection({ workspace, editable }: { workspace: Workspace; editable: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const teams = useStore(workspace.store, selectTeams);
  const agents = useStore(workspace.store, selectAgents);
  const loaded = useStore(workspace.store, selectLoaded);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Deactivated agents get no chats, so they are offered only while they are still members.
  const candidates = (team: Team | null) =>
    Object.values(agents)
      .filter((agent) => agent.active || team?.memberIds.includes(agent.id))
      .sort((a, b) => a.name.localeCompare(b.name));
  const newTeamCandidates = useMemo(() => candidates(null), [agents]);

  async function remove(team: Team) {
    setError(null);
    const result = await workspace.settings.deleteTeam(team.id);
    if (!result.ok) return setError(settingsErrorText(i18n, result.error));
    setNotice(t('settings.team.deleted', { name: team.name }));
  }

  if (!loaded) return <p class="settings-form__muted">{t('settings.loading')}</p>;
  return (
    <>
      <FormMessages notice={notice} error={error} />
      {teams.length === 0 && <p class="settings-form__muted">{t('settings.team.none')}</p>}
      <div class="settings-cards">
        {teams.map((team) => (
          <TeamEditor
            key={team.id}
            workspace={workspace}
            team={team}
            agents={candidates(team)}
            editable={editable}
            onDelete={setDeleting}
          />
        ))}
        {editable && <TeamEditor workspace={workspace} team={null} agents={newTeamCandidates} editable />}
      </div>
      {deleting && (
        <ConfirmDialog
          title={t('settings.team.confirmDelete', { name: deleting.name })}
          body={t('settings.team.deleteBody')}
          confirmLabel={t('settings.team.delete', { name: deleting.name })}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const target = deleting;
            setDeleting(null);
            void remove(target);
          }}
        />
      )}
    </>
  );
}
