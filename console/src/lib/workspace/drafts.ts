import type { WorkspaceContext } from './context.js';
import type { WorkspaceState } from './state.js';

/** What the agent typed in one conversation's composer and has not sent yet. */
export interface ReplyDraft {
  text: string;
  /** The composer was in note mode: the text is an internal note, not a reply to the shopper. */
  note: boolean;
  /** When it was last edited (ms); the oldest drafts are dropped first. */
  editedAt: number;
}

/** Conversation ids to drafts; the workspace state's `drafts`. */
export type ReplyDrafts = Readonly<Record<string, ReplyDraft>>;

/** Drafts kept at most, in memory and in storage; an agent juggles a handful, not hundreds. */
export const MAX_DRAFTS = 50;

/**
 * Whether a draft holds something worth keeping across a reload and marking in the inbox: a text
 * of only spaces and newlines is no draft, whatever the mode.
 */
export function hasDraft(draft: ReplyDraft | undefined): draft is ReplyDraft {
  return draft !== undefined && draft.text.trim() !== '';
}

/**
 * Records a conversation's draft and returns the new map (the same one when nothing changed). An
 * empty reply leaves no entry; an empty note keeps its entry, so the conversation stays in note
 * mode while the console runs. Beyond `MAX_DRAFTS` the least recently edited are dropped.
 */
export function putDraft(drafts: ReplyDrafts, conversationId: string, draft: ReplyDraft): ReplyDrafts {
  const current = drafts[conversationId];
  if (current?.text === draft.text && current.note === draft.note) return drafts;
  if (draft.text === '' && !draft.note) {
    return current ? Object.fromEntries(Object.entries(drafts).filter(([id]) => id !== conversationId)) : drafts;
  }
  return keepNewest({ ...drafts, [conversationId]: draft }, MAX_DRAFTS);
}

/** The `max` most recently edited drafts (the same map when there are no more than that). */
export function keepNewest(drafts: ReplyDrafts, max: number): ReplyDrafts {
  const entries = Object.entries(drafts);
  if (entries.length <= max) return drafts;
  return Object.fromEntries(entries.sort(([, a], [, b]) => b.editedAt - a.editedAt).slice(0, max));
}

/** Keeps what the agent typed in a conversation's composer, and in which mode. */
export function setDraft(ctx: WorkspaceContext, conversationId: string, text: string, note: boolean): void {
  ctx.store.set((state) =>
    withDrafts(state, putDraft(state.drafts, conversationId, { text, note, editedAt: ctx.now() })),
  );
}

/**
 * Empties a conversation's draft once it was sent. The mode stays, as the composer always kept
 * it: an agent adding several notes in a row does not switch to notes again for each.
 */
export function clearDraftText(ctx: WorkspaceContext, conversationId: string): void {
  ctx.store.set((state) => {
    const note = state.drafts[conversationId]?.note ?? false;
    return withDrafts(state, putDraft(state.drafts, conversationId, { text: '', note, editedAt: ctx.now() }));
  });
}

function withDrafts(state: WorkspaceState, drafts: ReplyDrafts): WorkspaceState {
  return drafts === state.drafts ? state : { ...state, drafts };
}

/**
 * A selector for `useStore` picking the ids of the conversations with a draft. It gives back the
 * same set until a draft appears or goes, so the inbox re-renders then and not on every keystroke
 * in the composer. It remembers its last answer: create one per component.
 */
export function draftedSelector(): (state: WorkspaceState) => ReadonlySet<string> {
  let seen: ReplyDrafts | undefined;
  let ids: ReadonlySet<string> = new Set();
  return (state) => {
    if (state.drafts === seen) return ids;
    seen = state.drafts;
    const next = new Set(Object.keys(seen).filter((id) => hasDraft(seen?.[id])));
    if (next.size !== ids.size || [...next].some((id) => !ids.has(id))) ids = next;
    return ids;
  };
}
