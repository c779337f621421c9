import type { Attachment, AuthorKind, Message } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import type {
  AppendMessageInput,
  AppendMessageResult,
  MessageAudience,
  MessageRepository,
} from '../../domain/conversations/conversation-repository.js';
import { AftercareError } from '../../domain/errors.js';
import { appendHubOf } from './append-hub.js';
import {
  type AppendRole,
  type AppendRow,
  type AppendRowResult,
  type AppendStatements,
  AppendThread,
  type SearchIndexJob,
} from './append-thread.js';
import { type ConversationRow, conversationColumns, toConversation } from './conversation-rows.js';
import { GroupCommit } from './group-commit.js';
import { isRowFailure, isUniqueViolation } from './sqlite-errors.js';

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

const selectByClientIdSql = `SELECT ${columns} FROM messages WHERE conversation_id = ? AND client_id = ?`;

/**
 * An append, all inside one transaction so seqs never collide: read the conversation's last seq,
 * answer a retry (same client id) with the stored message, insert, move the conversation's markers.
 * MAX keeps updatedAt from moving backward when another process's clock lags a little.
 * The author's side has necessarily seen everything up to its own message: its markers move too.
 * A public message also says whose turn it is, and an agent's first one is the first reply.
 */
export const appendStatements: AppendStatements = {
  selectConversation: `SELECT ${conversationColumns} FROM conversations WHERE id = ?`,
  selectByClientId: selectByClientIdSql,
  insert: `INSERT INTO messages (${columns})
    VALUES (@id, @conversation_id, @client_id, @seq, @author_kind, @author_id, @author_name, @text, @internal,
      @attachments, @created_at, @author_avatar_url)`,
  bumpConversation: `UPDATE conversations SET last_seq = @seq, updated_at = MAX(updated_at, @created_at),
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
};

export function toAppendRow(input: AppendMessageInput): AppendRow {
  return {
    id: input.id,
    conversation_id: input.conversationId,
    client_id: input.clientId,
    author_kind: input.author.kind,
    author_id: input.author.id,
    author_name: input.author.name,
    author_avatar_url: input.author.avatarUrl ?? null,
    text: input.text,
    internal: input.internal ? 1 : 0,
    attachments: JSON.stringify(input.attachments ?? []),
    created_at: input.createdAt,
  };
}

/** Tuning for `SqliteMessageRepository`. */
export interface SqliteMessageOptions {
  /** Most appends committed in one transaction; default 256. */
  maxAppendBatch?: number;
  /** Search indexing the append thread runs on a timer (see `SqliteSearchRepository.indexPending`). */
  searchIndex?: SearchIndexJob;
  /** Whether the processes on this file share one writer (`append-hub.ts`); default: this one commits alone. */
  shareAppends?: boolean;
}

/**
 * Messages in SQLite. Appends go through a group commit on a worker thread (`AppendThread`): many
 * appends share one transaction and one fsync, which is what lets a durable store ack well over a
 * thousand messages a second, and the fsync waits off the thread that serves the sockets.
 */
export class SqliteMessageRepository implements MessageRepository {
  private readonly appends: GroupCommit<AppendMessageInput, AppendMessageResult | null>;
  private readonly thread: AppendThread;
  private readonly selectByClientId;
  private readonly selectAfter;
  private readonly selectLatest;
  private readonly countRows;

  constructor(db: Database, options: SqliteMessageOptions = {}) {
    this.selectByClientId = db.prepare<[string, string], MessageRow>(selectByClientIdSql);
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

    // Appends commit on a worker thread with its own connection, so the fsync of each commit no
    // longer stops this thread's sockets; the group commit batches whatever arrives meanwhile.
    this.thread = new AppendThread({
      file: db.name,
      busyTimeoutMs: db.pragma('busy_timeout', { simple: true }) as number,
      walKeepBytes: db.pragma('journal_size_limit', { simple: true }) as number,
      statements: appendStatements,
      ...(options.searchIndex ? { searchIndex: options.searchIndex } : {}),
      ...(options.shareAppends ? { hub: appendHubOf(db, db.name, appendStatements) } : {}),
    });
    const toResult = (result: AppendRowResult): AppendMessageResult | null =>
      result && {
        message: toMessage(result.message as unknown as MessageRow),
        created: result.created,
        conversation: toConversation(result.conversation as ConversationRow),
      };
    this.appends = new GroupCommit({
      commitBatch: async (inputs) => (await this.thread.commitBatch(inputs.map(toAppendRow))).map(toResult),
      commitOne: async (input) => {
        try {
          return toResult(await this.thread.commitOne(toAppendRow(input)));
        } catch (error) {
          if (isUniqueViolation(error)) throw new AftercareError('CONFLICT', `A message with id ${input.id} exists.`);
          throw error;
        }
      },
      maxBatchSize: options.maxAppendBatch ?? 256,
      isItemFailure: isRowFailure,
    });
  }

  /** What this process's append thread is to the others on the file: hub, client of one, or alone. */
  get appendRole(): AppendRole {
    return this.thread.role;
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

  /** Commits pending appends, refuses new ones and stops the append thread; called by the store before closing the database. */
  async close(): Promise<void> {
    await this.appends.close();
    await this.thread.close();
  }
}

/** Highest `internal` value an audience may read: 0 for shoppers (public only), 1 for agents. */
function maxInternal(audience: MessageAudience): number {
  return audience === 'agent' ? 1 : 0;
}
