import type { Attachment, AuthorKind, Message } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import type {
  AppendMessageInput,
  AppendMessageResult,
  MessageAudience,
  MessageRepository,
} from '../../domain/conversations/conversation-repository.js';
import { type ConversationRow, conversationColumns, toConversation } from './conversation-rows.js';
import { GroupCommit } from './group-commit.js';
import { conflictOnDuplicate, isRowFailure } from './sqlite-errors.js';

export interface MessageRow {
  id: string;
  conversation_id: string;
  client_id: string;
  seq: number;
  author_kind: string;
  author_id: string;
  author_name: string | null;
  author_avatar_url: string | null;
  text: string;
  internal: number;
  /** JSON array of the message's `Attachment`s. */
  attachments: string;
  created_at: number;
}

export const columns =
  'id, conversation_id, client_id, seq, author_kind, author_id, author_name, text, internal, attachments, created_at, ' +
  'author_avatar_url';

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    clientId: row.client_id,
    seq: row.seq,
    author: {
      kind: row.author_kind as AuthorKind,
      id: row.author_id,
      name: row.author_name,
      // Only agents with a picture have one; absent means initials.
      ...(row.author_avatar_url ? { avatarUrl: row.author_avatar_url } : {}),
    },
    text: row.text,
    internal: row.internal === 1,
    attachments: JSON.parse(row.attachments) as Attachment[],
    createdAt: row.created_at,
  };
}

/** Tuning for `SqliteMessageRepository`. */
export interface SqliteMessageOptions {
  /** Most appends committed in one transaction; default 256. */
  maxAppendBatch?: number;
}

/**
 * Messages in SQLite. Appends go through a group commit: many appends share one transaction and
 * one fsync, which is what lets a durable store ack well over a thousand messages a second.
 */
export class SqliteMessageRepository implements MessageRepository {
  private readonly appends: GroupCommit<AppendMessageInput, AppendMessageResult | null>;
  private readonly selectByClientId;
  private readonly selectAfter;
  private readonly selectLatest;
  private readonly countRows;

  constructor(db: Database, options: SqliteMessageOptions = {}) {
    const selectConversation = db.prepare<[string], ConversationRow>(
      `SELECT ${conversationColumns} FROM conversations WHERE id = ?`,
    );
    this.selectByClientId = db.prepare<[string, string], MessageRow>(
      `SELECT ${columns} FROM messages WHERE conversation_id = ? AND client_id = ?`,
    );
    const selectByClientId = this.selectByClientId;
    const insert = db.prepare<MessageRow>(
      `INSERT INTO messages (${columns})
       VALUES (@id, @conversation_id, @client_id, @seq, @author_kind, @author_id, @author_name, @text, @internal,
         @attachments, @created_at, @author_avatar_url)`,
    );
    // MAX keeps updatedAt from moving backward when another process's clock lags a little.
    // The author's side has necessarily seen everything up to its own message: its markers move too.
    // A public message also says whose turn it is, and an agent's first one is the first reply.
    const bumpConversation = db.prepare<
      { id: string; seq: number; created_at: number; author_kind: string; internal: number },
      ConversationRow
    >(
      `UPDATE conversations SET last_seq = @seq, updated_at = MAX(updated_at, @created_at),
         visitor_delivered_seq = CASE WHEN @author_kind = 'visitor' THEN @seq ELSE visitor_delivered_seq END,
         visitor_read_seq = CASE WHEN @author_kind = 'visitor' THEN @seq ELSE visitor_read_seq END,
         agent_delivered_seq = CASE WHEN @author_kind = 'agent' THEN @seq ELSE agent_delivered_seq END,
         agent_read_seq = CASE WHEN @author_kind = 'agent' THEN @seq ELSE agent_read_seq END,
         awaiting_reply_from = CASE WHEN @internal = 1 THEN awaiting_reply_from
           WHEN @author_kind = 'visitor' THEN 'agent' WHEN @author_kind = 'agent' THEN 'customer'
           ELSE awaiting_reply_from END,
         first_reply_at = CASE WHEN @internal = 0 AND @author_kind = 'agent' AND first_reply_at IS NULL
           THEN @created_at ELSE first_reply_at END
       WHERE id = @id RETURNING ${conversationColumns}`,
    );
    // `internal <= ?` with 0 (shoppers: public only) or 1 (agents: everything), so one statement serves both.
    this.selectAfter = db.prepare<[string, number, number, number], MessageRow>(
      `SELECT ${columns} FROM messages WHERE conversation_id = ? AND seq > ? AND internal <= ? ORDER BY seq LIMIT ?`,
    );
    this.selectLatest = db.prepare<[string, number, number], MessageRow>(
      `SELECT ${columns} FROM (
         SELECT ${columns} FROM messages WHERE conversation_id = ? AND internal <= ? ORDER BY seq DESC LIMIT ?
       ) ORDER BY seq`,
    );
    this.countRows = db.prepare<[string], { count: number }>(
      'SELECT COUNT(*) AS count FROM messages WHERE conversation_id = ?',
    );

    // Read lastSeq, insert, move lastSeq: all inside the caller's transaction, so seqs never collide.
    const appendOne = (input: AppendMessageInput): AppendMessageResult | null => {
      const conversation = selectConversation.get(input.conversationId);
      if (!conversation) return null;
      const stored = selectByClientId.get(input.conversationId, input.clientId);
      if (stored) return { message: toMessage(stored), created: false, conversation: toConversation(conversation) };
      const row: MessageRow = {
        id: input.id,
        conversation_id: input.conversationId,
        client_id: input.clientId,
        seq: conversation.last_seq + 1,
        author_kind: input.author.kind,
        author_id: input.author.id,
        author_name: input.author.name,
        author_avatar_url: input.author.avatarUrl ?? null,
        text: input.text,
        internal: input.internal ? 1 : 0,
        attachments: JSON.stringify(input.attachments ?? []),
        created_at: input.createdAt,
      };
      insert.run(row);
      const updated = bumpConversation.get({
        id: input.conversationId,
        seq: row.seq,
        created_at: input.createdAt,
        author_kind: input.author.kind,
        internal: row.internal,
      });
      return { message: toMessage(row), created: true, conversation: toConversation(updated ?? conversation) };
    };
    const commitBatch = db.transaction((inputs: readonly AppendMessageInput[]) => inputs.map(appendOne));
    const commitOne = db.transaction(appendOne);
    this.appends = new GroupCommit({
      commitBatch: (inputs) => commitBatch.immediate(inputs),
      commitOne: (input) =>
        conflictOnDuplicate(() => commitOne.immediate(input), `A message with id ${input.id} exists.`),
      maxBatchSize: options.maxAppendBatch ?? 256,
      isItemFailure: isRowFailure,
    });
  }

  /** Transactions committed by `append` so far; fewer than appends means group commit is working. */
  get appendCommits(): number {
    return this.appends.commits;
  }

  append(input: AppendMessageInput): Promise<AppendMessageResult | null> {
    return this.appends.submit(input);
  }

  async findByClientId(conversationId: string, clientId: string): Promise<Message | null> {
    const row = this.selectByClientId.get(conversationId, clientId);
    return row ? toMessage(row) : null;
  }

  async listAfter(
    conversationId: string,
    afterSeq: number,
    limit: number,
    audience: MessageAudience,
  ): Promise<Message[]> {
    return this.selectAfter.all(conversationId, afterSeq, maxInternal(audience), limit).map(toMessage);
  }

  async listLatest(conversationId: string, limit: number, audience: MessageAudience): Promise<Message[]> {
    return this.selectLatest.all(conversationId, maxInternal(audience), limit).map(toMessage);
  }

  async count(conversationId: string): Promise<number> {
    return this.countRows.get(conversationId)?.count ?? 0;
  }

  /** Commits pending appends and refuses new ones; called by the store before closing the database. */
  close(): void {
    this.appends.close();
  }
}

/** Highest `internal` value an audience may read: 0 for shoppers (public only), 1 for agents. */
function maxInternal(audience: MessageAudience): number {
  return audience === 'agent' ? 1 : 0;
}
