import type { WorkspaceContext } from './context.js';
import { loadOlder, openConversation } from './conversation-actions.js';

/** Older pages loaded at most to reach a hit; a hit further back is reached by scrolling. */
const MAX_PAGES = 50;

/**
 * Opens a conversation scrolled to the message with `seq` (a search hit): the view opens with
 * the newest page, then older pages load until the message is held; the message list scrolls to
 * it and clears `jumpTo`.
 */
export async function openAtMessage(ctx: WorkspaceContext, conversationId: string, seq: number): Promise<void> {
  ctx.store.set((state) => ({ ...state, jumpTo: { conversationId, seq } }));
  const current = ctx.store.get().active;
  if (current?.id !== conversationId || current.status !== 'ready') await openConversation(ctx, conversationId);
  for (let page = 0; page < MAX_PAGES; page++) {
    const active = ctx.store.get().active;
    if (active?.id !== conversationId || active.status !== 'ready') return;
    if (!active.hasOlder || (active.messages[0]?.seq ?? 0) <= seq) return;
    await loadOlder(ctx);
  }
}

/** The list scrolled to the message (or it is gone): forget the jump. */
export function clearJump(ctx: WorkspaceContext): void {
  ctx.store.set((state) => (state.jumpTo ? { ...state, jumpTo: null } : state));
}
