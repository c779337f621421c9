import { DEFAULT_SITE_SETTINGS, type Site, type SiteSettings } from '@aftercare/shared';
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
 * The demo site's widget: asks for name and email before a chat, greets in both languages, and
 * has no business hours, so the demo always answers (whether anyone is online decides the rest).
 */
export const DEMO_SITE_SETTINGS: SiteSettings = {
  ...DEFAULT_SITE_SETTINGS,
  greeting: {
    en: 'Hi! Questions about your order, a repair or a return? We are here to help.',
    'zh-CN': '您好！订单、维修或退换货有任何问题，我们都乐意帮忙。',
  },
  offlineMessage: {
    en: 'No one is online right now. Leave a message and we will get back to you by email.',
    'zh-CN': '客服暂时不在线。请留言，我们会通过邮件回复您。',
  },
  preChatFields: [
    { field: 'name', required: true },
    { field: 'email', required: true },
  ],
  businessHours: null,
  expectedReplyMinutes: 5,
};

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
    settings: DEMO_SITE_SETTINGS,
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
      active: true,
      // No picture: the console and widget show the initials.
      avatarUrl: null,
      createdAt: now,
    });
  }
  return { created: true, site };
}
