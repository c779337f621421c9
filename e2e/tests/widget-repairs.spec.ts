import type { Ticket } from '@aftercare/shared';
import { expect, test } from '@playwright/test';
import { axeViolations } from '../support/axe.js';
import { launcher, panel, sendMessage, startChat } from '../support/widget-page.js';
import { useWidgetSuite } from '../support/widget-suite.js';

/**
 * The shopper follows their repair in the widget (issue 5 item 4): the ticket's number and status
 * in their own words, news when it changes — live, with the panel closed, and on a later visit.
 */

const suite = useWidgetSuite();
const aMonthAgo = () => new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

test('the shopper sees their repair and each change of its status, also on a later visit', async ({ page }) => {
  await page.goto(`${suite.server.url}/demo/`);
  await startChat(page);
  await sendMessage(page, 'My vacuum stopped charging after a month');
  await expect.poll(() => suite.agent.received.some((message) => message.text.includes('stopped charging'))).toBe(true);
  const conversationId = suite.agent.received.find((message) =>
    message.text.includes('stopped charging'),
  )!.conversationId;

  // The agent turns the chat into a ticket: the widget shows it at once.
  const { ticket: created } = await suite.agent.request('ticket:create', {
    conversationId,
    fault: 'Does not charge',
    purchaseDate: aMonthAgo(),
    remedy: 'repair',
    category: 'warranty',
  });
  const repairs = panel(page).getByRole('region', { name: 'Your repairs' });
  await expect(repairs).toContainText(`Repair ${created.number} · Nimbus V12 Cordless Vacuum Cleaner`);
  await expect(repairs).toContainText("We've registered your repair");
  expect(await axeViolations(page)).toEqual([]);

  // A change while the panel is closed: the launcher's badge counts it, the panel marks it "Updated".
  await page.keyboard.press('Escape');
  await expect(panel(page)).toBeHidden();
  let ticket: Ticket = (
    await suite.agent.request('ticket:move', { ticketId: created.id, version: created.version, to: 'diagnosed' })
  ).ticket;
  await expect(launcher(page)).toHaveAccessibleName(/1 unread/);
  await launcher(page).click();
  await expect(repairs).toContainText("We've checked it and know what to do");
  await expect(repairs.getByText('Updated')).toBeVisible();
  await expect(
    repairs.getByRole('list', { name: `Progress of repair ${created.number}` }).getByRole('listitem'),
  ).toHaveCount(2);
  expect(await axeViolations(page)).toEqual([]);
  // Seen: the news goes after a moment.
  await expect(repairs.getByText('Updated')).toBeHidden({ timeout: 10_000 });

  // Changes while the shopper is away show as news on their next visit, in a fresh page.
  await page.close();
  ticket = (await suite.agent.request('ticket:move', { ticketId: ticket.id, version: ticket.version, to: 'in_repair' }))
    .ticket;
  const later = await page.context().newPage();
  await later.goto(`${suite.server.url}/demo/`);
  // An unfinished repair makes the loader start the app at once, so the badge shows unopened.
  await expect(launcher(later)).toHaveAccessibleName(/1 unread/);
  await launcher(later).click();
  const again = panel(later).getByRole('region', { name: 'Your repairs' });
  await expect(again).toContainText('Being repaired');
  await expect(again.getByText('Updated')).toBeVisible();
});
