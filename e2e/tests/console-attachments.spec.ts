import { expect, type Page, test } from '@playwright/test';
import { axeViolations, signIn } from '../support/console-page.js';
import { useConsoleSuite } from '../support/console-suite.js';
import { pdfFile, pngFile } from '../support/sample-files.js';
import { connectAgent } from '../support/widget-agent.js';
import { panel, sendMessage, startChat } from '../support/widget-page.js';

/**
 * An agent attaches files in the console: a PDF reaches the shopper's widget as a download link,
 * an image in an internal note shows for agents only, and everything stays axe-clean.
 */

test.use({ actionTimeout: 10_000 });

const suite = useConsoleSuite();
const messages = (page: Page) => page.getByRole('region', { name: 'Messages' });

test('the agent sends a PDF and the shopper gets a download link; a note with an image stays with agents', async ({
  page,
  browser,
}) => {
  // Someone online, so the shopper gets the pre-chat form rather than the offline one.
  const online = await connectAgent(suite.server.url);
  await online.request('presence:set', { status: 'online' });
  const shopperContext = await browser.newContext();
  suite.contexts.push(shopperContext);
  const shopper = await shopperContext.newPage();
  await shopper.goto(`${suite.server.url}/demo/`);
  await startChat(shopper, 'Quote Seeker');
  await sendMessage(shopper, 'How much would the repair cost?');
  online.close();

  await signIn(page, suite.server.url);
  await page.getByRole('tab', { name: /^All open/ }).click();
  await page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('button', { name: /Quote Seeker/ })
    .click();
  await expect(messages(page)).toContainText('How much would the repair cost?');

  // Attach through the button's file picker; the upload shows, then Send takes text and file.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles({ name: 'repair-quote.pdf', mimeType: 'application/pdf', buffer: pdfFile() });
  await expect(page.getByText('repair-quote.pdf is ready to send')).toBeAttached();
  const reply = page.getByRole('textbox', { name: 'Reply' });
  await reply.fill('Here is the quote.');
  await reply.press('Enter');
  await expect(messages(page).getByRole('link', { name: /^repair-quote\.pdf/ })).toBeVisible();

  // The shopper sees a download link with the name and size, opening in a new tab.
  const link = panel(shopper).getByRole('link', { name: /^repair-quote\.pdf \(\d/ });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('rel', 'noopener');
  const href = await link.getAttribute('href');
  const download = await fetch(href!);
  expect(download.headers.get('content-type')).toBe('application/pdf');
  expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="repair-quote.pdf"/);
  expect(await axeViolations(shopper)).toEqual([]);

  // A note with a pasted image: shown inline for agents, never sent to the shopper.
  await page.getByRole('button', { name: 'Internal note' }).click();
  const noteBox = page.getByRole('textbox', { name: 'Internal note (only agents see it)' });
  await page.locator('input[type=file]').setInputFiles({
    name: 'bench-test.png',
    mimeType: 'image/png',
    buffer: pngFile(90, 60),
  });
  await expect(page.getByText('bench-test.png is ready to send')).toBeAttached();
  await noteBox.press('Enter');
  const note = messages(page)
    .locator('[data-seq]')
    .filter({ has: page.getByRole('img', { name: 'bench-test.png' }) });
  await expect(note).toContainText('Internal note');
  await expect
    .poll(() => note.getByRole('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth))
    .toBe(90);
  expect(await axeViolations(page)).toEqual([]);
  await expect(panel(shopper).getByRole('img', { name: 'bench-test.png' })).toHaveCount(0);
});

test('a file over the limit is refused in the console before any upload', async ({ page }) => {
  const shopper = await suite.newShopper();
  const conversation = await shopper.start({ name: 'Limit Tester' });
  await shopper.send(conversation.id, 'Hello');
  await signIn(page, suite.server.url);
  await page.getByRole('tab', { name: /^All open/ }).click();
  await page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('button', { name: /Limit Tester/ })
    .click();
  // Ten megabytes cross the DevTools protocol as base64: slow on a busy machine.
  await page
    .locator('input[type=file]')
    .setInputFiles(
      { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) },
      { timeout: 60_000 },
    );
  await expect(page.getByRole('alert').filter({ hasText: 'scan.pdf' })).toHaveText('scan.pdf is larger than 10 MB.');
});

test('a file attached in one chat stays with it while the agent looks at another, upload and all', async ({ page }) => {
  const [first, second] = [await suite.newShopper(), await suite.newShopper()];
  const kettle = await first.start({ name: 'Kettle Owner' });
  await first.send(kettle.id, 'The kettle lid broke.');
  const toaster = await second.start({ name: 'Toaster Owner' });
  await second.send(toaster.id, 'The toaster will not pop up.');
  await signIn(page, suite.server.url);
  const row = (id: string) =>
    page.getByRole('navigation', { name: 'Conversations' }).locator(`[data-conversation-id="${id}"]`);
  const attachedFile = page.getByText('lid-photo.png', { exact: false });

  // The upload is held on the way, so it is still running when the agent switches chats.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/attachments', async (route) => {
    await held;
    await route.continue();
  });
  await row(kettle.id).click();
  await expect(messages(page)).toContainText('The kettle lid broke.');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'lid-photo.png', mimeType: 'image/png', buffer: pngFile(40, 30) });
  await expect(attachedFile.first()).toBeVisible();

  // Another chat's composer has no file; the upload goes on meanwhile.
  await row(toaster.id).click();
  await expect(messages(page)).toContainText('The toaster will not pop up.');
  await expect(attachedFile).toHaveCount(0);
  release();

  // Back in the first chat the file is there, uploaded, and goes out with the reply.
  await row(kettle.id).click();
  await expect(messages(page)).toContainText('The kettle lid broke.');
  await expect(page.getByText('lid-photo.png is ready to send')).toBeAttached();
  const reply = page.getByRole('textbox', { name: 'Reply' });
  await reply.fill('Is this the lid you mean?');
  await reply.press('Enter');
  await first.waitFor('message:created', ({ message }) => message.attachments?.[0]?.name === 'lid-photo.png');
  await expect(messages(page).getByRole('img', { name: 'lid-photo.png' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // The other shopper never got it, and that chat's composer is still empty.
  await row(toaster.id).click();
  await expect(messages(page)).toContainText('The toaster will not pop up.');
  await expect(page.getByText(/is ready to send|Uploading/)).toHaveCount(0);
  await expect(messages(page).getByRole('img', { name: 'lid-photo.png' })).toHaveCount(0);
});
