import { expect, type Page, test } from '@playwright/test';
import { axeViolations, signIn } from '../support/console-page.js';
import { useConsoleSuite } from '../support/console-suite.js';

test.use({ actionTimeout: 10_000 });

const suite = useConsoleSuite();
const messages = (page: Page) => page.getByRole('region', { name: 'Messages' });
const row = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: new RegExp(name) });

test('an internal note is marked in the console and never reaches the shopper', async ({ page }) => {
  const shopper = await suite.newShopper();
  const conversation = await shopper.start({ name: 'Note Taker' });
  await shopper.send(conversation.id, 'My kettle leaks.');
  await signIn(page, suite.server.url);
  await page.getByRole('tab', { name: /^All open/ }).click();
  await row(page, 'Note Taker').click();
  await expect(messages(page)).toContainText('My kettle leaks.');

  // Switch the composer to a note: it says so, and Enter adds the note.
  const toggle = page.getByRole('button', { name: 'Internal note' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const noteBox = page.getByRole('textbox', { name: 'Internal note (only agents see it)' });
  await noteBox.fill('Second leak report this month; offer a replacement.');
  await noteBox.press('Enter');
  const note = messages(page).locator('[data-seq]').filter({ hasText: 'Second leak report' });
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('Internal note');
  await expect(note.locator('[data-receipt]')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  // Back to replies: the shopper gets the reply, and never the note.
  await toggle.click();
  const reply = page.getByRole('textbox', { name: 'Reply' });
  await reply.fill('We will send you a replacement.');
  await reply.press('Enter');
  const received = await shopper.waitFor('message:created', ({ message }) => message.author.kind === 'agent');
  expect(received.message.text).toBe('We will send you a replacement.');
  const synced = await shopper.socket.emitWithAck('messages:sync', { conversationId: conversation.id, afterSeq: 0 });
  expect('data' in synced && synced.data.messages.map((message) => message.text)).toEqual([
    'My kettle leaks.',
    'We will send you a replacement.',
  ]);
});
