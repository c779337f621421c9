import { expect, type Page, test } from '@playwright/test';
import { messageItems, sendMessage, startChat } from '../support/widget-page.js';
import { useWidgetSuite } from '../support/widget-suite.js';

/**
 * The widget fills a gap in the sequence of a conversation as soon as a live message reveals it,
 * without waiting for a reconnect (with several server processes a broadcast can be delayed or,
 * should the relay fail, lost), and a gap the server vouches for (an internal note, which shoppers
 * never see) is synced once, not again and again.
 */

const suite = useWidgetSuite();

/** The widget's socket through a proxy that drops server frames matching `drop` and counts its `messages:sync` requests. */
async function proxiedWidget(page: Page, drop: (frame: string) => boolean) {
  const seen = { syncs: 0, connections: 0 };
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    seen.connections++;
    const server = ws.connectToServer();
    ws.onMessage((frame) => {
      if (typeof frame === 'string' && frame.includes('"messages:sync"')) seen.syncs++;
      server.send(frame);
    });
    server.onMessage((frame) => {
      if (typeof frame !== 'string' || !drop(frame)) ws.send(frame);
    });
  });
  return seen;
}

async function conversationOf(text: string): Promise<string> {
  await expect.poll(() => suite.agent.received.find((message) => message.text === text)).toBeTruthy();
  return suite.agent.received.find((message) => message.text === text)!.conversationId;
}

const reply = (conversationId: string, text: string) =>
  suite.agent.request('message:send', { conversationId, clientId: crypto.randomUUID(), text });

test('a reply whose live event was lost shows once the next one reveals the gap, without a reconnect', async ({
  page,
}) => {
  const seen = await proxiedWidget(
    page,
    (frame) => frame.includes('"message:created"') && frame.includes('Lost reply'),
  );
  await page.goto(`${suite.server.url}/demo/`);
  await startChat(page, 'Gap Finder');
  await sendMessage(page, 'My blender hums');
  const conversationId = await conversationOf('My blender hums');
  await suite.agent.request('conversation:open', { conversationId });

  await reply(conversationId, 'Lost reply');
  await reply(conversationId, 'Next reply');
  await expect(messageItems(page).filter({ hasText: 'Next reply' })).toBeVisible();
  await expect(messageItems(page).filter({ hasText: 'Lost reply' })).toBeVisible();
  await expect(messageItems(page)).toHaveText([/My blender hums/, /Lost reply/, /Next reply/]);
  expect(seen.connections).toBe(1);
});

test('the gap an internal note leaves is synced once, not again with every later reply', async ({ page }) => {
  const seen = await proxiedWidget(page, () => false);
  await page.goto(`${suite.server.url}/demo/`);
  await startChat(page, 'Note Skipper');
  await sendMessage(page, 'My kettle whistles');
  const conversationId = await conversationOf('My kettle whistles');
  await suite.agent.request('conversation:open', { conversationId });
  await expect.poll(() => seen.syncs).toBeGreaterThan(0); // The catch-up after the start.
  const before = seen.syncs;

  await suite.agent.request('note:add', {
    conversationId,
    clientId: crypto.randomUUID(),
    text: 'Warranty ends next week',
  });
  await reply(conversationId, 'Which model is it?');
  await expect(messageItems(page).filter({ hasText: 'Which model is it?' })).toBeVisible();
  // The reply came after a sequence the shopper cannot see: one sync asks, and learns it is a note.
  await expect.poll(() => seen.syncs).toBe(before + 1);

  await reply(conversationId, 'And when did you buy it?');
  await expect(messageItems(page).filter({ hasText: 'And when did you buy it?' })).toBeVisible();
  await page.waitForTimeout(2_000); // Longer than the widget waits before syncing a gap.
  expect(seen.syncs).toBe(before + 1);
  await expect(messageItems(page).filter({ hasText: 'Warranty ends next week' })).toHaveCount(0);
});
