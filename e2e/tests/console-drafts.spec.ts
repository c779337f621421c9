import { expect, type Page, test } from '@playwright/test';
import { addAgent, type TestAgent } from '../support/console-agents.js';
import { axeViolations, signIn } from '../support/console-page.js';
import { useConsoleSuite } from '../support/console-suite.js';
import { DEMO } from '../support/server.js';

/**
 * Drafts: what the agent typed and did not send stays with its conversation (text and note mode)
 * through switching chats, a reload and signing in again in the tab, is marked in the inbox, and
 * is gone once sent. A colleague signing in at the same tab sees none of it. (Signing out on
 * purpose discards them: see console-sign-out.spec.ts.)
 */

test.use({ actionTimeout: 10_000 });

let colleague: TestAgent;
const suite = useConsoleSuite(async (server) => {
  colleague = await addAgent(server, { name: 'Sam Sun', email: 'sam@demo.aftercare.test', role: 'supervisor' });
});

const inbox = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const rowOf = (page: Page, conversationId: string) => inbox(page).locator(`[data-conversation-id="${conversationId}"]`);
const draftMark = (page: Page, conversationId: string) => rowOf(page, conversationId).locator('[data-draft]');
const messages = (page: Page) => page.getByRole('region', { name: 'Messages' });
const replyBox = (page: Page) => page.getByRole('textbox', { name: 'Reply', exact: true });
const noteBox = (page: Page) => page.getByRole('textbox', { name: 'Internal note (only agents see it)' });
const noteToggle = (page: Page) => page.getByRole('button', { name: 'Internal note' });

async function signInAs(page: Page, credentials: { email: string; password: string }) {
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(inbox(page)).toBeVisible();
}

test('a reply and a note survive switching chats and a reload, are marked in the inbox, and are sent once', async ({
  page,
}) => {
  const ada = await suite.newShopper();
  const parcel = await ada.start({ name: 'Ada Lin' });
  await ada.send(parcel.id, 'My blender stopped working.');
  const bo = await suite.newShopper();
  const lost = await bo.start({ name: 'Bo Wang' });
  await bo.send(lost.id, 'Where is my parcel?');
  await signIn(page, suite.server.url);

  // A reply typed in Ada's chat…
  await rowOf(page, parcel.id).click();
  await expect(messages(page)).toContainText('My blender stopped working.');
  await replyBox(page).fill('A courier will collect it on Monday.');

  // …is not in Bo's, and Ada's row says Draft (in its accessible name too).
  await rowOf(page, lost.id).click();
  await expect(messages(page)).toContainText('Where is my parcel?');
  await expect(replyBox(page)).toHaveValue('');
  await expect(noteToggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(rowOf(page, parcel.id)).toHaveAccessibleName(/^Ada Lin.*\bDraft\b/);
  await expect(draftMark(page, lost.id)).toHaveCount(0);

  // A note in Bo's chat; back in Ada's the reply is there, still a reply.
  await noteToggle(page).click();
  await noteBox(page).fill('Carrier lost it; resend.');
  await rowOf(page, parcel.id).click();
  await expect(replyBox(page)).toHaveValue('A courier will collect it on Monday.');
  await expect(noteToggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(draftMark(page, lost.id)).toBeVisible();
  // The open chat's draft is in the composer, not marked on its row.
  await expect(draftMark(page, parcel.id)).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  // A reload keeps both.
  await page.reload();
  await expect(draftMark(page, parcel.id)).toBeVisible();
  await expect(draftMark(page, lost.id)).toBeVisible();
  await rowOf(page, lost.id).click();
  await expect(noteToggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(noteBox(page)).toHaveValue('Carrier lost it; resend.');

  // Sending the note stores it once and leaves no draft (the composer stays in note mode).
  await noteBox(page).press('Enter');
  await expect(messages(page).locator('[data-seq]').filter({ hasText: 'Carrier lost it' })).toHaveCount(1);
  await expect(noteBox(page)).toHaveValue('');
  await rowOf(page, parcel.id).click();
  await expect(replyBox(page)).toHaveValue('A courier will collect it on Monday.');
  await expect(draftMark(page, lost.id)).toHaveCount(0);

  // Sending the reply with the button: the shopper gets it, it shows once, the draft is gone.
  const received = ada.waitFor('message:created', ({ message }) => message.author.kind === 'agent');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  expect((await received).message.text).toBe('A courier will collect it on Monday.');
  await expect(messages(page).locator('[data-seq]').filter({ hasText: 'A courier will collect it' })).toHaveCount(1);
  await expect(replyBox(page)).toHaveValue('');

  // Nothing comes back after another reload.
  await page.reload();
  await expect(rowOf(page, lost.id)).toBeVisible();
  await expect(rowOf(page, parcel.id)).toBeVisible();
  await expect(inbox(page).locator('[data-draft]')).toHaveCount(0);
  await rowOf(page, parcel.id).click();
  await expect(messages(page)).toContainText('A courier will collect it on Monday.');
  await expect(replyBox(page)).toHaveValue('');
});

test('after the session ended, the same agent signing in again in the tab finds the draft, a colleague there does not', async ({
  page,
  browser,
}) => {
  const shopper = await suite.newShopper();
  const conversation = await shopper.start({ name: 'Cai Yun' });
  await shopper.send(conversation.id, 'The kettle leaks.');
  const other = await (await suite.newShopper()).start({ name: 'Dee Zhou' });
  await signIn(page, suite.server.url);
  await rowOf(page, conversation.id).click();
  await replyBox(page).fill('Please send a photo of the base.');
  await rowOf(page, other.id).click();
  await expect(draftMark(page, conversation.id)).toBeVisible();

  // The session ends by itself (signed out everywhere from another browser): drafts are kept.
  // Signing out here on purpose would discard them (see console-sign-out.spec.ts).
  const elsewhere = await browser.newContext();
  try {
    const login = await elsewhere.request.post(`${suite.server.url}/api/auth/login`, {
      data: { email: DEMO.agentEmail, password: DEMO.agentPassword },
    });
    expect(login.status()).toBe(200);
    expect((await elsewhere.request.post(`${suite.server.url}/api/auth/logout-everywhere`)).status()).toBe(204);
  } finally {
    await elsewhere.close();
  }
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();

  // A colleague signs in at the same tab: no draft of the agent's shows.
  await signInAs(page, colleague);
  await expect(rowOf(page, conversation.id)).toBeVisible();
  await expect(inbox(page).locator('[data-draft]')).toHaveCount(0);
  await rowOf(page, conversation.id).click();
  await expect(messages(page)).toContainText('The kettle leaks.');
  await expect(replyBox(page)).toHaveValue('');

  // The agent signs in again (the colleague, with nothing unsent, is signed out at once): the draft is back.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInAs(page, { email: DEMO.agentEmail, password: DEMO.agentPassword });
  await expect(draftMark(page, conversation.id)).toBeVisible();
  await rowOf(page, conversation.id).click();
  await expect(replyBox(page)).toHaveValue('Please send a photo of the base.');
});
