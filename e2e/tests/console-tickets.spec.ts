import { expect, type Page, test } from '@playwright/test';
import { axeViolations, signIn } from '../support/console-page.js';
import { useConsoleSuite } from '../support/console-suite.js';
import { pngFile } from '../support/sample-files.js';

test.use({ actionTimeout: 10_000 });

const suite = useConsoleSuite();

const inboxRow = (page: Page, conversationId: string) =>
  page.getByRole('navigation', { name: 'Conversations' }).locator(`[data-conversation-id="${conversationId}"]`);

/** A date `days` ago as the date input wants it (the demo site counts days in UTC). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test('an agent turns a chat into a repair ticket, checks the warranty and moves it along; the shopper is told', async ({
  page,
}) => {
  const shopper = await suite.newShopper();
  const chat = await shopper.start({ name: 'Zhou Min', product: { name: 'Aurora X2 espresso machine', sku: 'AX2' } });
  await shopper.send(chat.id, 'The pump grinds and no water comes out.');

  await signIn(page, suite.server.url);
  await inboxRow(page, chat.id).click();
  await page.getByRole('button', { name: 'Create repair ticket' }).click();
  const dialog = page.getByRole('dialog', { name: 'New repair ticket' });
  // Prefilled from the chat: the product and the shopper's own words.
  await expect(dialog).toContainText('Aurora X2 espresso machine (AX2)');
  await expect(dialog.getByLabel('Fault description *')).toHaveValue('The pump grinds and no water comes out.');
  await expect(dialog.getByLabel('Fault description *')).toBeFocused();

  // Bought two months ago: only repair is still covered; a refund needs a reason to be free.
  await dialog.getByLabel('Purchase date').fill(daysAgo(60));
  await expect(dialog.locator('.warranty-check__remedy--allowed')).toHaveText([/Repair: covered until/]);
  await dialog.getByLabel('Serial number').fill('SN-2024-0042');
  await dialog.getByRole('radio', { name: 'Refund' }).check();
  await expect(
    dialog.getByText('The warranty does not cover Refund for this purchase.', { exact: false }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Create ticket' }).click();
  await expect(dialog.getByText('Give a reason for the exception.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole('radio', { name: 'Repair' }).check();
  // A photo of the shop's own inspection, added in the dialog (images only).
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'inspection.png', mimeType: 'image/png', buffer: pngFile(40, 30) });
  await expect(dialog.locator('[data-status="done"]')).toContainText('inspection.png');
  await dialog.getByRole('button', { name: 'Create ticket' }).click();

  // The header now links to the ticket; its number is announced for the agent to pass on.
  const link = page.getByRole('link', { name: 'Ticket R-000001: Registered' });
  await expect(link).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Ticket R-000001 created.' })).toBeAttached();
  // The customer file lists it too, with a link.
  const fileTickets = page
    .getByRole('complementary', { name: 'Customer details' })
    .getByRole('region', { name: 'Repair tickets' });
  await expect(fileTickets.getByRole('link', { name: 'R-000001' })).toBeVisible();
  await expect(fileTickets).toContainText('Registered');
  await link.click();

  const detail = page.getByRole('article', { name: /R-000001/ });
  await expect(detail.getByRole('heading', { name: 'R-000001 · Aurora X2 espresso machine' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tickets' })).toContainText('R-000001');
  await expect(
    detail.getByRole('region', { name: 'Photos' }).getByRole('img', { name: 'inspection.png' }),
  ).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Ask for rating' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // Only the workflow's next steps are offered; each move reaches the shopper's widget.
  await expect(detail.getByRole('button', { name: /^Mark as/ })).toHaveText(['Mark as Diagnosed', 'Mark as Cancelled']);
  await detail.getByLabel('Note with the change (optional)').fill('Pump seal worn');
  await detail.getByRole('button', { name: 'Mark as Diagnosed' }).click();
  const told = await shopper.waitFor('ticket:updated', (event) => event.ticket.status === 'diagnosed');
  expect(told.ticket.number).toBe('R-000001');
  expect(JSON.stringify(told)).not.toContain('Pump seal worn');
  await expect(detail.getByRole('button', { name: /^Mark as/ })).toHaveText([
    'Mark as Awaiting parts',
    'Mark as In repair',
    'Mark as Cancelled',
  ]);

  // The repair card and the timeline.
  await detail.getByRole('button', { name: 'Add part' }).click();
  await detail.getByLabel('Part', { exact: true }).fill('Pump seal');
  await detail.getByLabel('Labour (minutes)').fill('45');
  await detail.getByRole('button', { name: 'Save repair card' }).click();
  const timeline = detail.getByRole('region', { name: 'Timeline' });
  await expect(timeline.locator('li')).toHaveText([
    /Demo Agent registered the ticket|registered the ticket/,
    /moved it from Registered to Diagnosed.*Pump seal worn/,
    /updated the repair card \(1 parts, 45 min\)/,
  ]);
  expect(await axeViolations(page)).toEqual([]);

  // The shopper's later visit lists the ticket with its status.
  const later = await suite.newShopper(shopper.session.visitorToken ?? undefined);
  const listed = await new Promise<unknown>((resolve) => later.socket.emit('ticket:list', {}, resolve));
  expect(listed).toMatchObject({ data: { tickets: [{ number: 'R-000001', status: 'diagnosed' }] } });
});
