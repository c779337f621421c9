import { expect, type Page, test } from '@playwright/test';
import { signIn } from '../support/console-page.js';
import { connectShopper } from '../support/console-shopper.js';
import { useConsoleSuite } from '../support/console-suite.js';

test.use({ actionTimeout: 10_000 });

const suite = useConsoleSuite();

const rowOf = (page: Page, conversationId: string) =>
  page.getByRole('navigation', { name: 'Conversations' }).locator(`[data-conversation-id="${conversationId}"]`);
const messages = (page: Page) => page.getByRole('region', { name: 'Messages' });

test('scrolling up loads older history without gaps or doubles', async ({ page }) => {
  const shopper = await suite.newShopper();
  const conversation = await shopper.start({ name: 'Long Talker' });
  const total = 260; // more than the newest page `conversation:open` returns (200)
  for (let i = 1; i <= total; i++) await shopper.send(conversation.id, `line ${i}`);

  await signIn(page, suite.server.url);
  await rowOf(page, conversation.id).click();
  await expect(messages(page)).toContainText(`line ${total}`);
  const items = messages(page).locator('[data-seq]');
  const shown = await items.count();
  expect(shown).toBeLessThan(total);

  // Scrolling to the top loads the previous page; repeat until the start of the conversation shows.
  await expect(async () => {
    await messages(page).evaluate((el) => {
      el.scrollTop = 0;
    });
    await expect(messages(page).getByText('Start of the conversation')).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(items).toHaveCount(total);
  const texts = await items.locator('.message__text').allTextContents();
  expect(texts).toEqual(Array.from({ length: total }, (_, i) => `line ${i + 1}`));
});

test('the open views hold every open conversation, past one server page', async ({ page }) => {
  const count = 205; // more than one `conversation:list` page (200)
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    // Closed at once: the conversation stays open, and 200 idle sockets would only slow the server.
    const shopper = await connectShopper(suite.server.url);
    ids.push((await shopper.start({ name: `Paging ${i}` })).id);
    shopper.close();
  }
  await signIn(page, suite.server.url);
  const allOpen = page.getByRole('tab', { name: /^All open/ });
  await allOpen.click();
  // The earlier test's chat is open too.
  await expect(allOpen.locator('[data-count]')).toHaveAttribute('data-count', String(count + 1));
  const rows = page.getByRole('navigation', { name: 'Conversations' }).locator('[data-conversation-id]');
  await expect(rows).toHaveCount(count + 1);
  const shown = await rows.evaluateAll((elements) => elements.map((el) => el.getAttribute('data-conversation-id')));
  expect(new Set(shown).size).toBe(shown.length);
  expect(shown).toEqual(expect.arrayContaining(ids));
});
