import type { Alert } from '@aftercare/shared';
import type { Database } from 'better-sqlite3';
import type { AlertRepository, StoredAlert } from '../../domain/alerts/alert-repository.js';

interface AlertRow {
  body: string;
  read: number;
}

/** Alerts in SQLite: each alert whole as JSON, read marks one row per agent and alert. */
export class SqliteAlertRepository implements AlertRepository {
  private readonly insert;
  private readonly selectForAgent;
  private readonly selectUnread;
  private readonly insertRead;
  private readonly insertAllRead;

  constructor(db: Database) {
    this.insert = db.prepare<{ id: string; tenant_id: string; kind: string; body: string; created_at: number }>(
      'INSERT INTO alerts (id, tenant_id, kind, body, created_at) VALUES (@id, @tenant_id, @kind, @body, @created_at)',
    );
    this.selectForAgent = db.prepare<{ tenant_id: string; agent_id: string; limit: number }, AlertRow>(
      `SELECT body, EXISTS (SELECT 1 FROM alert_reads WHERE alert_id = alerts.id AND agent_id = @agent_id) AS read
       FROM alerts WHERE tenant_id = @tenant_id ORDER BY created_at DESC, id DESC LIMIT @limit`,
    );
    this.selectUnread = db.prepare<{ tenant_id: string; agent_id: string }, { unread: number }>(
      `SELECT COUNT(*) AS unread FROM alerts WHERE tenant_id = @tenant_id
       AND NOT EXISTS (SELECT 1 FROM alert_reads WHERE alert_id = alerts.id AND agent_id = @agent_id)`,
    );
    // The tenant check inside the INSERT keeps an agent from marking another tenant's alert.
    this.insertRead = db.prepare<{ tenant_id: string; agent_id: string; alert_id: string; now: number }>(
      `INSERT OR IGNORE INTO alert_reads (alert_id, agent_id, read_at)
       SELECT id, @agent_id, @now FROM alerts WHERE id = @alert_id AND tenant_id = @tenant_id`,
    );
    this.insertAllRead = db.prepare<{ tenant_id: string; agent_id: string; now: number }>(
      `INSERT OR IGNORE INTO alert_reads (alert_id, agent_id, read_at)
       SELECT id, @agent_id, @now FROM alerts WHERE tenant_id = @tenant_id`,
    );
  }

  async create(alert: StoredAlert): Promise<void> {
    this.insert.run({
      id: alert.id,
      tenant_id: alert.tenantId,
      kind: alert.kind,
      body: JSON.stringify(alert),
      created_at: alert.createdAt,
    });
  }

  async listForAgent(tenantId: string, agentId: string, limit: number): Promise<Alert[]> {
    return this.selectForAgent
      .all({ tenant_id: tenantId, agent_id: agentId, limit })
      .map((row) => ({ ...(JSON.parse(row.body) as StoredAlert), read: row.read === 1 }) as Alert);
  }

  async countUnread(tenantId: string, agentId: string): Promise<number> {
    return this.selectUnread.get({ tenant_id: tenantId, agent_id: agentId })?.unread ?? 0;
  }

  async markRead(tenantId: string, agentId: string, alertIds: string[] | null, now: number): Promise<void> {
    if (alertIds === null) {
      this.insertAllRead.run({ tenant_id: tenantId, agent_id: agentId, now });
      return;
    }
    for (const alertId of alertIds)
      this.insertRead.run({ tenant_id: tenantId, agent_id: agentId, alert_id: alertId, now });
  }
}
