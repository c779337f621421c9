import type { ProductContext, Rating, RatingSubject } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import type { RatingChanges, RatingRepository, RatingRequestRecord } from '../../domain/ratings/rating-repository.js';
import { conflictOnDuplicate } from './sqlite-errors.js';

interface RatingRow {
  id: string;
  tenant_id: string;
  site_id: string;
  customer_id: string;
  subject_kind: string;
  subject_id: string;
  score: number;
  comment: string | null;
  agent_id: string | null;
  technician_id: string | null;
  product_name: string | null;
  product_sku: string | null;
  created_at: number;
  updated_at: number;
}

interface RequestRow {
  subject_kind: string;
  subject_id: string;
  tenant_id: string;
  site_id: string;
  customer_id: string;
  requested_at: number;
  requested_by: string | null;
  ticket_number: string | null;
  product: string | null;
  agent_id: string | null;
  agent_name: string | null;
  technician_id: string | null;
}

const ratingColumns =
  'id, tenant_id, site_id, customer_id, subject_kind, subject_id, score, comment, agent_id, technician_id, product_name, product_sku, created_at, updated_at';
const requestColumns =
  'subject_kind, subject_id, tenant_id, site_id, customer_id, requested_at, requested_by, ticket_number, product, agent_id, agent_name, technician_id';
const named = (columns: string) =>
  columns
    .split(', ')
    .map((column) => `@${column}`)
    .join(', ');

function toRating(row: RatingRow): Rating {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    siteId: row.site_id,
    customerId: row.customer_id,
    subject: { kind: row.subject_kind as RatingSubject['kind'], id: row.subject_id },
    score: row.score,
    comment: row.comment,
    agentId: row.agent_id,
    technicianId: row.technician_id,
    // The table keeps the product's name and SKU (what reports group by), not the whole context.
    product:
      row.product_name === null
        ? null
        : { name: row.product_name, ...(row.product_sku ? { sku: row.product_sku } : {}) },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRequest(row: RequestRow): RatingRequestRecord {
  return {
    tenantId: row.tenant_id,
    siteId: row.site_id,
    customerId: row.customer_id,
    subject: { kind: row.subject_kind as RatingSubject['kind'], id: row.subject_id },
    requestedAt: row.requested_at,
    requestedBy: row.requested_by,
    ticketNumber: row.ticket_number,
    product: row.product === null ? null : (JSON.parse(row.product) as ProductContext),
    agentId: row.agent_id,
    agentName: row.agent_name,
    technicianId: row.technician_id,
  };
}

/** Ratings and rating requests in SQLite; UNIQUE (subject_kind, subject_id) keeps one rating per subject. */
export class SqliteRatingRepository implements RatingRepository {
  private readonly insertRating;
  private readonly selectBySubject;
  private readonly updateRating;
  private readonly selectByCustomer;
  private readonly upsertRequest;
  private readonly selectRequest;
  private readonly selectRequestsByCustomer;

  constructor(db: Database) {
    this.insertRating = db.prepare<RatingRow>(
      `INSERT INTO ratings (${ratingColumns}) VALUES (${named(ratingColumns)})`,
    );
    this.selectBySubject = db.prepare<[string, string, string], RatingRow>(
      `SELECT ${ratingColumns} FROM ratings WHERE tenant_id = ? AND subject_kind = ? AND subject_id = ?`,
    );
    this.updateRating = db.prepare<
      {
        tenant_id: string;
        subject_kind: string;
        subject_id: string;
        score: number;
        comment: string | null;
        updated_at: number;
        created_since: number;
      },
      RatingRow
    >(
      `UPDATE ratings SET score = @score, comment = @comment, updated_at = @updated_at
       WHERE tenant_id = @tenant_id AND subject_kind = @subject_kind AND subject_id = @subject_id
         AND created_at >= @created_since
       RETURNING ${ratingColumns}`,
    );
    this.selectByCustomer = db.prepare<[string, string, number], RatingRow>(
      `SELECT ${ratingColumns} FROM ratings WHERE tenant_id = ? AND customer_id = ?
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    );
    this.upsertRequest = db.prepare<RequestRow, RequestRow>(
      `INSERT INTO rating_requests (${requestColumns}) VALUES (${named(requestColumns)})
       ON CONFLICT (subject_kind, subject_id) DO UPDATE
         SET requested_at = excluded.requested_at, requested_by = excluded.requested_by
       RETURNING ${requestColumns}`,
    );
    this.selectRequest = db.prepare<[string, string, string], RequestRow>(
      `SELECT ${requestColumns} FROM rating_requests WHERE tenant_id = ? AND subject_kind = ? AND subject_id = ?`,
    );
    this.selectRequestsByCustomer = db.prepare<[string, number], RequestRow>(
      `SELECT ${requestColumns} FROM rating_requests WHERE customer_id = ?
       ORDER BY requested_at DESC, subject_id DESC LIMIT ?`,
    );
  }

  async create(rating: Rating): Promise<Rating> {
    const row: RatingRow = {
      id: rating.id,
      tenant_id: rating.tenantId,
      site_id: rating.siteId,
      customer_id: rating.customerId,
      subject_kind: rating.subject.kind,
      subject_id: rating.subject.id,
      score: rating.score,
      comment: rating.comment,
      agent_id: rating.agentId,
      technician_id: rating.technicianId,
      product_name: rating.product?.name ?? null,
      product_sku: rating.product?.sku ?? null,
      created_at: rating.createdAt,
      updated_at: rating.updatedAt,
    };
    conflictOnDuplicate(() => this.insertRating.run(row), 'This was rated already.');
    return toRating(row);
  }

  async getBySubject(tenantId: string, subject: RatingSubject): Promise<Rating | null> {
    const row = this.selectBySubject.get(tenantId, subject.kind, subject.id);
    return row ? toRating(row) : null;
  }

  async update(
    tenantId: string,
    subject: RatingSubject,
    changes: RatingChanges,
    createdSince: number,
  ): Promise<Rating | null> {
    const row = this.updateRating.get({
      tenant_id: tenantId,
      subject_kind: subject.kind,
      subject_id: subject.id,
      score: changes.score,
      comment: changes.comment,
      updated_at: changes.updatedAt,
      created_since: createdSince,
    });
    return row ? toRating(row) : null;
  }

  async listByCustomer(tenantId: string, customerId: string, limit: number): Promise<Rating[]> {
    return this.selectByCustomer.all(tenantId, customerId, limit).map(toRating);
  }

  async saveRequest(request: RatingRequestRecord): Promise<RatingRequestRecord> {
    const row = this.upsertRequest.get({
      subject_kind: request.subject.kind,
      subject_id: request.subject.id,
      tenant_id: request.tenantId,
      site_id: request.siteId,
      customer_id: request.customerId,
      requested_at: request.requestedAt,
      requested_by: request.requestedBy,
      ticket_number: request.ticketNumber,
      product: request.product === null ? null : JSON.stringify(request.product),
      agent_id: request.agentId,
      agent_name: request.agentName,
      technician_id: request.technicianId,
    }) as RequestRow;
    return toRequest(row);
  }

  async getRequest(tenantId: string, subject: RatingSubject): Promise<RatingRequestRecord | null> {
    const row = this.selectRequest.get(tenantId, subject.kind, subject.id);
    return row ? toRequest(row) : null;
  }

  async listRequestsByCustomer(customerId: string, limit: number): Promise<RatingRequestRecord[]> {
    return this.selectRequestsByCustomer.all(customerId, limit).map(toRequest);
  }
}
