import path from 'node:path';
import type { SiteSettings } from '@aftercare/shared';
import Database from 'better-sqlite3';
import { DEMO, type RunningServer } from './server.js';

/** Runs `write` on a second connection to the server's SQLite file (WAL mode: safe while it runs). */
function withDatabase(server: RunningServer, write: (db: Database.Database) => void): void {
  const db = new Database(path.join(server.dataDir, 'aftercare.db'));
  try {
    db.pragma('busy_timeout = 5000');
    write(db);
  } finally {
    db.close();
  }
}

/**
 * Replaces the demo site's settings (merged over the defaults when the server reads them, as for a
 * site saved before a setting existed). The server reads the site from the store on every
 * handshake and `site:config`, so the next page load uses them; no restart is needed.
 */
export function setDemoSiteSettings(server: RunningServer, settings: Partial<SiteSettings>): void {
  withDatabase(server, (db) =>
    db.prepare('UPDATE sites SET settings = ? WHERE key = ?').run(JSON.stringify(settings), DEMO.siteKey),
  );
}

/** Sets an agent's picture (by email); their next messages carry it. */
export function setAgentAvatar(server: RunningServer, email: string, avatarUrl: string | null): void {
  withDatabase(server, (db) => db.prepare('UPDATE agents SET avatar_url = ? WHERE email = ?').run(avatarUrl, email));
}
