import type { Site } from '@aftercare/shared';
import { hashPassword } from '../domain/agents/passwords.js';
import type { Clock } from '../domain/clock.js';
import type { Store } from '../domain/store.js';
import { newId } from '../lib/tokens.js';

/** What the demo consists of; printed at start and used by the browser tests. */
export const DEMO = {
  tenantId: 'demo',
  siteKey: 'demo-shop',
  siteName: 'Aftercare Demo Shop',
  agentEmail: 'agent@demo.aftercare.test',
  agentPassword: 'aftercare-demo',
  agentName: 'Demo Agent',
} as const;

/**
 * Creates the demo site and agent unless they exist, so a first `npm start` has something to
 * click. Idempotent: later starts (and several processes starting at once) change nothing.
 */
export async function seedDemo(
  store: Store,
  clock: Clock,
  options: { publicUrl: string },
): Promise<{ created: boolean; site: Site }> {
  const existing = await store.sites.getByKey(DEMO.siteKey);
  if (existing) return { created: false, site: existing };
  const now = clock.now();
  const site = await store.sites.create({
    id: newId(),
    tenantId: DEMO.tenantId,
    key: DEMO.siteKey,
    name: DEMO.siteName,
    // The demo page is served by this server; any other origin must be added by the site owner.
    allowedOrigins: [new URL(options.publicUrl).origin],
    createdAt: now,
  });
  if (!(await store.agents.getByEmail(DEMO.agentEmail))) {
    await store.agents.create({
      id: newId(),
      tenantId: DEMO.tenantId,
      email: DEMO.agentEmail,
      name: DEMO.agentName,
      role: 'admin',
      passwordHash: await hashPassword(DEMO.agentPassword),
      createdAt: now,
    });
  }
  return { created: true, site };
}
