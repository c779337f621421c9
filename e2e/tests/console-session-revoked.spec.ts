import { expect, type Page, test } from '@playwright/test';
import { signIn } from '../support/console-page.js';
import { connectShopper, type TestShopper } from '../support/console-shopper.js';
import { DEMO, type RunningServer, startServer } from '../support/server.js';

/**
 * A console that was offline while its session was revoked elsewhere (issue 6): coming back, its
 * recovering connection is refused, it shows the sign-in screen saying why, and once the agent
 * signs in again it reopens the conversation it had open, caught up from storage, and sends the
 * reply the agent wrote while offline (kept in the tab's storage, stored once).
 */

test.use({ actionTimeout: 10_000 });

let server: RunningServer;
let shopper: TestShopper;

test.beforeAll(async () => {
  server = await startServer();
  shopper = await connectShopper(server.url);
});

test.afterAll(async () => {
  shopper?.close();
  await server?.stop();
});

const rowOf = (page: Page, conversationId: string) =>
  page.getByRole('navigation', { name: 'Conversations' }).locator(`[data-conversation-id="${conversationId}"]`);
const messages = (page: Page) => page.getByRole('region', { name: 'Messages' });
const connection = (page: Page) => page.locator('.top-bar__connection');

test('a session revoked while offline sends the console to sign-in, and signing in resumes the conversation', async ({
  page,
  context,
  browser,
}) => {
  const conversation = await shopper.start({ name: 'Away Alice' });
  await shopper.send(conversation.id, 'Before the console went offline');
  await signIn(page, server.url);
  await rowOf(page, conversation.id).click();
  await expect(messages(page)).toContainText('Before the console went offline');
  await expect(connection(page)).toHaveText('Connected');
  // A live event gives the console an offset, so coming back it asks socket.io to recover the connection.
  await shopper.send(conversation.id, 'Seen live');
  await expect(messages(page).locator('[data-seq]').filter({ hasText: 'Seen live' })).toHaveCount(1);

  await context.setOffline(true);
  await expect(connection(page)).toHaveText('Offline: reconnecting…');
  const composer = page.getByRole('textbox', { name: 'Reply' });
  await composer.fill('Written by the agent while offline');
  await composer.press('Enter');
  await expect(messages(page).getByText('Written by the agent while offline')).toBeVisible();
  const replied = shopper.waitFor(
    'message:created',
    ({ message }) => message.text === 'Written by the agent while offline',
    30_000,
  );

  // While it is away: the shopper writes, and the agent signs out everywhere from another browser.
  await shopper.send(conversation.id, 'Written while the console was away');
  const elsewhere = await browser.newContext();
  try {
    const login = await elsewhere.request.post(`${server.url}/api/auth/login`, {
      data: { email: DEMO.agentEmail, password: DEMO.agentPassword },
    });
    expect(login.status()).toBe(200);
    expect((await elsewhere.request.post(`${server.url}/api/auth/logout-everywhere`)).status()).toBe(204);
  } finally {
    await elsewhere.close();
  }

  await context.setOffline(false);
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Your session has ended. Sign in again.' })).toBeVisible();
  // Nothing of the conversation stays on screen behind the sign-in form.
  await expect(page.getByText('Written while the console was away')).toHaveCount(0);

  await page.getByLabel('Email').fill(DEMO.agentEmail);
  await page.getByLabel('Password').fill(DEMO.agentPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(connection(page)).toHaveText('Connected');
  await expect(rowOf(page, conversation.id)).toHaveAttribute('aria-current', /.+/);
  await expect(messages(page)).toContainText('Written while the console was away');
  // The reply from before the sign-in went out once the console was connected again.
  expect((await replied).message.author.kind).toBe('agent');
  await expect(messages(page).locator('[data-seq]')).toHaveCount(4);
  await expect(
    messages(page).locator('[data-seq]').filter({ hasText: 'Written by the agent while offline' }),
  ).toHaveCount(1);

  // Live again: the next message arrives without a reload.
  await shopper.send(conversation.id, 'Back in touch');
  await expect(messages(page).locator('[data-seq]').filter({ hasText: 'Back in touch' })).toHaveCount(1);
});
