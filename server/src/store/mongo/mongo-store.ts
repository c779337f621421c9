import mongoose, { type ConnectOptions } from 'mongoose';
import type { Store } from '../../domain/store.js';
import { MongoAgentRepository, MongoSessionRepository } from './agent-repository.js';
import { MongoAlertRepository } from './alert-repository.js';
import { MongoAttachmentRepository } from './attachment-repository.js';
import { MongoCannedResponseRepository } from './canned-response-repository.js';
import { MongoConversationRepository } from './conversation-repository.js';
import { MongoCustomerRepository } from './customer-repository.js';
import { MongoFollowUpRepository } from './follow-up-repository.js';
import { GridFsBlobStore } from './gridfs-blob-store.js';
import { MongoMessageRepository } from './message-repository.js';
import { createModels, syncAllIndexes } from './models.js';
import { PendingWrites } from './pending-writes.js';
import { MongoRatingRepository } from './rating-repository.js';
import { MongoReportRepository } from './report-repository.js';
import { MongoSearchRepository } from './search-repository.js';
import { MongoSiteIdentityRepository } from './site-identity-repository.js';
import { MongoSiteRepository } from './site-repository.js';
import { MongoTeamRepository } from './team-repository.js';
import { MongoTicketRepository } from './ticket-repository.js';

/** Where the MongoDB store lives. */
export interface MongoStoreOptions {
  /** A MongoDB connection string, e.g. `mongodb://db1,db2,db3/?replicaSet=rs0`. */
  uri: string;
  /** Database to use; defaults to the one named in `uri` (or MongoDB's `test` when it names none). */
  dbName?: string;
}

/**
 * Connection options, each chosen on purpose:
 * - `bufferCommands: false`: an operation while disconnected fails at once instead of queueing in
 *   memory, where a crash would lose it and the caller would wait without knowing.
 * - `autoIndex`/`autoCreate: false`: indexes are built explicitly at open, so a failure stops startup.
 * - `sanitizeFilter: true`: a caller-provided value that is an object with `$` keys (e.g. a
 *   `{ "$ne": null }` smuggled in a JSON payload) is matched literally, never run as an operator.
 * - `writeConcern`: a write is acknowledged only once a majority of the replica set has it in its
 *   journal, so an acked chat message survives a crash or a failover.
 */
export function mongoConnectOptions(dbName: string | undefined): ConnectOptions {
  const options: ConnectOptions = {
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
    sanitizeFilter: true,
    writeConcern: { w: 'majority', journal: true },
  };
  if (dbName !== undefined) options.dbName = dbName;
  return options;
}

/**
 * Opens the scale-out store on MongoDB: connects on a dedicated connection (never the global
 * `mongoose` singleton, so several stores and tests can coexist), creates the collections and
 * builds every index, and only then resolves. Rejects, with the connection closed, if MongoDB is
 * unreachable or an index cannot be built.
 */
export async function openMongoStore(options: MongoStoreOptions): Promise<Store> {
  const connection = mongoose.createConnection(options.uri, mongoConnectOptions(options.dbName));
  try {
    await connection.asPromise();
    const models = createModels(connection);
    await syncAllIndexes(models);
    const pending = new PendingWrites();
    let closing: Promise<void> | undefined;
    return {
      mode: 'mongodb',
      sites: new MongoSiteRepository(models.sites, pending),
      siteIdentities: new MongoSiteIdentityRepository(models.siteIdentities, pending),
      agents: new MongoAgentRepository(models.agents, pending),
      sessions: new MongoSessionRepository(models.sessions, pending),
      customers: new MongoCustomerRepository(models.customers, models.visitorTokens, pending),
      conversations: new MongoConversationRepository(models.conversations, pending),
      messages: new MongoMessageRepository(models.messages, models.conversations, pending),
      cannedResponses: new MongoCannedResponseRepository(models.cannedResponses, pending),
      teams: new MongoTeamRepository(models.teams, pending),
      attachments: new MongoAttachmentRepository(models.attachments, pending),
      attachmentBlobs: new GridFsBlobStore(connection),
      search: new MongoSearchRepository(models),
      tickets: new MongoTicketRepository(models.tickets, models.ticketEvents, models.ticketCounters, pending),
      ratings: new MongoRatingRepository(models.ratings, models.ratingRequests, pending),
      followUps: new MongoFollowUpRepository(models.followUps, pending),
      reports: new MongoReportRepository(models),
      alerts: new MongoAlertRepository(models.alerts, pending),
      close() {
        // The driver aborts operations still running when it closes, so in-flight writes finish first.
        // Closing twice waits for the same close.
        closing ??= pending.drain().then(() => connection.close());
        return closing;
      },
    };
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
}
