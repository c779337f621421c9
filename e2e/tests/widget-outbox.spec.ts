import { expect, test } from '@playwright/test';
import { launcher, messageItems, panel, sendMessage, startChat } from '../support/widget-page.js';
import { useWidgetSuite } from '../support/widget-suite.js';

/**
 * Never lose a message: sends made while offline wait in the outbox (which survives a reload)
 * and arrive exactly once when the connection returns; tabs share the conversation.
 */

const suite = useWidgetSuite();

const receivedTexts = (conversationId: string) =>
  suite.agent.received.filter((message) => message.conversationId === conversationId).map((message) => message.text);

test('messages sent offline arrive once each after the network returns, across a reload', async ({ page, context }) => {
  // Chromium's offline emulation does not reliably cut open WebSockets, so the test also refuses
  // the socket itself while "the network is down" (the page sees the connection fail).
  let networkDown = false;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (networkDown) ws.close();
    else ws.connectToServer();
  });

  await page.goto(`${suite.server.url}/demo/`);
  await startChat(page);
  await sendMessage(page, 'Before the outage');
  await expect.poll(() => suite.agent.received.find((message) => message.text === 'Before the outage')).toBeTruthy();
  const conversationId = suite.agent.received.find((message) => message.text === 'Before the outage')!.conversationId;
  await expect(messageItems(page).filter({ hasText: 'Before the outage' })).toContainText(/Sent|Delivered|Read/);

  networkDown = true;
  await context.setOffline(true);
  await expect(panel(page).getByText('You are offline.')).toBeVisible();
  for (const n of [1, 2, 3]) await sendMessage(page, `Offline message ${n}`);
  await expect(messageItems(page).filter({ hasText: /Offline message \d/ })).toHaveCount(3);
  await expect(messageItems(page).filter({ hasText: 'Waiting for network' })).toHaveCount(3);

  // The browser is back online but the server is still unreachable: reload in between.
  await context.setOffline(false);
  await page.reload();
  await launcher(page).click();
  await expect(messageItems(page).filter({ hasText: /Offline message \d/ })).toHaveCount(3);
  expect(receivedTexts(conversationId)).toEqual(['Before the outage']);

  // The server is reachable again; an `online` event makes the widget retry at once.
  networkDown = false;
  await context.setOffline(true);
  await context.setOffline(false);
  await expect
    .poll(() => receivedTexts(conversationId))
    .toEqual(['Before the outage', 'Offline message 1', 'Offline message 2', 'Offline message 3']);
  await expect(messageItems(page).filter({ hasText: 'Before the outage' })).toHaveCount(1);
  for (const n of [1, 2, 3]) {
    await expect(messageItems(page).filter({ hasText: `Offline message ${n}` })).toHaveCount(1);
  }
  await expect(messageItems(page).filter({ hasText: 'Waiting for network' })).toHaveCount(0);
});

test('two tabs show the same conversation and chime once per agent message', async ({ context }) => {
  // Count chimes: each one starts two oscillators.
  await context.addInitScript(() => {
    const counter = window as unknown as { oscillatorStarts: number };
    counter.oscillatorStarts = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: [number?]) {
      counter.oscillatorStarts++;
      return start.apply(this, args);
    };
  });
  const first = await context.newPage();
  await first.goto(`${suite.server.url}/demo/`);
  await startChat(first, 'Wang Fang');
  await sendMessage(first, 'Hello from the first tab');
  await panel(first).getByRole('button', { name: 'Close chat' }).click();

  const second = await context.newPage();
  await second.goto(`${suite.server.url}/demo/`);
  await launcher(second).click();
  await expect(messageItems(second).filter({ hasText: 'Hello from the first tab' })).toBeVisible();
  await panel(second).getByRole('button', { name: 'Close chat' }).click();

  const conversationId = suite.agent.received.find(
    (message) => message.text === 'Hello from the first tab',
  )!.conversationId;
  await suite.agent.request('message:send', {
    conversationId,
    clientId: `agent-${Date.now()}`,
    text: 'One reply, one chime',
  });
  for (const tab of [first, second]) {
    await expect(launcher(tab)).toHaveAccessibleName('Chat with us (1 unread)');
  }
  const starts = async () =>
    (await first.evaluate(() => (window as unknown as { oscillatorStarts: number }).oscillatorStarts)) +
    (await second.evaluate(() => (window as unknown as { oscillatorStarts: number }).oscillatorStarts));
  await expect.poll(starts).toBe(2);

  // Reading in one tab clears the badge in the other (the server relays the read receipt).
  await launcher(second).click();
  await expect(messageItems(second).filter({ hasText: 'One reply, one chime' })).toBeVisible();
  await expect(launcher(first)).toHaveAccessibleName('Chat with us');
});
