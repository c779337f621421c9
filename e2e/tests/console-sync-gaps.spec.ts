import { expect, type Page, test } from '@playwright/test';
import { signIn } from '../support/console-page.js';
import { useConsoleSuite } from '../support/console-suite.js';

/**
 * The console fills a gap in the open conversation as soon as a live message reveals it, without
 * waiting for a reconnect: with several server processes a broadcast can be delayed or, should the
 * relay fail, lost.
 */

const suite = useConsoleSuite();

const rowOf = (page: Page, conversationId: string) =>
  page.getByRole('navigation', { name: 'Conversations' }).locator(`[data-conversation-id="${conversationId}"]`);
const messages = (page: Page) => page.getByRole('region', { name: 'Messages' });

test("a shopper's message whose live event was lost shows once the next one reveals the gap", async ({ page }) => {
  let webSockets = 0;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    webSockets++;
    const server = ws.connectToServer();
    server.onMessage((frame) => {
      if (typeof frame === 'string' && frame.includes('"message:created"') && frame.includes('Lost message')) return;
      ws.send(frame);
    });
  });
  const shopper = await suite.newShopper();
  const conversation = await shopper.start({ name: 'Gap Gail' });
  await shopper.send(conversation.id, 'First message');
  await signIn(page, suite.server.url);
  await rowOf(page, conversation.id).click();
  await expect(messages(page).locator('[data-seq] .message__text')).toHaveText(['First message']);
  // socket.io starts on long-polling and moves to the WebSocket, where frames can be dropped.
  await expect.poll(() => webSockets).toBe(1);
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });

  await shopper.send(conversation.id, 'Lost message');
  await shopper.send(conversation.id, 'Next message');
  await expect(messages(page).locator('[data-seq] .message__text')).toHaveText([
    'First message',
    'Lost message',
    'Next message',
  ]);
  await expect(page.locator('.top-bar__connection')).toHaveText('Connected');
  expect(webSockets).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});
