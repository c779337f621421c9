import type { Alert } from '@aftercare/shared';
import mongoose, { type Model } from 'mongoose';
import type { AlertRepository, StoredAlert } from '../../domain/alerts/alert-repository.js';
import { type AlertDocument, toAlert } from './alert-schemas.js';
import type { PendingWrites } from './pending-writes.js';

/** Alerts in MongoDB: one document per alert, with the ids of the agents who read it. */
export class MongoAlertRepository implements AlertRepository {
  constructor(
    private readonly alerts: Model<AlertDocument>,
    private readonly pending: PendingWrites,
  ) {}

  async create(alert: StoredAlert): Promise<void> {
    await this.pending.track(() =>
      this.alerts.insertOne({
        _id: alert.id,
        tenantId: alert.tenantId,
        kind: alert.kind,
        body: alert,
        createdAt: alert.createdAt,
        readBy: [],
      }),
    );
  }

  async listForAgent(tenantId: string, agentId: string, limit: number): Promise<Alert[]> {
    const docs = await this.alerts
      .find({ tenantId })
      .sort({ createdAt: -1, _id: -1 })
      .limit(Math.max(0, Math.floor(limit)))
      .lean<AlertDocument[]>()
      .exec();
    return docs.map((doc) => toAlert(doc, agentId));
  }

  async countUnread(tenantId: string, agentId: string): Promise<number> {
    return this.alerts.countDocuments({ tenantId, readBy: mongoose.trusted({ $ne: agentId }) }).exec();
  }

  async markRead(tenantId: string, agentId: string, alertIds: string[] | null, _now: number): Promise<void> {
    const filter = alertIds === null ? { tenantId } : { tenantId, _id: mongoose.trusted({ $in: alertIds }) };
    await this.pending.track(() => this.alerts.updateMany(filter, { $addToSet: { readBy: agentId } }).exec());
  }
}
