import type { WorkspaceContext } from './context.js';
import { hasDraft } from './drafts.js';
import type { WorkspaceState } from './state.js';

/** What an explicit sign-out would throw away in this tab; the sign-out confirmation names both. */
export interface UnsentWork {
  /** Replies and notes the server has not stored yet: still sending, or refused and waiting for Retry. */
  replies: number;
  /** Conversations whose draft holds text (see `hasDraft`); an empty note-mode draft is no work. */
  drafts: number;
}

/** Counts the unsent replies of the outbox (`useStore` selector: a number, so it compares by value). */
export function countUnsentReplies(state: WorkspaceState): number {
  return state.outbox.length;
}

/** Counts the drafts with text (`useStore` selector: a number, so it compares by value). */
export function countUnfinishedDrafts(state: WorkspaceState): number {
  let count = 0;
  for (const draft of Object.values(state.drafts)) if (hasDraft(draft)) count++;
  return count;
}

/** Both counts at once; nothing unsent when both are 0. */
export function countUnsent(state: WorkspaceState): UnsentWork {
  return { replies: countUnsentReplies(state), drafts: countUnfinishedDrafts(state) };
}

/**
 * Empties the outbox and the drafts, so the workspace's storage watchers remove them from the tab's
 * sessionStorage at once (see `keepStored` in `create-workspace.ts`): called when the agent signs
 * out on purpose, so the same agent signing in later in this tab (or anyone reading the storage of
 * a shared shop computer) finds none of it, and no pending reply is sent after the fact. A reply
 * already on the wire cannot be called back; its answer only settles what is no longer there.
 */
export function discardUnsent(ctx: WorkspaceContext): void {
  ctx.store.set((state) =>
    state.outbox.length === 0 && Object.keys(state.drafts).length === 0 ? state : { ...state, outbox: [], drafts: {} },
  );
}
