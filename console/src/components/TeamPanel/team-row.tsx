import type { AgentPresence } from '@aftercare/shared';
import { agentName } from '../../lib/display.js';
import { useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { AgentAvatar } from '../AgentAvatar/index.js';
import { CapacityInput } from './capacity-input.js';

export interface TeamRowProps {
  workspace: Workspace;
  presence: AgentPresence;
  names: Record<string, string>;
  /** The agent's picture, from the directory. */
  avatarUrl: string | null | undefined;
  me: string | undefined;
  /** Admins may change the capacity here. */
  editable: boolean;
}

/** One agent in the team panel: name, status, and open chats out of capacity (editable for admins). */
export function TeamRow({ workspace, presence, names, avatarUrl, me, editable }: TeamRowProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = agentName(i18n, names, presence.agentId);
  const shownName = presence.agentId === me ? t('agent.you', { name }) : name;

  return (
    <tr data-agent-id={presence.agentId}>
      <th scope="row" class="team-panel__name">
        <AgentAvatar name={name} url={avatarUrl} /> {shownName}
      </th>
      <td class="team-panel__status">
        <span class={`status-dot status-dot--${presence.status}`} aria-hidden="true" /> {t(`status.${presence.status}`)}
      </td>
      <td class="team-panel__load">
        {presence.load} /{' '}
        {editable ? (
          <CapacityInput
            workspace={workspace}
            agentId={presence.agentId}
            capacity={presence.capacity}
            label={t('team.capacityFor', { name: shownName })}
          />
        ) : (
          <span>{presence.capacity}</span>
        )}
      </td>
    </tr>
  );
}
