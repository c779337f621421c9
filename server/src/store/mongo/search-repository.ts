import type { Customer, Message } from '@aftercare/shared';
import mongoose from 'mongoose';
import type { SearchMessagesQuery, SearchRepository, SearchTermsQuery } from '../../domain/search/search-repository.js';
import { escapeRegExp } from './conversation-list-filter.js';
import { type ConversationDocument, type MessageDocument, toMessage } from './conversation-schemas.js';
import { type CustomerDocument, toCustomer } from './customer-schemas.js';
import type { MongoModels } from './models.js';

/** Messages are searched in the tenant's most recently active conversations only… */
const CONVERSATION_WINDOW = 1_000;
/** …and customers among the tenant's most recently updated ones. */
const CUSTOMER_WINDOW = 20_000;

/**
 * Search in MongoDB by case-insensitive regular expressions over escaped terms (any script,
 * any substring, like the SQLite trigram index), scoped first by tenant through indexes. No index
 * serves an unanchored regex, so each search scans a bounded window: the messages of the tenant's
 * 1,000 most recently active conversations and its 20,000 most recently updated customers
 * (documented in the README). MongoDB's `$text` indexes were not used: they split words on
 * spaces and so cannot find Chinese text.
 */
export class MongoSearchRepository implements SearchRepository {
  constructor(private readonly models: Pick<MongoModels, 'conversations' | 'messages' | 'customers'>) {}

  async searchMessages(query: SearchMessagesQuery): Promise<Message[]> {
    const recent = await this.models.conversations
      .find({ tenantId: query.tenantId }, { _id: 1 })
      .sort({ updatedAt: -1, _id: -1 })
      .limit(CONVERSATION_WINDOW)
      .lean<Pick<ConversationDocument, '_id'>[]>()
      .exec();
    if (recent.length === 0) return [];
    const and: Record<string, unknown>[] = query.terms.map((term) => ({ text: literal(term) }));
    if (query.after) {
      const at = new Date(query.after.createdAt);
      and.push({
        $or: [
          { createdAt: mongoose.trusted({ $lt: at }) },
          { createdAt: at, _id: mongoose.trusted({ $lt: query.after.messageId }) },
        ],
      });
    }
    const docs = await this.models.messages
      .find({ conversationId: mongoose.trusted({ $in: recent.map((doc) => doc._id) }), $and: and })
      .sort({ createdAt: -1, _id: -1 })
      .limit(Math.max(1, Math.floor(query.limit)))
      .lean<MessageDocument[]>()
      .exec();
    return docs.map(toMessage);
  }

  async searchCustomers(query: SearchTermsQuery): Promise<Customer[]> {
    const recent = await this.models.customers
      .find({ tenantId: query.tenantId }, { _id: 1 })
      .sort({ updatedAt: -1 })
      .limit(CUSTOMER_WINDOW)
      .lean<Pick<CustomerDocument, '_id'>[]>()
      .exec();
    if (recent.length === 0) return [];
    const and = query.terms.map((term) => {
      const pattern = literal(term);
      return { $or: [{ name: pattern }, { email: pattern }, { phone: pattern }] };
    });
    const docs = await this.models.customers
      .find({ _id: mongoose.trusted({ $in: recent.map((doc) => doc._id) }), $and: and })
      .sort({ updatedAt: -1, _id: -1 })
      .limit(Math.max(1, Math.floor(query.limit)))
      .lean<CustomerDocument[]>()
      .exec();
    return docs.map(toCustomer);
  }
}

/** A case-insensitive regex matching `term` literally. */
function literal(term: string): RegExp {
  return new RegExp(escapeRegExp(term), 'i');
}
