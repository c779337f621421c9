import type { AgentRepository, SessionRepository } from './agents/agent-repository.js';
import type { CannedResponseRepository } from './canned/canned-response-repository.js';
import type { ConversationRepository, MessageRepository } from './conversations/conversation-repository.js';
import type { CustomerRepository } from './customers/customer-repository.js';
import type { SiteRepository } from './sites/site-repository.js';

export type StorageMode = 'sqlite' | 'mongodb';

/**
 * Everything the domain persists, behind one port. Implemented by the embedded SQLite adapter
 * and the MongoDB adapter; both pass `store/store-contract.ts`.
 */
export interface Store {
  readonly mode: StorageMode;
  readonly sites: SiteRepository;
  readonly agents: AgentRepository;
  readonly sessions: SessionRepository;
  readonly customers: CustomerRepository;
  readonly conversations: ConversationRepository;
  readonly messages: MessageRepository;
  readonly cannedResponses: CannedResponseRepository;
  /** Waits for pending writes, then releases the database. */
  close(): Promise<void>;
}
