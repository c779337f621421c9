import type { Ticket, TicketStatus } from '@aftercare/shared';
import { expect, test } from '@playwright/test';
import { axeViolations, signIn } from '../support/console-page.js';
import { connectShopper, type TestShopper } from '../support/console-shopper.js';
import { type RunningServer, startServer } from '../support/server.js';
import { connectAgent, type TestAgent } from '../support/widget-agent.js';

/**
 * Follow-ups (回访, issue 5 item 6): closing a repair schedules two calls; the console lists the
 * first as due once the (test) clock passes three days, and the agent records the outcome.
 */

test.use({ actionTimeout: 10_000 });

const DAY = 86_400_000;
let server: RunningServer;
let agent: TestAgent;
let shopper: TestShopper;

test.beforeAll(async () => {
  server = await startServer({ env: { TEST_CLOCK: '1' } });
  agent = await connectAgent(server.url);
  shopper = await connectShopper(server.url);
});

test.afterAll(async () => {
  shopper?.close();
  agent?.close();
  await server?.stop();
});

async function advanceClock(ms: number): Promise<void> {
  const response = await fetch(`${server.url}/api/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  });
  expect(response.status).toBe(200);
}

test('a closed repair’s follow-up falls due after three days and the agent records the call', async ({ page }) => {
  const chat = await shopper.start({ name: 'Zhou Min', product: { name: 'Aurora X2 espresso machine', sku: 'AX2' } });
  let { ticket } = await agent.request('ticket:create', {
    conversationId: chat.id,
    fault: 'Leaks under the boiler',
    remedy: 'repair',
    category: 'paid',
  });
  for (const to of ['diagnosed', 'in_repair', 'repaired', 'returned', 'closed'] as TicketStatus[]) {
    ({ ticket } = (await agent.request('ticket:move', { ticketId: ticket.id, version: ticket.version, to })) as {
      ticket: Ticket;
    });
  }

  await signIn(page, server.url);
  await page.getByRole('link', { name: 'Follow-ups' }).click();
  const main = page.getByRole('main', { name: 'Follow-ups' });
  await expect(main.getByText('No follow-up is due.', { exact: false })).toBeVisible();
  await main.getByRole('button', { name: 'Upcoming' }).click();
  await expect(main.getByRole('row', { name: /R-000001/ })).toHaveCount(2);
  await expect(main.getByRole('row', { name: /R-000001/ }).first()).toContainText('Zhou Min');

  await advanceClock(3 * DAY + 60_000);
  await main.getByRole('button', { name: 'Due' }).click();
  await expect(main.getByRole('row', { name: /R-000001/ })).toHaveCount(1);
  await expect(main.getByRole('row', { name: /R-000001/ })).toContainText('1 of 2');
  await main.getByRole('button', { name: 'Record the follow-up call for R-000001' }).click();
  const form = main.getByRole('form', { name: 'Record the follow-up call for R-000001' });
  await form.getByRole('radio', { name: 'The problem persists' }).check();
  await form.getByLabel('Note (optional)').fill('Still a drop under the boiler after a day.');
  expect(await axeViolations(page)).toEqual([]);
  await form.getByRole('button', { name: 'Save outcome' }).click();
  await expect(main.getByRole('status')).toHaveText('The follow-up of R-000001 was recorded.');
  await expect(main.getByText('No follow-up is due.', { exact: false })).toBeVisible();

  await main.getByRole('button', { name: 'Done' }).click();
  const done = main.getByRole('row', { name: /R-000001/ });
  await expect(done).toContainText('The problem persists');
  await expect(done).toContainText('Still a drop under the boiler after a day.');
  expect(await axeViolations(page)).toEqual([]);
});
