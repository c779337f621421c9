import type { AgentRepository, SessionRepository } from './agents/agent-repository.js';
import type { AlertRepository } from './alerts/alert-repository.js';
import type { AttachmentRepository } from './attachments/attachment-repository.js';
import type { BlobStore } from './attachments/blob-store.js';
import type { CannedResponseRepository } from './canned/canned-response-repository.js';
import type { ConversationRepository, MessageRepository } from './conversations/conversation-repository.js';
import type { CustomerRepository } from './customers/customer-repository.js';
import type { FollowUpRepository } from './follow-ups/follow-up-repository.js';
import type { RatingRepository } from './ratings/rating-repository.js';
import type { ReportRepository } from './reports/report-repository.js';
import type { SearchRepository } from './search/search-repository.js';
import type { SiteIdentityRepository } from './sites/site-identity-repository.js';
import type { SiteRepository } from './sites/site-repository.js';
import type { TeamRepository } from './teams/team-repository.js';
import type { TicketRepository } from './tickets/ticket-repository.js';

export type StorageMode = 'sqlite' | 'mongodb';

/**
 * Everything the domain persists, behind one port. Implemented by the embedded SQLite adapter
 * and the MongoDB adapter; both pass `store/store-contract.ts`.
 */
export interface Store {
  readonly mode: StorageMode;
  readonly sites: SiteRepository;
  /** Sites' identity verification secrets and switches (admins only; never part of `Site`). */
  readonly siteIdentities: SiteIdentityRepository;
  readonly agents: AgentRepository;
  readonly sessions: SessionRepository;
  readonly customers: CustomerRepository;
  readonly conversations: ConversationRepository;
  readonly messages: MessageRepository;
  readonly cannedResponses: CannedResponseRepository;
  readonly teams: TeamRepository;
  /** Full-text search over messages and customers (the console's search box). */
  readonly search: SearchRepository;
  /** Attached files' metadata, and their bytes (a folder beside the SQLite file, or GridFS). */
  readonly attachments: AttachmentRepository;
  readonly attachmentBlobs: BlobStore;
  /** Repair tickets and their timelines. */
  readonly tickets: TicketRepository;
  /** Post-service ratings and the requests for them. */
  readonly ratings: RatingRepository;
  /** Follow-up calls on closed tickets. */
  readonly followUps: FollowUpRepository;
  /** Read-only facts for supervisors' reports. */
  readonly reports: ReportRepository;
  /** Supervisors' alerts (escalations, low ratings) and each agent's read marks. */
  readonly alerts: AlertRepository;
  /** Waits for pending writes, then releases the database. */
  close(): Promise<void>;
}
