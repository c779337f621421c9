import type { Connection, Model } from 'mongoose';
import {
  type AgentDocument,
  agentSchema,
  type SessionDocument,
  type SiteDocument,
  sessionSchema,
  siteSchema,
} from './account-schemas.js';
import {
  type FollowUpDocument,
  followUpSchema,
  type RatingDocument,
  type RatingRequestDocument,
  ratingRequestSchema,
  ratingSchema,
} from './after-sales-schemas.js';
import { type AlertDocument, alertSchema } from './alert-schemas.js';
import { type AttachmentDocument, attachmentSchema } from './attachment-schemas.js';
import { type CannedResponseDocument, cannedResponseSchema } from './canned-response-schemas.js';
import {
  type ConversationDocument,
  conversationSchema,
  type MessageDocument,
  messageSchema,
} from './conversation-schemas.js';
import {
  type CustomerDocument,
  customerSchema,
  type VisitorTokenDocument,
  visitorTokenSchema,
} from './customer-schemas.js';
import { type SiteIdentityDocument, siteIdentitySchema } from './site-identity-repository.js';
import { type TeamDocument, teamSchema } from './team-schemas.js';
import {
  type TicketCounterDocument,
  type TicketDocument,
  type TicketEventDocument,
  ticketCounterSchema,
  ticketEventSchema,
  ticketSchema,
} from './ticket-schemas.js';

/** Every model the adapter uses, compiled on one connection (never on the global `mongoose`). */
export interface MongoModels {
  sites: Model<SiteDocument>;
  siteIdentities: Model<SiteIdentityDocument>;
  agents: Model<AgentDocument>;
  sessions: Model<SessionDocument>;
  customers: Model<CustomerDocument>;
  visitorTokens: Model<VisitorTokenDocument>;
  conversations: Model<ConversationDocument>;
  messages: Model<MessageDocument>;
  cannedResponses: Model<CannedResponseDocument>;
  teams: Model<TeamDocument>;
  attachments: Model<AttachmentDocument>;
  tickets: Model<TicketDocument>;
  ticketEvents: Model<TicketEventDocument>;
  ticketCounters: Model<TicketCounterDocument>;
  ratings: Model<RatingDocument>;
  ratingRequests: Model<RatingRequestDocument>;
  followUps: Model<FollowUpDocument>;
  alerts: Model<AlertDocument>;
}

/** Compiles the models on `connection`; collection names come from each schema's `collection` option. */
export function createModels(connection: Connection): MongoModels {
  return {
    sites: connection.model<SiteDocument>('Site', siteSchema),
    siteIdentities: connection.model<SiteIdentityDocument>('SiteIdentity', siteIdentitySchema),
    agents: connection.model<AgentDocument>('Agent', agentSchema),
    sessions: connection.model<SessionDocument>('AgentSession', sessionSchema),
    customers: connection.model<CustomerDocument>('Customer', customerSchema),
    visitorTokens: connection.model<VisitorTokenDocument>('VisitorToken', visitorTokenSchema),
    conversations: connection.model<ConversationDocument>('Conversation', conversationSchema),
    messages: connection.model<MessageDocument>('Message', messageSchema),
    cannedResponses: connection.model<CannedResponseDocument>('CannedResponse', cannedResponseSchema),
    teams: connection.model<TeamDocument>('Team', teamSchema),
    attachments: connection.model<AttachmentDocument>('Attachment', attachmentSchema),
    tickets: connection.model<TicketDocument>('Ticket', ticketSchema),
    ticketEvents: connection.model<TicketEventDocument>('TicketEvent', ticketEventSchema),
    ticketCounters: connection.model<TicketCounterDocument>('TicketCounter', ticketCounterSchema),
    ratings: connection.model<RatingDocument>('Rating', ratingSchema),
    ratingRequests: connection.model<RatingRequestDocument>('RatingRequest', ratingRequestSchema),
    followUps: connection.model<FollowUpDocument>('FollowUp', followUpSchema),
    alerts: connection.model<AlertDocument>('Alert', alertSchema),
  };
}

/**
 * Creates each collection and makes its indexes match the schema, one model at a time, and throws
 * on the first failure: a unique index that cannot be built (existing duplicates) must stop
 * startup rather than leave the store running without the guarantee. `syncIndexes()` also drops
 * indexes the schema no longer declares, so the schemas are the single source of truth.
 */
export async function syncAllIndexes(models: MongoModels): Promise<void> {
  for (const model of Object.values(models) as Model<unknown>[]) {
    // Explicit, because `autoCreate` is off: creating collections up front keeps first writes cheap.
    await model.createCollection();
    await model.syncIndexes();
  }
}
