import { expect, type Page, test } from '@playwright/test';
import { signIn } from '../support/console-page.js';
import { useConsoleSuite } from '../support/console-suite.js';

const suite = useConsoleSuite();

/** 30 s offline, plus the time to notice and reconnect. */
test.setTimeout(90_000);

const OFFLINE_MS = 30_000;

const rowOf = (page: Page, conversationId: string) =>
  page.getByRole('navigation', { name: 'Conversations' }).locator(`[data-conversation-id="${conversationId}"]`);
const messages = (page: Page) => page.getByRole('region', { name: 'Messages' });

test("an agent's browser offline for 30 s while the shopper writes shows every message after, once, in order, without a reload", async ({
  page,
  context,
}) => {
  const shopper = await suite.newShopper();
  const conversation = await shopper.start({ name: 'Patchy Wifi Pat' });
  await shopper.send(conversation.id, 'Hello before the outage');
  await signIn(page, suite.server.url);
  await rowOf(page, conversation.id).click();
  await expect(messages(page).locator('[data-seq]')).toHaveText([/Hello before the outage/]);
  // A reload would lose this marker: it proves the page at the end is the same page.
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });

  await context.setOffline(true);
  const wentOffline = Date.now();
  const sent: string[] = [];
  // The shopper keeps writing during the outage, spread over the 30 seconds.
  for (let i = 1; i <= 6; i++) {
    const text = `During the outage ${i}`;
    await shopper.send(conversation.id, text);
    sent.push(text);
    await page.waitForTimeout(OFFLINE_MS / 7);
  }
  // Nothing can have reached the offline page.
  await expect(messages(page).locator('[data-seq]')).toHaveCount(1);
  await page.waitForTimeout(Math.max(0, OFFLINE_MS - (Date.now() - wentOffline)));
  await context.setOffline(false);

  // All of them, each once, in the order sent, without a reload.
  const expected = ['Hello before the outage', ...sent];
  await expect(messages(page).locator('[data-seq] .message__text')).toHaveText(expected, { timeout: 30_000 });
  await expect(page.locator('.top-bar__connection')).toHaveText('Connected');
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // Live again: the next message arrives as it is sent, and the inbox row is up to date.
  await shopper.send(conversation.id, 'After the outage');
  await expect(messages(page).locator('[data-seq] .message__text')).toHaveText([...expected, 'After the outage']);
  const seqs = await messages(page)
    .locator('[data-seq]')
    .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-seq'))));
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(seqs.length);
});
