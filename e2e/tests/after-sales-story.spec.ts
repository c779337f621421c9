import { expect, type Page, test } from '@playwright/test';
import { addAgent, signInInNewContext } from '../support/console-agents.js';
import { axeViolations } from '../support/console-page.js';
import { pngFile } from '../support/sample-files.js';
import { type RunningServer, startServer } from '../support/server.js';
import { panel, startChat } from '../support/widget-page.js';

/**
 * The whole after-sales story of issue 5, in real browsers: a shopper on the demo product page
 * reports a fault with a photo; the agent turns the chat into a repair ticket, where the warranty
 * check offers repair; the ticket moves through its statuses and the shopper sees each change in
 * the widget; on close the shopper rates 2 of 5 with a comment; the supervisor is alerted and the
 * report shows the rating under that agent and product; the follow-up falls due when its time
 * comes (the server's test clock moves three days on).
 */

test.use({ actionTimeout: 15_000 });
test.setTimeout(180_000);

const DAY = 86_400_000;
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ env: { TEST_CLOCK: '1' } });
});
test.afterAll(async () => {
  await server?.stop();
});

const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

async function advanceClock(ms: number): Promise<void> {
  const response = await fetch(`${server.url}/api/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  });
  expect(response.status).toBe(200);
}

/** What the shopper reads about their repair in the widget. */
const repairs = (page: Page) => panel(page).getByRole('region', { name: 'Your repairs' });

test('fault with a photo → repair ticket → statuses seen by the shopper → low rating → alert, report, follow-up', async ({
  page,
  browser,
}) => {
  const ada = await addAgent(server, { name: 'Ada Agent', email: 'ada@demo.aftercare.test' });
  const sam = await addAgent(server, { name: 'Sam Supervisor', email: 'sam@demo.aftercare.test', role: 'supervisor' });
  const agentConsole = await signInInNewContext(browser, server.url, ada);
  const supervisorConsole = await signInInNewContext(browser, server.url, sam);
  const agent = agentConsole.page;
  const supervisor = supervisorConsole.page;

  try {
    // The shopper reports the fault on the product page, with a photo.
    await page.goto(`${server.url}/demo/`);
    await startChat(page, 'Chen Jing', 'chen.jing@example.com');
    await panel(page)
      .locator('input[type=file]')
      .setInputFiles({
        name: 'no-charge-light.png',
        mimeType: 'image/png',
        buffer: pngFile(160, 120),
      });
    await expect(panel(page).getByText('no-charge-light.png is ready to send')).toBeAttached();
    await panel(page).getByLabel('Your message').fill('My vacuum does not charge any more, see the photo.');
    await panel(page).getByRole('button', { name: 'Send' }).click();

    // Routing gives the chat to Ada (the only agent online); she turns it into a repair ticket.
    const row = agent.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /Chen Jing/ });
    await row.click();
    await expect(agent.getByRole('region', { name: 'Messages' })).toContainText('does not charge any more');
    await agent.getByRole('button', { name: 'Create repair ticket' }).click();
    const dialog = agent.getByRole('dialog', { name: 'New repair ticket' });
    await expect(dialog).toContainText('Nimbus V12 Cordless Vacuum Cleaner');
    await expect(dialog.getByRole('checkbox')).toBeChecked(); // the chat's photo is picked
    await dialog.getByLabel('Purchase date').fill(daysAgo(60));
    // Two months after purchase: repair only (refund 7 days, replacement 15 days).
    await expect(dialog.locator('.warranty-check__remedy--allowed')).toHaveText([/^✓ Repair: covered until/]);
    await dialog.getByLabel('Serial number').fill('NV12-0042');
    await dialog.getByRole('button', { name: 'Create ticket' }).click();
    await agent.getByRole('link', { name: /^Ticket R-000001/ }).click();
    const ticket = agent.getByRole('article', { name: /R-000001/ });
    await expect(
      ticket.getByRole('region', { name: 'Photos' }).getByRole('img', { name: 'no-charge-light.png' }),
    ).toBeVisible();

    // Each move reaches the shopper's widget, in the shopper's words.
    await expect(repairs(page)).toContainText("We've registered your repair");
    const steps: [string, string][] = [
      ['Diagnosed', "We've checked it and know what to do"],
      ['In repair', 'Being repaired'],
      ['Repaired', 'Repaired, getting ready to return'],
      ['Returned to customer', "It's on its way back to you"],
      ['Closed', 'Done'],
    ];
    for (const [status, shopperWords] of steps) {
      await ticket.getByRole('button', { name: `Mark as ${status}` }).click();
      await expect(repairs(page).locator('.rp-s')).toHaveText(shopperWords);
    }

    // Closed: the widget asks for a rating of the repair; the shopper gives 2 of 5 with a comment.
    const card = panel(page).getByRole('region', { name: 'How was the repair of R-000001?' });
    await expect(card).toBeVisible();
    await card.getByRole('radio', { name: '2 stars: unhappy' }).check();
    await card.getByLabel('Anything you would like to tell us? (optional)').fill('Took two weeks and nobody called.');
    await card.getByRole('button', { name: 'Send rating' }).click();
    await expect(card.getByRole('status')).toContainText('You rated 2 of 5.');
    expect(await axeViolations(page)).toEqual([]);

    // The supervisor is alerted at once.
    await expect(supervisor.getByRole('region', { name: 'Low rating alerts' })).toContainText('Low rating: 2 of 5');

    // The report shows the rating under Ada and under the product.
    await supervisor.getByRole('banner').getByRole('link', { name: 'Reports' }).click();
    const byAgent = supervisor
      .getByRole('region', { name: 'By agent' })
      .getByRole('row')
      .filter({ hasText: 'Ada Agent' });
    await expect(byAgent).toContainText('2.00');
    const byProduct = supervisor
      .getByRole('region', { name: 'By product' })
      .getByRole('row')
      .filter({ hasText: 'Nimbus V12 Cordless Vacuum Cleaner' });
    await expect(byProduct).toContainText('2.00');
    expect(await axeViolations(supervisor)).toEqual([]);

    // The follow-up call falls due three days after closing.
    await agent.getByRole('banner').getByRole('link', { name: 'Follow-ups' }).click();
    const followUps = agent.getByRole('main', { name: 'Follow-ups' });
    await expect(followUps.getByText('No follow-up is due.', { exact: false })).toBeVisible();
    await advanceClock(3 * DAY + 60_000);
    await followUps.getByRole('button', { name: 'Upcoming' }).click();
    await followUps.getByRole('button', { name: 'Due' }).click();
    await expect(followUps.getByRole('row', { name: /R-000001/ })).toContainText('1 of 2');
  } finally {
    await agentConsole.context.close();
    await supervisorConsole.context.close();
  }
});
