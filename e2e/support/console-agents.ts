import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AgentRole } from '@aftercare/shared';
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { hashPassword } from '../../server/src/domain/agents/passwords.js';
import { DEMO, type RunningServer } from './server.js';

/** The demo data's tenant (server/src/demo/demo-data.ts); agents added here join it. */
const DEMO_TENANT = 'demo';

export interface TestAgent {
  id: string;
  name: string;
  email: string;
  password: string;
  role: AgentRole;
}

/**
 * Adds an agent to a running server's SQLite file. There is no admin API for agents yet; the
 * database runs in WAL mode with a busy timeout, so a second connection may write while the
 * server runs, and the server reads agents from the store at sign-in (no cache to go stale).
 */
export async function addAgent(
  server: RunningServer,
  agent: { name: string; email: string; password?: string; role?: AgentRole },
): Promise<TestAgent> {
  const created: TestAgent = {
    id: randomUUID(),
    name: agent.name,
    email: agent.email,
    password: agent.password ?? 'second-agent-password',
    role: agent.role ?? 'agent',
  };
  const db = new Database(path.join(server.dataDir, 'aftercare.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(
      `INSERT INTO agents (id, tenant_id, email, name, role, password_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      created.id,
      DEMO_TENANT,
      created.email,
      created.name,
      created.role,
      await hashPassword(created.password),
      Date.now(),
    );
  } finally {
    db.close();
  }
  return created;
}

/** The id of the agent a signed-in page belongs to, from `GET /api/auth/me`. */
export async function signedInAgentId(page: Page, baseUrl: string): Promise<string> {
  const res = await page.request.get(`${baseUrl}/api/auth/me`);
  const body = (await res.json()) as { agent: { id: string } };
  return body.agent.id;
}

/**
 * Opens a console in a browser context of its own (its own cookies, so its own agent) and signs
 * in; resolves once the inbox is shown and the socket is connected.
 */
export async function signInInNewContext(
  browser: Browser,
  baseUrl: string,
  credentials: { email: string; password: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  return { context, page };
}

/** Locators the routing tests share. */
export const consoleParts = {
  inbox: (page: Page) => page.getByRole('navigation', { name: 'Conversations' }),
  rowOf: (page: Page, conversationId: string) =>
    page.getByRole('navigation', { name: 'Conversations' }).locator(`[data-conversation-id="${conversationId}"]`),
  tab: (page: Page, name: 'Unassigned' | 'Mine' | 'All open' | 'Resolved') =>
    page.getByRole('tab', { name: new RegExp(`^${name}`) }),
  /** The count shown on a view's tab, as a number attribute (absent until the list loaded). */
  count: (page: Page, name: 'Unassigned' | 'Mine' | 'All open' | 'Resolved') =>
    page.getByRole('tab', { name: new RegExp(`^${name}`) }).locator('[data-count]'),
  team: (page: Page) => page.getByRole('region', { name: 'Team' }),
  status: (page: Page) => page.getByLabel('Your status'),
};

/**
 * Two consoles side by side, each in its own browser context: Alice (the demo admin) and `other`.
 * The contexts go into `contexts`, which the suite closes after the file.
 */
export async function openTwoConsoles(
  browser: Browser,
  baseUrl: string,
  other: TestAgent,
  contexts: BrowserContext[],
): Promise<{ a: Page; b: Page; aliceId: string }> {
  const alice = await signInInNewContext(browser, baseUrl, { email: DEMO.agentEmail, password: DEMO.agentPassword });
  const second = await signInInNewContext(browser, baseUrl, other);
  contexts.push(alice.context, second.context);
  return { a: alice.page, b: second.page, aliceId: await signedInAgentId(alice.page, baseUrl) };
}
