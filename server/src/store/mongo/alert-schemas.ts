import type { Alert } from '@aftercare/shared';
import { Schema } from 'mongoose';
import type { StoredAlert } from '../../domain/alerts/alert-repository.js';
import { strictSchemaOptions } from './schema-options.js';

/**
 * An `alerts` document: the alert whole in `body` (its fields differ by kind, and it is only ever
 * read back whole), the fields lists use beside it, and the ids of the agents who read it.
 */
export interface AlertDocument {
  _id: string;
  tenantId: string;
  kind: string;
  body: StoredAlert;
  createdAt: number;
  readBy: string[];
}

export const alertSchema = new Schema<AlertDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    kind: { type: String, required: true },
    body: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Number, required: true },
    readBy: { type: [String], default: [] },
  },
  { ...strictSchemaOptions, collection: 'alerts' },
);
// The bell's list (newest first) and its unread count.
alertSchema.index({ tenantId: 1, createdAt: -1, _id: -1 }, { name: 'alerts_by_tenant' });

export function toAlert(doc: AlertDocument, agentId: string): Alert {
  return { ...doc.body, read: doc.readBy.includes(agentId) } as Alert;
}
