import path from 'node:path';
import type { SiteSettings } from '@aftercare/shared';
import { type Browser, expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { addAgent, signInInNewContext, type TestAgent } from '../support/console-agents.js';
import { axeViolations } from '../support/console-page.js';
import { useConsoleSuite } from '../support/console-suite.js';
import { DEMO } from '../support/server.js';

test.use({ actionTimeout: 10_000 });

let supervisor: TestAgent;
const suite = useConsoleSuite(async (server) => {
  supervisor = await addAgent(server, { name: 'Sam Sun', email: 'sam@demo.aftercare.test', role: 'supervisor' });
});

/** The demo site's settings as the server stored them (a read on a second connection; WAL mode). */
function storedDemoSettings(): Partial<SiteSettings> {
  const db = new Database(path.join(suite.server.dataDir, 'aftercare.db'), { readonly: true });
  try {
    const row = db.prepare('SELECT settings FROM sites WHERE key = ?').get(DEMO.siteKey) as { settings: string };
    return JSON.parse(row.settings) as Partial<SiteSettings>;
  } finally {
    db.close();
  }
}

/** Signs in as the demo admin and opens Settings → Sites with the demo site's form. */
async function openSites(
  browser: Browser,
  credentials: { email: string; password: string } = { email: DEMO.agentEmail, password: DEMO.agentPassword },
) {
  const { context, page } = await signInInNewContext(browser, suite.server.url, credentials);
  suite.contexts.push(context);
  await page.getByRole('banner').getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Sites' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeVisible();
  return page;
}

const termsOf = (page: Page) => page.getByRole('group', { name: 'After-sales terms' });

test('an admin sets the after-sales terms, which are stored and shown again after a reload', async ({ browser }) => {
  const page = await openSites(browser);
  const terms = termsOf(page);
  await terms.scrollIntoViewIfNeeded();

  // Client-side check: a follow-up window that ends before it starts is refused beside the field.
  await terms.getByLabel('First call from day').fill('6');
  await terms.getByLabel('First call on time until day').fill('5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(terms.getByText('The window must end on or after the day it starts.')).toBeVisible();
  await expect(terms.getByLabel('First call on time until day')).toHaveAttribute('aria-invalid', 'true');

  await terms.getByLabel('Shop’s local time').selectOption('Asia/Shanghai');
  // Refund: 0 days, then not offered under warranty.
  await terms.getByLabel('Refund (days)', { exact: true }).fill('0');
  await terms.getByRole('checkbox', { name: 'Refund (days): offered under warranty' }).uncheck();
  await expect(terms.getByLabel('Refund (days)', { exact: true })).toBeDisabled();
  await terms.getByLabel('Repair (months)', { exact: true }).fill('24');
  // A category with its own repair term, added with the keyboard.
  await terms.getByRole('button', { name: 'Add category' }).focus();
  await page.keyboard.press('Enter');
  await terms.getByLabel('Category name, row 1').fill('Phones');
  await terms.getByLabel('Phones: Repair (months)').fill('6');

  await terms.getByLabel('First reply (business hours), hours').fill('2');
  await terms.getByLabel('First reply (business hours), minutes', { exact: true }).fill('0');
  await terms.getByLabel('VIP: First reply (business hours), minutes').fill('30');
  await terms.getByLabel('First call from day').fill('2');
  await terms.getByLabel('First call on time until day').fill('5');
  await terms.getByLabel('Alert supervisors at or below').selectOption('3');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved “/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // The store carries the terms in the server's shape.
  const stored = storedDemoSettings();
  expect(stored.timeZone).toBe('Asia/Shanghai');
  expect(stored.warranty).toEqual({
    refundDays: null,
    replaceDays: 15,
    repairMonths: 24,
    byCategory: { Phones: { repairMonths: 6 } },
  });
  expect(stored.servicePromises).toMatchObject({ firstReplyMinutes: 120, byTier: { vip: { firstReplyMinutes: 30 } } });
  expect(stored.followUps).toMatchObject({ firstAfterDays: 2, firstWithinDays: 5 });
  expect(stored.ratings).toMatchObject({ alertAtOrBelow: 3 });

  // After a reload the form shows them again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeVisible();
  const again = termsOf(page);
  await expect(again.getByLabel('Shop’s local time')).toHaveValue('Asia/Shanghai');
  await expect(again.getByRole('checkbox', { name: 'Refund (days): offered under warranty' })).not.toBeChecked();
  await expect(again.getByLabel('Repair (months)', { exact: true })).toHaveValue('24');
  await expect(again.getByLabel('Category name, row 1')).toHaveValue('Phones');
  await expect(again.getByLabel('Phones: Repair (months)')).toHaveValue('6');
  await expect(again.getByLabel('Phones: Refund (days)')).toHaveValue('');
  await expect(again.getByLabel('First reply (business hours), hours')).toHaveValue('2');
  await expect(again.getByLabel('First reply (business hours), minutes', { exact: true })).toHaveValue('0');
  await expect(again.getByLabel('VIP: First reply (business hours), minutes')).toHaveValue('30');
  await expect(again.getByLabel('Gold: First reply (business hours), minutes')).toHaveValue('');
  await expect(again.getByLabel('First call from day')).toHaveValue('2');
  await expect(again.getByLabel('First call on time until day')).toHaveValue('5');
  await expect(again.getByLabel('Alert supervisors at or below')).toHaveValue('3');
  expect(await axeViolations(page)).toEqual([]);
});

test('a supervisor reads the after-sales terms but cannot change them', async ({ browser }) => {
  const page = await openSites(browser, supervisor);
  const terms = termsOf(page);
  await expect(terms.getByLabel('Shop’s local time')).toBeDisabled();
  await expect(terms.getByLabel('First call from day')).toBeDisabled();
  await expect(terms.getByRole('button', { name: 'Add category' })).toBeDisabled();
});
