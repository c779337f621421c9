import { expect, type Page, test } from '@playwright/test';
import { signIn } from '../support/console-page.js';
import { connectShopper, type TestShopper } from '../support/console-shopper.js';
import { type RunningServer, startServer } from '../support/server.js';

test.use({ actionTimeout: 10_000 });

let server: RunningServer;
const shoppers: TestShopper[] = [];

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  for (const shopper of shoppers) shopper.close();
  await server?.stop();
});

async function newShopper(visitorToken?: string): Promise<TestShopper> {
  const shopper = await connectShopper(server.url, { visitorToken });
  shoppers.push(shopper);
  return shopper;
}

const rowOf = (page: Page, conversationId: string) =>
  page.getByRole('navigation', { name: 'Conversations' }).locator(`[data-conversation-id="${conversationId}"]`);
const messages = (page: Page) => page.getByRole('region', { name: 'Messages' });
const connection = (page: Page) => page.locator('.top-bar__connection');

test('after a server restart the console reconnects, resends the pending reply and catches up', async ({ page }) => {
  const shopper = await newShopper();
  const conversation = await shopper.start({ name: 'Offline Olga' });
  await shopper.send(conversation.id, 'Before the restart');
  await signIn(page, server.url);
  await rowOf(page, conversation.id).click();
  await expect(messages(page)).toContainText('Before the restart');

  const port = new URL(server.url).port;
  await server.stop({ keepData: true });
  await expect(connection(page)).toHaveText('Offline: reconnecting…');

  // A reply typed while offline stays pending rather than being lost.
  const composer = page.getByRole('textbox', { name: 'Reply' });
  await composer.fill('Typed while offline');
  await composer.press('Enter');
  await expect(messages(page).locator('[data-pending="sending"]')).toHaveText('Sending…');

  server = await startServer({ dataDir: server.dataDir, env: { PORT: port } });
  await expect(connection(page)).toHaveText('Connected', { timeout: 20_000 });
  await expect(messages(page).locator('[data-pending]')).toHaveCount(0);
  await expect(messages(page).locator('[data-seq]').filter({ hasText: 'Typed while offline' })).toHaveCount(1);

  // The shopper comes back too and writes; the console shows it without a reload.
  const back = await newShopper(shopper.session.visitorToken);
  await back.send(conversation.id, 'After the restart');
  await expect(messages(page).locator('[data-seq]').filter({ hasText: 'After the restart' })).toHaveCount(1);
  await expect(messages(page).locator('[data-seq]')).toHaveCount(3);

  // The restarted server had forgotten presence (an unseen agent starts offline); the console
  // announced the remembered status again, so the team panel shows this agent online.
  const self = page.getByRole('region', { name: 'Team' }).locator('tr', { hasText: '(you)' });
  await expect(self).toContainText('Online');
  await expect(page.getByLabel('Your status')).toHaveValue('online');
});
