import { expect, type Page, test } from '@playwright/test';
import { addAgent, type TestAgent } from '../support/console-agents.js';
import { axeViolations, signIn } from '../support/console-page.js';
import type { TestShopper } from '../support/console-shopper.js';
import { useConsoleSuite } from '../support/console-suite.js';
import { type TestAgent as AgentSocket, connectAgent } from '../support/widget-agent.js';

test.use({ actionTimeout: 10_000 });

let sam: TestAgent;
let samSocket: AgentSocket | undefined;
const suite = useConsoleSuite(async (server) => {
  sam = await addAgent(server, { name: 'Sam Second', email: 'sam@demo.aftercare.test' });
});
test.afterAll(() => samSocket?.close());

const inbox = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const rowOf = (page: Page, conversationId: string) =>
  inbox(page).locator(`.conversation-row[data-conversation-id="${conversationId}"]`);
const rows = (page: Page) => inbox(page).locator('.conversation-row');
const messages = (page: Page) => page.getByRole('region', { name: 'Messages' });
const results = (page: Page) => page.getByRole('region', { name: 'Search results' });

test('filters by agent and product, searches messages and customers, opens hits, and the waiting-on-customer view follows the chat', async ({
  page,
}) => {
  // Sam is online first, so routing gives him the first chat; the demo agent gets the second.
  samSocket = await connectAgent(suite.server.url, { email: sam.email, password: sam.password });
  await samSocket.request('presence:set', { status: 'online' });
  const vera: TestShopper = await suite.newShopper();
  const kettle = await vera.start({
    name: 'Vera Kettle',
    email: 'vera@kettle.example',
    product: { name: 'Steam Kettle K2', sku: 'K2-BLK' },
  });
  await vera.send(kettle.id, 'The kettle whistles but never boils.');
  await signIn(page, suite.server.url);
  // Routing must know the demo agent is online (and less loaded than Sam) before the next chat starts.
  const self = page.getByRole('region', { name: 'Team' }).locator('tr', { hasText: '(you)' });
  await expect(self).toContainText('Online');
  const li: TestShopper = await suite.newShopper();
  const phone = await li.start({
    name: '李雷',
    email: 'li.lei@example.cn',
    product: { name: 'Phone X 手机', sku: 'PX-1' },
  });
  for (let i = 0; i < 3; i++) await li.send(phone.id, `Earlier message ${i}`);
  await li.send(phone.id, '我的手机屏幕坏了 — the screen is cracked <b>badly</b>');
  for (let i = 0; i < 3; i++) await li.send(phone.id, `Later message ${i}`);

  await page.getByRole('tab', { name: /All open/ }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(rowOf(page, phone.id).locator('[data-assignee]')).toHaveText(/You/);

  // Filter by agent: Sam's chat only; the choice is kept in the address bar.
  await page.locator('#inbox-filter-agent').selectOption({ label: 'Sam Second' });
  await expect(rows(page)).toHaveCount(1);
  await expect(rowOf(page, kettle.id)).toBeVisible();
  expect(new URL(page.url()).searchParams.get('agent')).toBe(sam.id);
  await page.locator('#inbox-filter-agent').selectOption({ label: 'Anyone' });
  await expect(rows(page)).toHaveCount(2);

  // Filter by product: part of the name, or the SKU.
  const product = page.locator('#inbox-filter-product');
  await product.fill('手机');
  await expect(rows(page)).toHaveCount(1);
  await expect(rowOf(page, phone.id)).toBeVisible();
  await product.fill('k2-blk');
  await expect(rows(page)).toHaveCount(1);
  await expect(rowOf(page, kettle.id)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows(page)).toHaveCount(2);

  // `/` focuses the search box; a word in a message finds it, highlighted, rendered as text.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search messages and customers' });
  await expect(box).toBeFocused();
  await box.fill('屏幕');
  await box.press('Enter');
  const hit = results(page).locator(`.search-hit[data-conversation-id="${phone.id}"]`);
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark')).toHaveText('屏幕');
  await expect(hit).toContainText('<b>badly</b>');
  expect(await axeViolations(page)).toEqual([]);

  // Opening the hit opens the conversation scrolled to that message.
  await hit.click();
  const found = messages(page).locator('.message--found');
  await expect(found).toContainText('the screen is cracked');
  await expect(found).toBeInViewport();

  // A customer's email finds the customer; opening the hit opens their chat.
  await box.fill('vera@kettle');
  await box.press('Enter');
  const customerHit = results(page).getByRole('button', { name: 'Open the latest conversation of Vera Kettle' });
  await expect(customerHit).toBeVisible();
  await customerHit.click();
  await expect(messages(page)).toContainText('The kettle whistles but never boils.');

  // Escape clears the search and the inbox is back.
  await box.press('Escape');
  await expect(results(page)).toHaveCount(0);
  await expect(rows(page)).toHaveCount(2);

  // Waiting on customer: the phone chat enters it once the agent replies, and leaves it when the shopper answers.
  const waitingTab = page.getByRole('tab', { name: /Waiting on customer/ });
  await expect(waitingTab.locator('[data-count]')).toHaveAttribute('data-count', '0');
  await rowOf(page, phone.id).click();
  const composer = page.getByRole('textbox', { name: 'Reply' });
  await composer.fill('Please send a photo of the screen.');
  await composer.press('Enter');
  await expect(waitingTab.locator('[data-count]')).toHaveAttribute('data-count', '1');
  await waitingTab.click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rowOf(page, phone.id)).toContainText('Waiting on customer');
  expect(await axeViolations(page)).toEqual([]);
  await li.send(phone.id, 'Here is the photo.');
  await expect(rows(page)).toHaveCount(0);
  await expect(waitingTab.locator('[data-count]')).toHaveAttribute('data-count', '0');
});

test('a search hit far back in a long chat opens the chat scrolled to it, older pages loaded on the way', async ({
  page,
}) => {
  const shopper = await suite.newShopper();
  const conversation = await shopper.start({ name: 'Long Story Lou' });
  await shopper.send(conversation.id, 'My order number is ZX-4471-Q, the fan rattles.');
  for (let i = 0; i < 260; i++) await shopper.send(conversation.id, `Follow-up ${i}`);
  await signIn(page, suite.server.url);
  const box = page.getByRole('searchbox', { name: 'Search messages and customers' });
  await box.fill('zx-4471');
  await box.press('Enter');
  const hit = results(page).locator(`.search-hit[data-conversation-id="${conversation.id}"]`);
  await expect(hit.locator('mark')).toHaveText('ZX-4471');
  await hit.click();
  const found = messages(page).locator('.message--found');
  await expect(found).toHaveAttribute('data-seq', '1');
  await expect(found).toBeInViewport();
  // The whole history between the hit and the newest message is held, each message once.
  await expect(messages(page).locator('[data-seq]')).toHaveCount(261);
});
