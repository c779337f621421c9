import type { Agent, AgentRole, Site, SiteSettings } from '@aftercare/shared';
import { AGENT_ROLES } from '@aftercare/shared';
import { Schema } from 'mongoose';
import type { AgentRecord, AgentSession } from '../../domain/agents/agent-repository.js';
import { withDefaultSettings } from '../../domain/sites/site-settings.js';
import { strictSchemaOptions, toMillis } from './schema-options.js';

/** A `sites` document. Ids are the domain's own strings, so `_id` is a string, never an ObjectId. */
export interface SiteDocument {
  _id: string;
  tenantId: string;
  key: string;
  name: string;
  allowedOrigins: string[];
  /**
   * Validated by the domain before it is written, read back over the defaults; absent in documents
   * written before settings existed. Mixed, so `site:update` can `$set` one setting atomically.
   */
  settings?: Partial<SiteSettings>;
  createdAt: Date;
}

export const siteSchema = new Schema<SiteDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    key: { type: String, required: true },
    // Display names are not `required`: Mongoose's required check rejects '', which SQLite accepts.
    name: { type: String, default: '' },
    allowedOrigins: { type: [String], default: [] },
    settings: { type: Schema.Types.Mixed, default: () => ({}) },
    createdAt: { type: Date, required: true },
  },
  { ...strictSchemaOptions, collection: 'sites' },
);
// The script tag's `data-site` resolves through this; unique so two sites can never share a key.
siteSchema.index({ key: 1 }, { unique: true, name: 'site_key_unique' });
siteSchema.index({ tenantId: 1, createdAt: 1, _id: 1 }, { name: 'sites_by_tenant' });

export function toSite(doc: SiteDocument): Site {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    key: doc.key,
    name: doc.name,
    allowedOrigins: [...doc.allowedOrigins],
    settings: withDefaultSettings(doc.settings),
    createdAt: toMillis(doc.createdAt),
  };
}

/** An `agents` document; `email` is stored lower-cased so the unique index ignores case. */
export interface AgentDocument {
  _id: string;
  tenantId: string;
  email: string;
  name: string;
  role: AgentRole;
  passwordHash: string;
  /** Both absent in documents written before deactivation and pictures existed: active, no picture. */
  active?: boolean;
  avatarUrl?: string | null;
  /** Absent in documents written before capacity was stored: the default applies. */
  capacity?: number | null;
  createdAt: Date;
}

export const agentSchema = new Schema<AgentDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    email: { type: String, required: true, lowercase: true },
    name: { type: String, default: '' },
    role: { type: String, required: true, enum: [...AGENT_ROLES] },
    passwordHash: { type: String, required: true },
    active: { type: Boolean, default: true },
    avatarUrl: { type: String, default: null },
    capacity: { type: Number, default: null, min: 0 },
    createdAt: { type: Date, required: true },
  },
  { ...strictSchemaOptions, collection: 'agents' },
);
// Unique across tenants: an email signs in without naming its tenant.
agentSchema.index({ email: 1 }, { unique: true, name: 'agent_email_unique' });
agentSchema.index({ tenantId: 1, createdAt: 1, _id: 1 }, { name: 'agents_by_tenant' });

export function toAgentRecord(doc: AgentDocument): AgentRecord {
  const agent: Agent = {
    id: doc._id,
    tenantId: doc.tenantId,
    email: doc.email,
    name: doc.name,
    role: doc.role,
    active: doc.active !== false,
    avatarUrl: doc.avatarUrl ?? null,
    createdAt: toMillis(doc.createdAt),
  };
  return { ...agent, passwordHash: doc.passwordHash, capacity: doc.capacity ?? null };
}

/**
 * An `agent_sessions` document. The primary key is the token's SHA-256, so the always-present
 * unique `_id` index is the session lookup and no second unique index is needed.
 */
export interface SessionDocument {
  _id: string;
  agentId: string;
  createdAt: Date;
  /** A `Date` because MongoDB's TTL monitor only expires documents whose indexed field is a date. */
  expiresAt: Date;
}

export const sessionSchema = new Schema<SessionDocument>(
  {
    _id: { type: String, required: true },
    agentId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { ...strictSchemaOptions, collection: 'agent_sessions' },
);
sessionSchema.index({ agentId: 1 }, { name: 'sessions_by_agent' });
// The TTL monitor runs about once a minute, so reads still check `expiresAt` themselves.
sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0, name: 'sessions_expire' });

export function toAgentSession(doc: SessionDocument): AgentSession {
  return {
    tokenHash: doc._id,
    agentId: doc.agentId,
    createdAt: toMillis(doc.createdAt),
    expiresAt: toMillis(doc.expiresAt),
  };
}
