import type { Attachment } from '@aftercare/shared';
import type { PendingMessage } from './state.js';

/** Where one console tab keeps the replies the server has not acknowledged yet. */
export interface OutboxStorage {
  load(): PendingMessage[];
  save(outbox: readonly PendingMessage[]): void;
}

/**
 * Keeps a tab's unacknowledged replies in `storage` (the tab's sessionStorage), per agent, so they
 * survive a reload and a session that ended under them: once the same agent signs in again the
 * workspace resends them with their original client ids, and each is stored once. Per tab, so two
 * consoles of one agent never overwrite each other's; per agent, so a colleague signing in at the
 * same browser never sends them. Without storage (blocked by the browser) they live in memory only.
 */
export function createOutboxStorage(storage: Storage | null, agentId: string): OutboxStorage {
  const key = `aftercare:console-outbox:${agentId}`;
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
        return Array.isArray(parsed) ? parsed.filter(isPendingMessage) : [];
      } catch {
        return [];
      }
    },
    save(outbox) {
      try {
        if (outbox.length === 0) storage?.removeItem(key);
        else storage?.setItem(key, JSON.stringify(outbox));
      } catch {
        // Full or blocked: the replies are still in memory and sent from there.
      }
    },
  };
}

/** What another version of the console (or a hand) left in storage is checked, not trusted. */
function isPendingMessage(value: unknown): value is PendingMessage {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.clientId === 'string' &&
    typeof entry.conversationId === 'string' &&
    typeof entry.text === 'string' &&
    typeof entry.createdAt === 'number' &&
    (entry.status === 'sending' || entry.status === 'failed') &&
    (entry.errorCode === undefined || typeof entry.errorCode === 'string') &&
    (entry.internal === undefined || typeof entry.internal === 'boolean') &&
    (entry.attachments === undefined || (Array.isArray(entry.attachments) && entry.attachments.every(isAttachment)))
  );
}

function isAttachment(value: unknown): value is Attachment {
  if (typeof value !== 'object' || value === null) return false;
  const attachment = value as Record<string, unknown>;
  return (
    typeof attachment.id === 'string' &&
    typeof attachment.name === 'string' &&
    typeof attachment.mimeType === 'string' &&
    typeof attachment.size === 'number' &&
    typeof attachment.url === 'string'
  );
}
