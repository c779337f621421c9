import type { ErrorCode, Message } from '@aftercare/shared';
import { request, type VisitorSocket } from './connection.js';
import type { Outbox, OutboxEntry } from './outbox.js';

/** Errors after which the same message may succeed later. */
const RETRYABLE_ERRORS = new Set<ErrorCode>(['RATE_LIMITED', 'SHUTTING_DOWN', 'INTERNAL', 'UNAUTHORIZED']);
const RETRY_MS = 3_000;

/**
 * Sends the outbox one message at a time, in order, until it is empty or the link fails. Each
 * entry leaves the outbox only once the server acknowledged it; retries reuse its `clientId`, so
 * the server stores it once whatever happened to earlier attempts.
 */
export class OutboxSender {
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly socket: VisitorSocket,
    private readonly outbox: Outbox,
    private readonly handlers: {
      sent(message: Message): void;
      changed(): void;
      /** Uploads an entry's files the server does not have yet (see `attachments/send-files.ts`). */
      uploadFiles(entry: OutboxEntry, outbox: Outbox): Promise<string[] | null>;
    },
  ) {}

  /** Sends what is queued; safe to call at any time (a running flush picks up new entries). */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    clearTimeout(this.retryTimer);
    try {
      for (let entry = this.next(); entry && this.socket.connected; entry = this.next()) {
        // Files upload first; null means refused for good (the entry is now marked failed).
        const attachmentIds = entry.files && (await this.handlers.uploadFiles(entry, this.outbox));
        if (attachmentIds === null) {
          this.handlers.changed();
          continue;
        }
        const { clientId, conversationId, text } = entry;
        const payload = { conversationId, clientId, text };
        const response = await request(
          this.socket,
          'message:send',
          attachmentIds ? { ...payload, attachmentIds } : payload,
        );
        if ('error' in response) {
          if (RETRYABLE_ERRORS.has(response.error.code)) return this.retry(response.error.retryAfterMs);
          this.outbox.markFailed(clientId, response.error.code);
        } else {
          this.outbox.remove(clientId);
          this.handlers.sent(response.data.message);
        }
        this.handlers.changed();
      }
    } catch {
      this.retry(); // No acknowledgement in time; the message stays in the outbox.
    } finally {
      this.flushing = false;
    }
  }

  /** Stops a scheduled retry (the widget is going away). */
  stop(): void {
    clearTimeout(this.retryTimer);
  }

  // An entry without a conversation id waits for its conversation:start (see ChatClient.startConversation).
  private next = () => this.outbox.list().find((entry) => !entry.failed && entry.conversationId);

  private retry(delay = RETRY_MS): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), delay);
  }
}
