import { LIMITS } from '@aftercare/shared';
import { hasDraft, keepNewest, MAX_DRAFTS, type ReplyDraft, type ReplyDrafts } from './drafts.js';

/** Where one console tab keeps the agent's unsent drafts. */
export interface DraftStorage {
  load(): ReplyDrafts;
  /** Called with the whole map on every change; writes only the drafts that changed. */
  save(drafts: ReplyDrafts): void;
}

/**
 * Characters of a draft's text that are stored: a little over what a message may hold, so a text
 * that was too long comes back still too long (the composer says so) instead of quietly cut to a
 * sendable length.
 */
export const STORED_DRAFT_CHARS = LIMITS.messageText + 100;

/**
 * Keeps a tab's drafts in `storage` (the tab's sessionStorage), per agent, beside the outbox (see
 * `outbox-storage.ts`): a reload, or the same agent signing in again in this tab, finds them; a
 * colleague signing in at the same browser never does. Only drafts with text are stored, the
 * `MAX_DRAFTS` most recently edited, each cut to `STORED_DRAFT_CHARS`. Unlike the outbox, each
 * draft has its own key: a keystroke rewrites one draft, not all fifty (up to 250 KB of JSON,
 * several milliseconds a keystroke in Chromium). Without storage (blocked by the browser, or full)
 * they live in memory only.
 */
export function createDraftStorage(storage: Storage | null, agentId: string): DraftStorage {
  const prefix = `aftercare:console-draft:${agentId}:`;
  // The draft objects as last written, by conversation id: unchanged ones are not written again.
  const written = new Map<string, ReplyDraft>();

  const write = (conversationId: string, { text, note, editedAt }: ReplyDraft) => {
    try {
      storage?.setItem(
        prefix + conversationId,
        JSON.stringify({ text: text.slice(0, STORED_DRAFT_CHARS), note, editedAt }),
      );
      return true;
    } catch {
      // Full or blocked: the draft is still in memory, and written again with its next change.
      return false;
    }
  };
  const remove = (conversationId: string) => {
    try {
      storage?.removeItem(prefix + conversationId);
    } catch {
      // Blocked: there is nothing stored to remove.
    }
  };

  return {
    load() {
      const found: [string, ReplyDraft][] = [];
      for (const conversationId of storedIds(storage, prefix)) {
        const draft = readDraft(storage, prefix + conversationId);
        if (draft) found.push([conversationId, draft]);
        else remove(conversationId); // left by another version, or by a hand: not trusted, not kept
      }
      // Built from entries, never by assignment: a key ending in `__proto__` stays a plain entry.
      const kept = keepNewest(Object.fromEntries(found), MAX_DRAFTS);
      for (const [conversationId] of found) {
        if (!Object.hasOwn(kept, conversationId)) remove(conversationId);
      }
      written.clear();
      for (const [conversationId, draft] of Object.entries(kept)) written.set(conversationId, draft);
      return kept;
    },
    save(drafts) {
      const kept = keepNewest(onlyWithText(drafts), MAX_DRAFTS);
      for (const [conversationId, draft] of Object.entries(kept)) {
        if (written.get(conversationId) === draft) continue;
        if (write(conversationId, draft)) written.set(conversationId, draft);
      }
      for (const conversationId of [...written.keys()]) {
        if (Object.hasOwn(kept, conversationId)) continue;
        remove(conversationId);
        written.delete(conversationId);
      }
    },
  };
}

function onlyWithText(drafts: ReplyDrafts): ReplyDrafts {
  return Object.fromEntries(Object.entries(drafts).filter(([, draft]) => hasDraft(draft)));
}

/** The conversation ids this agent has drafts stored for (read first: removing shifts the indexes). */
function storedIds(storage: Storage | null, prefix: string): string[] {
  const ids: string[] = [];
  try {
    for (let index = 0; index < (storage?.length ?? 0); index++) {
      const key = storage?.key(index);
      if (key?.startsWith(prefix) && key.length > prefix.length) ids.push(key.slice(prefix.length));
    }
  } catch {
    // Blocked: nothing can be read.
  }
  return ids;
}

/** One stored draft, checked rather than trusted; null when it is not one. */
function readDraft(storage: Storage | null, key: string): ReplyDraft | null {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { text, note, editedAt } = parsed as Record<string, unknown>;
    if (typeof text !== 'string' || typeof note !== 'boolean' || typeof editedAt !== 'number') return null;
    const draft = { text: text.slice(0, STORED_DRAFT_CHARS), note, editedAt };
    return hasDraft(draft) && Number.isFinite(editedAt) ? draft : null;
  } catch {
    return null;
  }
}
