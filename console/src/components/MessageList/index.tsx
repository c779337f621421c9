import { useLayoutEffect, useRef } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { ActiveConversation, WorkspaceState } from '../../lib/workspace/state.js';
import { MessageItem, PendingItem } from './message-item.js';
import './style.css';

/** Within this many pixels of an edge counts as "at" it. */
const EDGE_PX = 48;

const selectOutbox = (state: WorkspaceState) => state.outbox;
const selectAgentId = (state: WorkspaceState) => state.agent?.id ?? null;
const selectJump = (state: WorkspaceState) => state.jumpTo;

export interface MessageListProps {
  workspace: Workspace;
  active: ActiveConversation;
}

/**
 * The scrollable history. It sticks to the bottom while the agent is there, keeps the reading
 * position when older pages are prepended, and loads the previous page near the top.
 */
export function MessageList({ workspace, active }: MessageListProps) {
  const { t } = useI18n();
  const outbox = useStore(workspace.store, selectOutbox);
  const agentId = useStore(workspace.store, selectAgentId);
  const jumpTo = useStore(workspace.store, selectJump);
  const scroller = useRef<HTMLElement>(null);
  const seen = useRef({ id: '', firstSeq: 0, height: 0, atBottom: true, pending: 0 });
  const pending = outbox.filter((item) => item.conversationId === active.id);
  const firstSeq = active.messages[0]?.seq ?? 0;
  const visitorReceipts = active.conversation?.visitorReceipts;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const before = seen.current;
    if (before.id !== active.id) el.scrollTop = el.scrollHeight;
    else if (firstSeq < before.firstSeq) el.scrollTop += el.scrollHeight - before.height;
    // Follow new messages while the agent is at the bottom, and always show a reply they just sent.
    else if (before.atBottom || pending.length > before.pending) el.scrollTop = el.scrollHeight;
    seen.current = {
      id: active.id,
      firstSeq,
      height: el.scrollHeight,
      atBottom: isAtBottom(el),
      pending: pending.length,
    };
  });

  // After the effect above, so a search hit being opened wins over "stick to the bottom".
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || jumpTo?.conversationId !== active.id || active.status !== 'ready') return;
    const target = el.querySelector<HTMLElement>(`[data-seq="${jumpTo.seq}"]`);
    const reachable = target || !active.hasOlder || (active.messages[0]?.seq ?? 0) <= jumpTo.seq;
    if (!reachable) return; // older pages are still loading
    for (const previous of el.querySelectorAll('.message--found')) previous.classList.remove('message--found');
    if (target) {
      target.classList.add('message--found');
      target.scrollIntoView({ block: 'center' });
      seen.current.atBottom = isAtBottom(el);
    }
    workspace.clearJump();
  });

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    seen.current.atBottom = isAtBottom(el);
    if (el.scrollTop < EDGE_PX && active.hasOlder && !active.loadingOlder) workspace.loadOlder();
  }

  return (
    <section
      ref={scroller}
      class="message-list"
      aria-label={t('conversation.messages')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it (axe: scrollable-region-focusable)
      tabIndex={0}
      onScroll={onScroll}
    >
      {active.hasOlder ? (
        <button
          type="button"
          class="button button--small message-list__older"
          disabled={active.loadingOlder}
          onClick={workspace.loadOlder}
        >
          {active.loadingOlder ? t('conversation.loadingOlder') : t('conversation.loadOlder')}
        </button>
      ) : (
        <p class="message-list__edge">{active.messages.length ? t('conversation.start') : t('conversation.empty')}</p>
      )}
      <ol class="message-list__items">
        {active.messages.map((message) => (
          <MessageItem
            key={message.seq}
            message={message}
            customer={active.customer}
            own={message.author.kind === 'agent' && message.author.id === agentId}
            visitorReceipts={visitorReceipts}
          />
        ))}
        {pending.map((item) => (
          <PendingItem key={item.clientId} pending={item} onRetry={workspace.retryReply} />
        ))}
      </ol>
    </section>
  );
}

function isAtBottom(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight < EDGE_PX;
}
