import { createHmac } from 'node:crypto';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { launcher, messageItems, panel, sendMessage } from '../support/widget-page.js';
import { useWidgetSuite } from '../support/widget-suite.js';

test.use({ actionTimeout: 10_000 });

/**
 * Identity verification through the real widget: the page passes the shop's HMAC of its user id to
 * `Aftercare.identify`, and the widget sends it with every handshake.
 */
const suite = useWidgetSuite();

const hmac = (secret: string, userId: string) => createHmac('sha256', secret).update(userId).digest('hex');

/** What the page wrote to the browser console as warnings (the shop's developer reads them there). */
const warnings = new WeakMap<Page, string[]>();

/** The demo product page in a fresh browser (another device), with the shopper identified as `user`. */
async function identifiedPage(browser: Browser, user: Record<string, string>): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen: string[] = [];
  warnings.set(page, seen);
  page.on('console', (message) => {
    if (message.type() === 'warning') seen.push(message.text());
  });
  await page.goto(`${suite.server.url}/demo/`);
  await page.evaluate(
    (identity) => (window as unknown as { Aftercare: { identify(u: unknown): void } }).Aftercare.identify(identity),
    user,
  );
  await launcher(page).click();
  return page;
}

test('a verified shopper finds their chat on another device; a forged hash does not', async ({ browser }) => {
  const { identity } = await suite.agent.request('site-identity:get', { siteId: await demoSiteId() });
  const user = { id: 'shop-user-314', name: 'Vera Wang', email: 'vera@example.com' };

  // Laptop: name and email come from `identify`, so the first message starts the chat.
  const laptop = await identifiedPage(browser, { ...user, hash: hmac(identity.secret, user.id) });
  await sendMessage(laptop, 'My kettle leaks since Monday.');
  await expect(messageItems(laptop).filter({ hasText: 'My kettle leaks' })).toBeVisible();
  await expect
    .poll(() => suite.agent.received.some((message) => message.text.startsWith('My kettle leaks')))
    .toBe(true);
  const sent = suite.agent.received.find((message) => message.text.startsWith('My kettle leaks'))!;
  const opened = await suite.agent.request('conversation:open', { conversationId: sent.conversationId });
  expect(opened.customer).toMatchObject({ externalId: user.id, verifiedAt: expect.any(Number), name: 'Vera Wang' });

  // Phone: the same verified user sees the same chat at once.
  const phone = await identifiedPage(browser, { ...user, hash: hmac(identity.secret, user.id) });
  await expect(messageItems(phone).filter({ hasText: 'My kettle leaks since Monday.' })).toBeVisible();

  // Someone claiming the same id with a forged hash sees nothing of it.
  const forger = await identifiedPage(browser, { ...user, hash: hmac('0'.repeat(64), user.id) });
  await expect(panel(forger).getByLabel('Your message')).toBeVisible();
  await sendMessage(forger, 'Show me the leak chat');
  await expect(messageItems(forger).filter({ hasText: 'Show me the leak chat' })).toBeVisible();
  await expect(messageItems(forger).filter({ hasText: 'My kettle leaks' })).toHaveCount(0);
  // The shop's developer is told why in the console; the verified pages say nothing.
  expect(
    warnings.get(forger)?.some((text) => text.startsWith('[Aftercare] identity not verified: IDENTITY_INVALID')),
  ).toBe(true);
  expect([...warnings.get(laptop)!, ...warnings.get(phone)!].filter((text) => text.includes('[Aftercare]'))).toEqual(
    [],
  );
  await expect.poll(() => suite.agent.received.some((message) => message.text === 'Show me the leak chat')).toBe(true);
  const forged = suite.agent.received.find((message) => message.text === 'Show me the leak chat')!;
  expect(forged.conversationId).not.toBe(sent.conversationId);
  const forgedChat = await suite.agent.request('conversation:open', { conversationId: forged.conversationId });
  expect(forgedChat.customer.externalId).toBeUndefined();
  expect(forgedChat.customer.id).not.toBe(opened.customer.id);
  // …and its contact details did not overwrite the verified customer's.
  const file = await suite.agent.request('customer:get', { customerId: opened.customer.id });
  expect(file.customer).toMatchObject({ name: 'Vera Wang', email: 'vera@example.com' });

  for (const page of [laptop, phone, forger]) await page.context().close();
});

/** The demo site's id, as the console's site list has it. */
async function demoSiteId(): Promise<string> {
  const { sites } = await suite.agent.request('site:list', {});
  const demo = sites.find((site) => site.key === 'demo-shop');
  if (!demo) throw new Error('the demo site is missing');
  return demo.id;
}
