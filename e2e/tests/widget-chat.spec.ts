import { expect, test } from '@playwright/test';
import { launcher, messageItems, panel, sendMessage, startChat } from '../support/widget-page.js';
import { useWidgetSuite } from '../support/widget-suite.js';

/**
 * The shopper's main path on the demo product page: pre-chat form, a message to the agent, the
 * agent's reply with delivery state, and the product context picked up from the page's JSON-LD.
 */

const suite = useWidgetSuite();

/** Waits until the agent has seen a shopper message with `text`, and returns it. */
async function agentSees(text: string) {
  await expect.poll(() => suite.agent.received.filter((message) => message.text === text).length).toBe(1);
  return suite.agent.received.find((message) => message.text === text)!;
}

test('shopper chats with an agent about the product on the page', async ({ page }) => {
  await page.goto(`${suite.server.url}/demo/`);
  await startChat(page);
  // Emoji are plain text: typed, or picked from the menu (inserted at the caret).
  await panel(page).getByLabel('Your message').fill('Hi, my vacuum stopped charging');
  await panel(page).getByRole('button', { name: 'Insert an emoji' }).click();
  await panel(page).getByRole('button', { name: '🙏' }).click();
  await expect(panel(page).getByLabel('Your message')).toBeFocused();
  await page.keyboard.type(' 🔌');
  await expect(panel(page).getByLabel('Your message')).toHaveValue('Hi, my vacuum stopped charging🙏 🔌');
  await sendMessage(page, 'Hi, my vacuum stopped charging 🔌');

  const sent = await agentSees('Hi, my vacuum stopped charging 🔌');
  const opened = await suite.agent.request('conversation:open', { conversationId: sent.conversationId });
  expect(opened.conversation.product).toMatchObject({
    name: 'Nimbus V12 Cordless Vacuum Cleaner',
    sku: 'NV12-GRN-2026',
    price: 2499,
    currency: 'CNY',
  });
  expect(opened.conversation.product?.url).toBe(`${suite.server.url}/demo/`);
  expect(opened.customer).toMatchObject({ name: 'Li Wei', email: 'li.wei@example.com' });
  // The shopper sees which product the chat is about.
  await expect(panel(page).getByRole('link', { name: 'Nimbus V12 Cordless Vacuum Cleaner' })).toBeVisible();

  await suite.agent.request('typing:set', { conversationId: sent.conversationId, typing: true });
  await expect(panel(page).getByText('Demo Agent is typing…')).toBeVisible();
  await page.evaluate(() => {
    const api = (window as unknown as { Aftercare: { on(event: string, listener: (payload: unknown) => void): void } })
      .Aftercare;
    api.on('message', (payload) => ((window as unknown as { lastMessage: unknown }).lastMessage = payload));
  });
  await suite.agent.request('message:send', {
    conversationId: sent.conversationId,
    clientId: `agent-${Date.now()}`,
    text: 'Sorry to hear that! Which charger light do you see? 😊',
  });
  const reply = messageItems(page).filter({ hasText: 'Which charger light do you see? 😊' });
  await expect(reply).toBeVisible();
  await expect(reply).toContainText('Demo Agent');
  expect(await page.evaluate(() => (window as unknown as { lastMessage: unknown }).lastMessage)).toMatchObject({
    text: 'Sorry to hear that! Which charger light do you see? 😊',
    authorName: 'Demo Agent',
  });

  // The agent reads the shopper's message: its state goes to "Read".
  await suite.agent.request('receipt:update', { conversationId: sent.conversationId, kind: 'read', seq: sent.seq });
  await expect(messageItems(page).filter({ hasText: 'stopped charging' })).toContainText('Read');

  // Closed panel: the next reply raises the unread badge (in the launcher's name).
  await panel(page).getByRole('button', { name: 'Close chat' }).click();
  await expect(launcher(page)).toBeFocused();
  await suite.agent.request('message:send', {
    conversationId: sent.conversationId,
    clientId: `agent-${Date.now()}-2`,
    text: 'Are you still there?',
  });
  await expect(launcher(page)).toHaveAccessibleName('Chat with us (1 unread)');
  await launcher(page).click();
  await expect(launcher(page)).toHaveAccessibleName('Chat with us');
});

test('resolved conversation offers the transcript or a new conversation', async ({ page }) => {
  await page.goto(`${suite.server.url}/demo/`);
  await startChat(page, 'Zhang San');
  await sendMessage(page, 'Question about the warranty');
  const sent = await agentSees('Question about the warranty');
  await suite.agent.request('conversation:resolve', { conversationId: sent.conversationId });

  await expect(panel(page).getByText('This conversation has been resolved.')).toBeVisible();
  await panel(page).getByRole('button', { name: 'View the transcript' }).click();
  await expect(messageItems(page).filter({ hasText: 'Question about the warranty' })).toBeVisible();
  await panel(page).getByRole('button', { name: 'Start a new conversation' }).click();
  await expect(panel(page).getByLabel('Your name')).toHaveValue('Zhang San');
});
