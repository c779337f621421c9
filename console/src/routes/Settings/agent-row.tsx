import { AGENT_ROLES, type Agent, type AgentPresence, type AgentRole } from '@aftercare/shared';
import { useState } from 'preact/hooks';
import { AgentAvatar } from '../../components/AgentAvatar/index.js';
import { CapacityInput } from '../../components/TeamPanel/capacity-input.js';
import { useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { AvatarUrlField, avatarUrlValue, validAvatarUrl } from './avatar-url-field.js';

export interface AgentRowProps {
  workspace: Workspace;
  agent: Agent;
  presence: AgentPresence | undefined;
  /** The signed-in agent's id: an admin cannot demote or deactivate themselves. */
  me: string | undefined;
  editable: boolean;
  /** Sends a change; the section shows the outcome. */
  onUpdate(agent: Agent, patch: { role?: AgentRole; avatarUrl?: string | null }): Promise<boolean>;
  /** Asks to deactivate or reactivate (the section confirms first). */
  onToggleActive(agent: Agent): void;
}

/** One agent in the settings list: picture, name, role, status, account state and capacity. */
export function AgentRow({ workspace, agent, presence, me, editable, onUpdate, onToggleActive }: AgentRowProps) {
  const { t } = useI18n();
  const self = agent.id === me;
  const shownName = self ? t('agent.you', { name: agent.name }) : agent.name;
  const [picture, setPicture] = useState<string | null>(null);
  const pictureId = `agent-avatar-${agent.id}`;

  async function savePicture() {
    if (picture === null || !validAvatarUrl(picture)) return;
    if (await onUpdate(agent, { avatarUrl: avatarUrlValue(picture) })) setPicture(null);
  }

  return (
    <tr data-agent-id={agent.id} class={agent.active ? undefined : 'settings-table__inactive'}>
      <th scope="row">
        <span class="settings-table__person">
          <AgentAvatar name={agent.name} url={agent.avatarUrl} size="medium" />
          <span>
            <span class="settings-table__name">{shownName}</span>
            <span class="settings-table__detail">{agent.email}</span>
          </span>
        </span>
      </th>
      <td>
        {editable && !self ? (
          <select
            class="field__input"
            aria-label={t('settings.agent.roleOf', { name: agent.name })}
            value={agent.role}
            onChange={(event) => void onUpdate(agent, { role: event.currentTarget.value as AgentRole })}
          >
            {AGENT_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`settings.role.${role}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`settings.role.${agent.role}`)
        )}
      </td>
      <td>
        {presence ? (
          <>
            <span class={`status-dot status-dot--${presence.status}`} aria-hidden="true" />{' '}
            {t(`status.${presence.status}`)}
          </>
        ) : (
          t('status.offline')
        )}
      </td>
      <td data-active={agent.active}>{agent.active ? t('settings.agent.active') : t('settings.agent.inactive')}</td>
      <td>
        {editable && presence ? (
          <CapacityInput
            workspace={workspace}
            agentId={agent.id}
            capacity={presence.capacity}
            label={t('team.capacityFor', { name: shownName })}
          />
        ) : (
          (presence?.capacity ?? '–')
        )}
      </td>
      {editable && (
        <td>
          <div class="settings-table__actions">
            {!self && (
              <button type="button" class="button button--small" onClick={() => onToggleActive(agent)}>
                {agent.active
                  ? t('settings.agent.deactivate', { name: agent.name })
                  : t('settings.agent.reactivate', { name: agent.name })}
              </button>
            )}
            {picture === null ? (
              <button
                type="button"
                class="button button--small"
                aria-label={t('settings.agent.editPictureOf', { name: agent.name })}
                onClick={() => setPicture(agent.avatarUrl ?? '')}
              >
                {t('settings.agent.editPicture')}
              </button>
            ) : (
              <div class="settings-table__picture">
                <AvatarUrlField
                  id={pictureId}
                  label={t('settings.agent.avatarOf', { name: agent.name })}
                  value={picture}
                  invalid={!validAvatarUrl(picture)}
                  onInput={setPicture}
                />
                <button type="button" class="button button--small" onClick={() => void savePicture()}>
                  {t('settings.save')}
                </button>
                <button type="button" class="button button--small" onClick={() => setPicture(null)}>
                  {t('settings.cancel')}
                </button>
              </div>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}
