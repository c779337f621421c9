import type { AgentPresence, Conversation, Team } from '@aftercare/shared';
import { LIMITS } from '@aftercare/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { agentName } from '../../lib/display.js';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { TransferTarget, WorkspaceState } from '../../lib/workspace/state.js';
import { AgentAvatar } from '../AgentAvatar/index.js';
import { transferErrorText } from './transfer-error.js';
import './style.css';

const selectPresence = (state: WorkspaceState) => state.presence.agents;
const selectNames = (state: WorkspaceState) => state.agentNames;
const selectAgent = (state: WorkspaceState) => state.agent;
const selectTransfer = (state: WorkspaceState) => state.transfer;
const selectTeams = (state: WorkspaceState) => state.directory.teams;
const selectDirectoryAgents = (state: WorkspaceState) => state.directory.agents;

/** Online first, then the most free capacity, so the likeliest target is on top. */
function byAvailability(a: AgentPresence, b: AgentPresence): number {
  const rank = (p: AgentPresence) => (p.status === 'online' ? 0 : p.status === 'away' ? 1 : 2);
  return rank(a) - rank(b) || b.capacity - b.load - (a.capacity - a.load) || a.agentId.localeCompare(b.agentId);
}

/**
 * "Assign / Transfer": a menu of the agents (status and free capacity from `presence:list`, live)
 * and the teams, under an optional note for the colleague (stored as an internal note). The server
 * judges every move; its refusal is shown here in words (who is full, who is offline).
 */
export function TransferControl({ workspace, conversation }: { workspace: Workspace; conversation: Conversation }) {
  const i18n = useI18n();
  const { t } = i18n;
  const agents = useStore(workspace.store, selectPresence);
  const names = useStore(workspace.store, selectNames);
  const me = useStore(workspace.store, selectAgent);
  const transfer = useStore(workspace.store, selectTransfer);
  const teams = useStore(workspace.store, selectTeams);
  const directory = useStore(workspace.store, selectDirectoryAgents);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const mine = transfer?.conversationId === conversation.id ? transfer : null;

  useEffect(() => {
    if (!open) return;
    // The note comes first, so a keyboard user meets it before choosing; Tab reaches the targets.
    menu.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    // Escape closes the menu and gives focus back to its button, as a disclosure should.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  // Agents hand over their own chats only; supervisors and admins may assign anyone, themselves included.
  const targets = Object.values(agents)
    .filter((p) => me?.role !== 'agent' || p.agentId !== me.id)
    .sort(byAvailability);
  const label = (id: string) => {
    const name = agentName(i18n, names, id);
    return id === me?.id ? t('agent.you', { name }) : name;
  };

  const targetLabel = (target: TransferTarget) =>
    target.kind === 'agent' ? label(target.id) : (teams.find((team) => team.id === target.id)?.name ?? '');

  function choose(target: TransferTarget) {
    setOpen(false);
    toggle.current?.focus();
    workspace.transfer(conversation.id, target, note.trim() || undefined);
    setNote('');
  }

  function teamDetail(team: Team) {
    const online = team.memberIds.filter((id) => agents[id]?.status === 'online').length;
    return t('transfer.teamDetail', { online, members: team.memberIds.length });
  }

  return (
    <div class="transfer-control">
      <button
        ref={toggle}
        type="button"
        class="button"
        aria-expanded={open}
        aria-controls="transfer-menu"
        disabled={mine?.status === 'pending'}
        onClick={() => {
          workspace.clearTransferError();
          setOpen(!open);
        }}
      >
        {mine?.status === 'pending'
          ? t('transfer.pending')
          : conversation.assigneeId === null
            ? t('transfer.assign')
            : t('transfer.transfer')}
      </button>
      {open && (
        <div ref={menu} class="transfer-control__popover" id="transfer-menu">
          <label class="transfer-control__heading" for="transfer-note">
            {t('transfer.note')}
          </label>
          <textarea
            id="transfer-note"
            class="transfer-control__note"
            rows={2}
            maxLength={LIMITS.messageText}
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
          <p class="transfer-control__heading" id="transfer-agents">
            {t('transfer.menu')}
          </p>
          {targets.length === 0 && <p class="transfer-control__none">{t('transfer.noAgents')}</p>}
          <ul class="transfer-control__list" aria-labelledby="transfer-agents">
            {targets.map((presence) => {
              const current = presence.agentId === conversation.assigneeId;
              const free = Math.max(0, presence.capacity - presence.load);
              return (
                <li key={presence.agentId}>
                  <button
                    type="button"
                    class="transfer-control__option"
                    data-agent-id={presence.agentId}
                    disabled={current}
                    onClick={() => choose({ kind: 'agent', id: presence.agentId })}
                  >
                    <span class={`status-dot status-dot--${presence.status}`} aria-hidden="true" />
                    <AgentAvatar
                      name={agentName(i18n, names, presence.agentId)}
                      url={directory[presence.agentId]?.avatarUrl}
                    />
                    <span class="transfer-control__name">{label(presence.agentId)}</span>
                    <span class="transfer-control__detail">
                      {t(`status.${presence.status}`)} ·{' '}
                      {current
                        ? t('transfer.current')
                        : free > 0
                          ? t('transfer.free', { free, capacity: presence.capacity })
                          : t('transfer.noFree')}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          {teams.length > 0 && (
            <>
              <p class="transfer-control__heading" id="transfer-teams">
                {t('transfer.teams')}
              </p>
              <ul class="transfer-control__list" aria-labelledby="transfer-teams">
                {teams.map((team) => (
                  <li key={team.id}>
                    <button
                      type="button"
                      class="transfer-control__option"
                      data-team-id={team.id}
                      onClick={() => choose({ kind: 'team', id: team.id })}
                    >
                      <span class="transfer-control__name">{team.name}</span>
                      <span class="transfer-control__detail">{teamDetail(team)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {mine?.status === 'failed' && (
        <p class="transfer-control__error" role="alert">
          {transferErrorText(
            i18n,
            mine.errorCode,
            targetLabel(mine.target),
            mine.target.kind === 'agent' ? agents[mine.target.id] : undefined,
            mine.target.kind === 'team',
          )}
        </p>
      )}
    </div>
  );
}
