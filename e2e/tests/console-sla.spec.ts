import { DEFAULT_SERVICE_PROMISES } from '@aftercare/shared';
import { expect, test } from '@playwright/test';
import { addAgent, consoleParts, signInInNewContext } from '../support/console-agents.js';
import { axeViolations, signIn } from '../support/console-page.js';
import { connectShopper, type TestShopper } from '../support/console-shopper.js';
import { type RunningServer, startServer } from '../support/server.js';
import { setDemoSiteSettings } from '../support/widget-sites.js';

/**
 * Service promises (issue 5 item 5): a chat shows when its first reply is due and turns red once
 * overdue; left unresolved for two days (the server's test clock), it escalates, and the
 * supervisor sees it in the Escalated view and in the alerts bell; a plain agent sees neither.
 */

test.use({ actionTimeout: 10_000 });

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let server: RunningServer;
let shopper: TestShopper;

test.beforeAll(async () => {
  server = await startServer({ env: { TEST_CLOCK: '1', ESCALATION_SCAN_MS: '200' } });
  // Always open (no business hours), a two-minute first-reply target, escalation after two days.
  setDemoSiteSettings(server, { servicePromises: { ...DEFAULT_SERVICE_PROMISES, firstReplyMinutes: 2 } });
  shopper = await connectShopper(server.url);
});

test.afterAll(async () => {
  shopper?.close();
  await server?.stop();
});

async function advanceServerClock(ms: number): Promise<void> {
  const response = await fetch(`${server.url}/api/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  });
  expect(response.status).toBe(200);
}

test('a new chat is due, then overdue; after two days it escalates to the supervisor', async ({ page, browser }) => {
  // The console's clock is fixed from the start (its modules read `Date.now` once), and moved on below.
  await page.clock.setFixedTime(Date.now());
  await signIn(page, server.url);
  const chat = await shopper.start({ name: 'Vera Shopper', email: 'vera@example.com' });
  await shopper.send(chat.id, 'My kettle stopped heating.');
  expect(chat.firstReplyDueAt).toBe(chat.createdAt + 2 * MINUTE);

  const row = consoleParts.rowOf(page, chat.id);
  await expect(row.locator('[data-promise="firstReply"]')).toHaveText(/^Reply due in 2 min$/);
  await expect(row.locator('[data-promise="firstReply"]')).toHaveAttribute('data-state', 'on-track');

  // Three minutes later for the console (timers keep running, so the rows' ticker redraws).
  await page.clock.setFixedTime(Date.now() + 3 * MINUTE);
  await expect(row.locator('[data-promise="firstReply"]')).toHaveText(/^Reply overdue by \d+ min$/, {
    timeout: 20_000,
  });
  await expect(row.locator('[data-promise="firstReply"]')).toHaveAttribute('data-state', 'overdue');
  await row.click();
  const header = page.locator('.conversation-header');
  await expect(header.locator('[data-promise="firstReply"]')).toHaveText(/^Reply overdue by/);
  await expect(header.locator('[data-promise="resolution"]')).toHaveText(/^Resolve within/);

  // No alerts yet; the bell is there for the admin.
  const bell = page.getByRole('button', { name: /^Alerts/ });
  await expect(bell).toHaveAccessibleName('Alerts');

  await advanceServerClock(2 * DAY);
  await expect(bell).toHaveAccessibleName(/^Alerts\s*1\s*unread$/);
  await expect(header.locator('[data-escalated]')).toHaveText('Escalated');

  const escalatedTab = page.getByRole('tab', { name: /^Escalated/ });
  await escalatedTab.click();
  await expect(escalatedTab.locator('[data-count]')).toHaveAttribute('data-count', '1');
  await expect(consoleParts.rowOf(page, chat.id).locator('[data-escalated]')).toBeVisible();

  await bell.click();
  const panel = page.getByRole('region', { name: 'Alerts', exact: true });
  const alert = panel.getByRole('button', { name: /Chat with Vera Shopper unresolved: escalated/ });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Unread');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();

  await bell.click();
  await alert.click();
  await expect(bell).toHaveAccessibleName('Alerts');
  await expect(page.locator('#conversation-title')).toHaveText('Vera Shopper');

  // A plain agent gets neither the bell nor the Escalated view.
  const ann = await addAgent(server, { name: 'Ann', email: 'ann@demo.aftercare.test' });
  const { context, page: annPage } = await signInInNewContext(browser, server.url, ann);
  try {
    await expect(consoleParts.tab(annPage, 'All open')).toBeVisible();
    await expect(annPage.getByRole('tab', { name: /^Escalated/ })).toHaveCount(0);
    await expect(annPage.getByRole('button', { name: /^Alerts/ })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
