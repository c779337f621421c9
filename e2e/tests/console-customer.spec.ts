import { expect, type Page, test } from '@playwright/test';
import { axeViolations, signIn } from '../support/console-page.js';
import { useConsoleSuite } from '../support/console-suite.js';
import { connectAgent } from '../support/widget-agent.js';

test.use({ actionTimeout: 10_000 });

const suite = useConsoleSuite();

const panel = (page: Page) => page.getByRole('complementary', { name: 'Customer details' });
const inboxRow = (page: Page, conversationId: string) =>
  page.getByRole('navigation', { name: 'Conversations' }).locator(`[data-conversation-id="${conversationId}"]`);

test('the customer file: edit contact details, see and open past conversations, accessibly', async ({ page }) => {
  // One shopper, two conversations one after the other: the first resolved by an agent.
  const shopper = await suite.newShopper();
  const first = await shopper.start({ name: 'Wang Fang', product: { name: 'Kettle K1', sku: 'K1' } });
  await shopper.send(first.id, 'My kettle stopped heating.');
  const agent = await connectAgent(suite.server.url);
  await agent.request('conversation:resolve', { conversationId: first.id });
  agent.close();
  const second = await shopper.start({ product: { name: 'Toaster T2', sku: 'T2' } });

  await signIn(page, suite.server.url);
  await inboxRow(page, second.id).click();
  const file = panel(page);
  await expect(file.getByRole('heading', { name: 'Customer' })).toBeVisible();

  // Both conversations listed, newest first; the open one marked as current, the first resolved.
  const listed = file.locator('.past-conversations [data-conversation-id]');
  await expect(listed).toHaveCount(2);
  await expect(listed.nth(0)).toHaveAttribute('data-conversation-id', second.id);
  await expect(listed.nth(0).locator('[aria-current="true"]')).toContainText('Current');
  await expect(listed.nth(1)).toContainText('Resolved');
  await expect(listed.nth(1)).toContainText('Kettle K1');
  await expect(file.locator('.products-mentioned li')).toHaveText([/Toaster T2/, /Kettle K1/]);
  expect(await axeViolations(page)).toEqual([]);

  // Edit the email inline, keyboard only: a bad address is refused by the server and explained.
  await file.getByRole('button', { name: 'Edit contact details' }).click();
  const email = file.getByLabel('Email');
  await expect(file.getByLabel('Name')).toBeFocused();
  await email.fill('not-an-email');
  await email.press('Enter');
  await expect(file.getByText('Enter a valid email address.')).toBeVisible();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
  await expect(email).toHaveAccessibleDescription('Enter a valid email address.');
  expect(await axeViolations(page)).toEqual([]);
  await email.fill('wang.fang@example.com');
  await email.press('Enter');
  await expect(file.locator('dd[data-field="email"]')).toHaveText('wang.fang@example.com');
  await expect(file.getByRole('button', { name: 'Edit contact details' })).toBeFocused();
  await expect(file.locator('dd[data-field="name"]')).toHaveText('Wang Fang');

  // Open the past conversation from the file: it becomes current, and its messages show.
  await listed.nth(1).getByRole('button').click();
  await expect(page.getByRole('region', { name: 'Messages' })).toContainText('My kettle stopped heating.');
  await expect(file.locator(`[data-conversation-id="${first.id}"] [aria-current="true"]`)).toBeVisible();
  await expect(file.locator(`[data-conversation-id="${second.id}"] button`)).toBeVisible();
  // Same customer, so the edited email is still shown.
  await expect(file.locator('dd[data-field="email"]')).toHaveText('wang.fang@example.com');
  expect(await axeViolations(page)).toEqual([]);
});
