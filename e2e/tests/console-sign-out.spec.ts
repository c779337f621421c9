import { expect, type Page, test, type WebSocketRoute } from '@playwright/test';
import { axeViolations, signIn } from '../support/console-page.js';
import type { TestShopper } from '../support/console-shopper.js';
import { useConsoleSuite } from '../support/console-suite.js';
import { DEMO } from '../support/server.js';

/**
 * Signing out on purpose with unsent work: the console asks first, naming what would be lost.
 * Cancel keeps the draft and the pending reply (sent once the socket is back); confirming discards
 * both from the tab, so the same agent signing in again there finds no draft and the reply never
 * reaches the shopper. With nothing unsent, Sign out goes straight to the sign-in screen.
 */

test.use({ actionTimeout: 10_000 });

const suite = useConsoleSuite();

const inbox = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const rowOf = (page: Page, conversationId: string) => inbox(page).locator(`[data-conversation-id="${conversationId}"]`);
const messages = (page: Page) => page.getByRole('region', { name: 'Messages' });
const stored = (page: Page, text: string) => messages(page).locator('[data-seq]').filter({ hasText: text });
const replyBox = (page: Page) => page.getByRole('textbox', { name: 'Reply', exact: true });
const connection = (page: Page) => page.locator('.top-bar__connection');
const signOutButton = (page: Page) => page.getByRole('button', { name: 'Sign out', exact: true });
const confirmation = (page: Page) => page.getByRole('dialog', { name: 'Sign out with unsent work?' });
const signInHeading = (page: Page) => page.getByRole('heading', { name: 'Sign in to the console' });

/**
 * Lets a test cut the console's socket (socket.io's long-polling and its WebSocket) while the HTTP
 * API still answers, so a reply stays unsent and signing out still reaches the server. Chromium's
 * offline emulation would cut both, and does not reliably close an open WebSocket.
 */
async function socketSwitch(page: Page) {
  let cut = false;
  const open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (cut) return void ws.close();
    open.add({ page: ws, server: ws.connectToServer() });
  });
  await page.route(/\/socket\.io\//, (route) => (cut ? route.abort('internetdisconnected') : route.continue()));
  return {
    async cut() {
      cut = true;
      for (const { page: pageSide, server } of open) {
        await server.close();
        await pageSide.close();
      }
      open.clear();
    },
    restore() {
      cut = false;
    },
  };
}

/** The texts of agent messages the shopper receives, in order. */
function agentTextsReceivedBy(shopper: TestShopper): string[] {
  const texts: string[] = [];
  shopper.socket.on('message:created', ({ message }) => {
    if (message.author.kind === 'agent') texts.push(message.text);
  });
  return texts;
}

/** Opens a shopper's chat, cuts the socket, sends a reply (it stays "Sending…") and types a draft. */
async function leaveUnsentWork(page: Page, shopperName: string, reply: string, draft: string) {
  const socket = await socketSwitch(page);
  const shopper = await suite.newShopper();
  const received = agentTextsReceivedBy(shopper);
  const conversation = await shopper.start({ name: shopperName });
  await shopper.send(conversation.id, 'My blender stopped working.');
  await signIn(page, suite.server.url);
  await rowOf(page, conversation.id).click();
  await expect(messages(page)).toContainText('My blender stopped working.');
  await expect(connection(page)).toHaveText('Connected');

  await socket.cut();
  await expect(connection(page)).toHaveText('Offline: reconnecting…');
  await replyBox(page).fill(reply);
  await replyBox(page).press('Enter');
  await expect(messages(page).locator('li').filter({ hasText: reply })).toContainText('Sending…');
  await replyBox(page).fill(draft);
  return { socket, shopper, received, conversation };
}

test('with a draft and an unsent reply, Sign out asks first; Cancel keeps both and the reply is sent once', async ({
  page,
}) => {
  const reply = 'A courier will collect it on Monday.';
  const draft = 'Please keep the original box.';
  const { socket, shopper, received } = await leaveUnsentWork(page, 'Ada Lin', reply, draft);

  await signOutButton(page).click();
  const dialog = confirmation(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveText(['1 reply has not been sent yet.', '1 draft is unfinished.']);
  await expect(dialog).toHaveAccessibleDescription(
    '1 reply has not been sent yet. 1 draft is unfinished. Signing out discards this unsent work from this browser.',
  );
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Sign out and discard' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // Escape cancels, and the focus goes back to Sign out.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(signOutButton(page)).toBeFocused();
  // So does Cancel (Tab stays inside the dialog on the way).
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Sign out and discard' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);

  // Still signed in, the draft in the composer and the reply still pending.
  await expect(page.getByText('Signed in as Demo Agent')).toBeVisible();
  await expect(replyBox(page)).toHaveValue(draft);
  await expect(messages(page).locator('li').filter({ hasText: reply })).toContainText('Sending…');

  // Back online, the reply goes out by itself; then the draft is sent too, and each arrives once.
  socket.restore();
  await expect(connection(page)).toHaveText('Connected', { timeout: 20_000 });
  await expect(stored(page, reply)).toHaveCount(1);
  // Only what is still unsent is named: the draft.
  await signOutButton(page).click();
  await expect(dialog.getByRole('listitem')).toHaveText(['1 draft is unfinished.']);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await replyBox(page).press('Enter');
  await shopper.waitFor('message:created', ({ message }) => message.text === draft);
  expect(received).toEqual([reply, draft]);
  await expect(stored(page, reply)).toHaveCount(1);
  await expect(stored(page, draft)).toHaveCount(1);
});

test('confirming discards both: the agent signing in again in the tab finds no draft, the reply never arrives', async ({
  page,
}) => {
  const reply = 'This reply must never arrive.';
  const draft = 'This draft must not come back.';
  const { socket, shopper, received, conversation } = await leaveUnsentWork(page, 'Bo Wang', reply, draft);
  const storedKeys = () =>
    page.evaluate(() => Object.keys(sessionStorage).filter((key) => /^aftercare:console-(outbox|draft):/.test(key)));
  await expect.poll(storedKeys).toHaveLength(2);

  await signOutButton(page).click();
  await confirmation(page).getByRole('button', { name: 'Sign out and discard' }).click();
  await expect(signInHeading(page)).toBeVisible();
  // Nothing is left in the tab to resend, or to read on a shared computer.
  expect(await storedKeys()).toEqual([]);

  socket.restore();
  await page.getByLabel('Email').fill(DEMO.agentEmail);
  await page.getByLabel('Password').fill(DEMO.agentPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(connection(page)).toHaveText('Connected');
  await expect(rowOf(page, conversation.id)).toBeVisible();
  await expect(inbox(page).locator('[data-draft]')).toHaveCount(0);
  await rowOf(page, conversation.id).click();
  await expect(messages(page)).toContainText('My blender stopped working.');
  await expect(replyBox(page)).toHaveValue('');

  // A reply sent now arrives; the discarded one, which would have been resent right after the
  // connect, before this one, did not.
  const barrier = 'Sent after signing in again.';
  await replyBox(page).fill(barrier);
  await replyBox(page).press('Enter');
  await shopper.waitFor('message:created', ({ message }) => message.text === barrier);
  expect(received).toEqual([barrier]);
  await expect(stored(page, barrier)).toHaveCount(1);
  await expect(messages(page).getByText(reply)).toHaveCount(0);
});

test('with nothing unsent, Sign out goes straight to the sign-in screen', async ({ page }) => {
  const shopper = await suite.newShopper();
  const conversation = await shopper.start({ name: 'Cai Yun' });
  await shopper.send(conversation.id, 'The kettle leaks.');
  await signIn(page, suite.server.url);
  await rowOf(page, conversation.id).click();
  await replyBox(page).fill('Please send a photo of the base.');
  await replyBox(page).press('Enter');
  await expect(stored(page, 'Please send a photo of the base.')).toHaveCount(1);
  // Spaces, and the note mode with nothing typed, are no unsent work.
  await page.getByRole('button', { name: 'Internal note' }).click();
  await page.getByRole('textbox', { name: 'Internal note (only agents see it)' }).fill('   ');

  await signOutButton(page).click();
  await expect(signInHeading(page)).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a sign-out the server never got keeps the agent signed in with their work, says so, and can be retried', async ({
  page,
}) => {
  const shopper = await suite.newShopper();
  const conversation = await shopper.start({ name: 'Dai Ming' });
  await shopper.send(conversation.id, 'The toaster sparks.');
  await signIn(page, suite.server.url);
  await rowOf(page, conversation.id).click();
  const draft = 'Please unplug it until the courier comes.';
  await replyBox(page).fill(draft);

  // The sign-out request does not reach the server (offline, a proxy down): the session is still valid.
  let refuse = true;
  await page.route('**/api/auth/logout', (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
  await signOutButton(page).click();
  await confirmation(page).getByRole('button', { name: 'Sign out and discard' }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'Could not sign out' });
  await expect(failure).toHaveText(
    'Could not sign out: the server did not answer. You are still signed in; try again.',
  );
  await expect(signOutButton(page)).toHaveAccessibleDescription(/Could not sign out/);
  await expect(signInHeading(page)).toHaveCount(0);
  await expect(page.getByText('Signed in as Demo Agent')).toBeVisible();
  await expect(replyBox(page)).toHaveValue(draft);
  expect(await axeViolations(page)).toEqual([]);
  // The server agrees: a reload finds the agent signed in.
  expect((await page.request.get(`${suite.server.url}/api/auth/me`)).status()).toBe(200);

  // Once the server answers, the same button signs out and discards the draft.
  refuse = false;
  await signOutButton(page).click();
  await confirmation(page).getByRole('button', { name: 'Sign out and discard' }).click();
  await expect(signInHeading(page)).toBeVisible();
  expect((await page.request.get(`${suite.server.url}/api/auth/me`)).status()).toBe(401);
  expect(
    await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('aftercare:console-draft:'))),
  ).toEqual([]);
});
