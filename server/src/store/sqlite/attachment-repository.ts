import type { Database } from 'better-sqlite3';
import type {
  AttachmentClaim,
  AttachmentRecord,
  AttachmentRepository,
  AttachmentUploader,
} from '../../domain/attachments/attachment-repository.js';
import { conflictOnDuplicate } from './sqlite-errors.js';

interface AttachmentRow {
  id: string;
  tenant_id: string;
  site_id: string | null;
  uploader_kind: string;
  uploader_id: string;
  name: string;
  mime_type: string;
  size: number;
  width: number | null;
  height: number | null;
  created_at: number;
  conversation_id: string | null;
  client_id: string | null;
}

const columns =
  'id, tenant_id, site_id, uploader_kind, uploader_id, name, mime_type, size, width, height, created_at, conversation_id, client_id';

function toRecord(row: AttachmentRow): AttachmentRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    siteId: row.site_id,
    uploader: { kind: row.uploader_kind as AttachmentUploader['kind'], id: row.uploader_id },
    name: row.name,
    mimeType: row.mime_type,
    size: row.size,
    width: row.width,
    height: row.height,
    createdAt: row.created_at,
    claim:
      row.conversation_id !== null && row.client_id !== null
        ? { conversationId: row.conversation_id, clientId: row.client_id }
        : null,
  };
}

/** Attachment metadata in SQLite; a claim is one transaction, so it takes every file or none. */
export class SqliteAttachmentRepository implements AttachmentRepository {
  private readonly insert;
  private readonly selectOne;
  private readonly claimAll;
  private readonly sweep;
  private readonly countOpen;

  constructor(db: Database) {
    this.insert = db.prepare<AttachmentRow>(
      `INSERT INTO attachments (${columns}) VALUES (@id, @tenant_id, @site_id, @uploader_kind, @uploader_id, @name,
         @mime_type, @size, @width, @height, @created_at, @conversation_id, @client_id)`,
    );
    this.selectOne = db.prepare<[string], AttachmentRow>(`SELECT ${columns} FROM attachments WHERE id = ?`);
    // Unclaimed, or claimed by this very message (a retried send): the test and the write are one statement.
    const claimOne = db.prepare<{ id: string; kind: string; uploader: string; conversation: string; client: string }>(
      `UPDATE attachments SET conversation_id = @conversation, client_id = @client
       WHERE id = @id AND uploader_kind = @kind AND uploader_id = @uploader
         AND (conversation_id IS NULL OR (conversation_id = @conversation AND client_id = @client))`,
    );
    const claimAll = db.transaction((ids: readonly string[], uploader: AttachmentUploader, claim: AttachmentClaim) => {
      for (const id of ids) {
        const { changes } = claimOne.run({
          id,
          kind: uploader.kind,
          uploader: uploader.id,
          conversation: claim.conversationId,
          client: claim.clientId,
        });
        // Throwing rolls back the claims this transaction already made.
        if (changes !== 1) throw new ClaimRefused();
      }
    });
    this.claimAll = claimAll;
    this.countOpen = db.prepare<[string, string], { count: number }>(
      'SELECT COUNT(*) AS count FROM attachments WHERE uploader_kind = ? AND uploader_id = ? AND conversation_id IS NULL',
    );
    this.sweep = db.prepare<[number], { id: string }>(
      'DELETE FROM attachments WHERE conversation_id IS NULL AND created_at < ? RETURNING id',
    );
  }

  async create(record: AttachmentRecord): Promise<void> {
    conflictOnDuplicate(
      () =>
        this.insert.run({
          id: record.id,
          tenant_id: record.tenantId,
          site_id: record.siteId,
          uploader_kind: record.uploader.kind,
          uploader_id: record.uploader.id,
          name: record.name,
          mime_type: record.mimeType,
          size: record.size,
          width: record.width,
          height: record.height,
          created_at: record.createdAt,
          conversation_id: record.claim?.conversationId ?? null,
          client_id: record.claim?.clientId ?? null,
        }),
      `An attachment with id ${record.id} exists.`,
    );
  }

  async getById(id: string): Promise<AttachmentRecord | null> {
    const row = this.selectOne.get(id);
    return row ? toRecord(row) : null;
  }

  async claim(ids: readonly string[], uploader: AttachmentUploader, claim: AttachmentClaim): Promise<boolean> {
    try {
      this.claimAll.immediate(ids, uploader, claim);
      return true;
    } catch (error) {
      if (error instanceof ClaimRefused) return false;
      throw error;
    }
  }

  async countUnclaimed(uploader: AttachmentUploader): Promise<number> {
    return this.countOpen.get(uploader.kind, uploader.id)?.count ?? 0;
  }

  async deleteUnclaimedBefore(cutoff: number): Promise<string[]> {
    return this.sweep.all(cutoff).map((row) => row.id);
  }
}

class ClaimRefused extends Error {}
