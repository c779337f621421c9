import { type Agent, LIMITS, type Team } from '@aftercare/shared';
import { useEffect, useState } from 'preact/hooks';
import { AgentAvatar } from '../../components/AgentAvatar/index.js';
import { useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { settingsErrorText } from './settings-errors.js';

export interface TeamEditorProps {
  workspace: Workspace;
  /** The team, or null for the "new team" form. */
  team: Team | null;
  /** Agents who can be members (active ones, plus any current member). */
  agents: Agent[];
  editable: boolean;
  /** Asks to delete (the section confirms first). */
  onDelete?(team: Team): void;
}

/** One team as a small form: its name and members (checkboxes), saved together. */
export function TeamEditor({ workspace, team, agents, editable, onDelete }: TeamEditorProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = useState(team?.name ?? '');
  const [members, setMembers] = useState<string[]>(team?.memberIds ?? []);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const prefix = team ? `team-${team.id}` : 'new-team';

  // A change from another console replaces the form's values (they are saved as a whole).
  useEffect(() => {
    if (!team) return;
    setName(team.name);
    setMembers(team.memberIds);
  }, [team]);

  async function save() {
    const trimmed = name.trim();
    if (!trimmed) return setError(t('settings.team.error.name'));
    setBusy(true);
    setError(null);
    setNotice('');
    const input = { name: trimmed, memberIds: members };
    const result = team
      ? await workspace.settings.updateTeam(team.id, input)
      : await workspace.settings.createTeam(input);
    setBusy(false);
    if (!result.ok) return setError(settingsErrorText(i18n, result.error, 'settings.team.error.CONFLICT'));
    setNotice(t('settings.team.saved', { name: result.value.name }));
    if (!team) {
      setName('');
      setMembers([]);
    }
  }

  const title = team ? team.name : t('settings.team.new');
  return (
    <form
      class="settings-form settings-form--compact team-editor"
      noValidate
      aria-label={title}
      data-team-id={team?.id}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 class="settings-form__title">{title}</h2>
      <fieldset class="settings-form__body" disabled={!editable || busy}>
        <div class="settings-form__field">
          <label class="settings-form__label" for={`${prefix}-name`}>
            {t('settings.team.name')}
          </label>
          <input
            id={`${prefix}-name`}
            class="field__input"
            maxLength={LIMITS.teamName}
            value={name}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${prefix}-error` : undefined}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <fieldset class="settings-form__group">
          <legend>{t('settings.team.members')}</legend>
          {agents.length === 0 && <p class="settings-form__muted">{t('settings.team.noAgents')}</p>}
          <ul class="settings-form__members">
            {agents.map((agent) => (
              <li key={agent.id}>
                <label class="settings-form__check">
                  <input
                    type="checkbox"
                    checked={members.includes(agent.id)}
                    onChange={(event) =>
                      setMembers((current) =>
                        event.currentTarget.checked ? [...current, agent.id] : current.filter((id) => id !== agent.id),
                      )
                    }
                  />
                  <AgentAvatar name={agent.name} url={agent.avatarUrl} /> {agent.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </fieldset>
      {error && (
        <p id={`${prefix}-error`} class="settings-form__form-error" role="alert">
          {error}
        </p>
      )}
      {editable && (
        <div class="settings-form__actions">
          <button type="submit" class="button button--primary" disabled={busy}>
            {team ? t('settings.save') : t('settings.team.create')}
          </button>
          {team && onDelete && (
            <button type="button" class="button" onClick={() => onDelete(team)}>
              {t('settings.team.delete', { name: team.name })}
            </button>
          )}
          <span class="settings-form__status" role="status">
            {notice}
          </span>
        </div>
      )}
    </form>
  );
}
