import type { AgentPresence } from '@aftercare/shared';
import { useState } from 'preact/hooks';
import { agentName } from '../../lib/display.js';
import { useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';

/** Highest capacity the server accepts (`MAX_CAPACITY` in the routing service). */
const MAX_CAPACITY = 100;

export interface TeamRowProps {
  workspace: Workspace;
  presence: AgentPresence;
  names: Record<string, string>;
  me: string | undefined;
  /** Admins may change the capacity here. */
  editable: boolean;
}

/** One agent in the team panel: name, status, and open chats out of capacity (editable for admins). */
export function TeamRow({ workspace, presence, names, me, editable }: TeamRowProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = agentName(i18n, names, presence.agentId);
  const shownName = presence.agentId === me ? t('agent.you', { name }) : name;
  // The typed value until the server confirms it; then the live presence shows again.
  const [draft, setDraft] = useState<string | null>(null);

  async function commit(value: string) {
    const capacity = Number(value);
    if (value === '' || !Number.isInteger(capacity) || capacity < 0 || capacity > MAX_CAPACITY) {
      setDraft(null);
      return;
    }
    if (capacity === presence.capacity) return setDraft(null);
    await workspace.setCapacity(presence.agentId, capacity);
    setDraft(null);
  }

  return (
    <tr data-agent-id={presence.agentId}>
      <th scope="row" class="team-panel__name">
        {shownName}
      </th>
      <td class="team-panel__status">
        <span class={`status-dot status-dot--${presence.status}`} aria-hidden="true" /> {t(`status.${presence.status}`)}
      </td>
      <td class="team-panel__load">
        {presence.load} /{' '}
        {editable ? (
          <input
            type="number"
            class="team-panel__capacity"
            min={0}
            max={MAX_CAPACITY}
            step={1}
            aria-label={t('team.capacityFor', { name: shownName })}
            value={draft ?? String(presence.capacity)}
            onInput={(event) => setDraft(event.currentTarget.value)}
            onChange={(event) => void commit(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void commit(event.currentTarget.value);
            }}
          />
        ) : (
          <span>{presence.capacity}</span>
        )}
      </td>
    </tr>
  );
}
