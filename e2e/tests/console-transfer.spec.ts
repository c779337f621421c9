import { expect, type Page, test } from '@playwright/test';
import { addAgent, openTwoConsoles, type TestAgent, consoleParts as ui } from '../support/console-agents.js';
import { useConsoleSuite } from '../support/console-suite.js';

test.use({ actionTimeout: 10_000 });

let bob: TestAgent;
const suite = useConsoleSuite(async (server) => {
  bob = await addAgent(server, { name: 'Bob Baker', email: 'bob@demo.aftercare.test' });
});

const messages = (page: Page) => page.getByRole('region', { name: 'Messages' });
const header = (page: Page) => page.getByRole('main').locator('.conversation-header');

test('agent A transfers a chat to agent B: B gets it with the history, the shopper is told', async ({ browser }) => {
  const { a, b, aliceId } = await openTwoConsoles(browser, suite.server.url, bob, suite.contexts);

  // Bob steps away, so routing gives the first chat to Alice (the demo admin).
  await ui.status(b).selectOption('away');
  await expect(ui.team(a).locator(`tr[data-agent-id="${bob.id}"]`)).toContainText('Away');
  const shopper = await suite.newShopper();
  const chat = await shopper.start({ name: 'Wang Fang' });
  expect(chat.assigneeId).toBe(aliceId);
  await shopper.send(chat.id, 'My kettle does not heat.');
  await ui.rowOf(a, chat.id).click();
  await expect(header(a)).toContainText('Assignee: You');
  await a.getByRole('textbox', { name: 'Reply' }).fill('Let me get our kettle specialist.');
  await a.getByRole('textbox', { name: 'Reply' }).press('Enter');
  await expect(messages(a).locator('[data-seq]').filter({ hasText: 'kettle specialist' })).toHaveCount(1);

  // Alice is now full (capacity 1); Bob comes back and the next chat is his.
  const capacity = ui.team(a).getByRole('spinbutton', { name: /Demo Agent/ });
  await capacity.fill('1');
  await capacity.press('Enter');
  await ui.status(b).selectOption('online');
  const other = await suite.newShopper();
  const bobsChat = await other.start({ name: 'Li Na' });
  expect(bobsChat.assigneeId).toBe(bob.id);

  // An agent may hand over only to a colleague with room: the server refuses, the header says why.
  await ui.rowOf(b, bobsChat.id).click();
  await b.getByRole('button', { name: 'Transfer' }).click();
  // The menu names Alice (from the agent directory) with her status and free capacity.
  const target = b.locator(`#transfer-menu [data-agent-id="${aliceId}"]`);
  await expect(target).toContainText('Demo Agent');
  await expect(target).toContainText('No free capacity');
  await target.click();
  await expect(header(b).getByRole('alert')).toHaveText('Demo Agent has no free capacity.');
  await expect(header(b)).toContainText('Assignee: You');

  // Alice (an admin may move any chat) transfers hers to Bob.
  await a.getByRole('button', { name: 'Transfer' }).click();
  await a.locator(`#transfer-menu [data-agent-id="${bob.id}"]`).click();
  // Bob has written nothing yet; Alice knows his name from the agent directory.
  await expect(header(a)).toContainText('Assignee: Bob Baker');
  const update = await shopper.waitFor(
    'conversation:updated',
    ({ conversation }) => conversation.id === chat.id && conversation.assigneeId === bob.id,
  );
  expect(update.conversation.assigneeId).toBe(bob.id);

  // Bob sees it among his chats, assigned to him, with the whole history.
  await expect(ui.count(b, 'Mine')).toHaveAttribute('data-count', '2');
  await ui.rowOf(b, chat.id).click();
  await expect(header(b)).toContainText('Assignee: You');
  await expect(messages(b)).toContainText('My kettle does not heat.');
  await expect(messages(b)).toContainText('Let me get our kettle specialist.');
  await expect(ui.count(a, 'Mine')).toHaveAttribute('data-count', '0');
});
