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

test('an admin puts Bob in a team; agent A transfers a chat to the team with a note; Bob gets it and reads the note', async ({
  browser,
}) => {
  const { a, b, aliceId } = await openTwoConsoles(browser, suite.server.url, bob, suite.contexts);

  // Alice (the demo admin) creates the team "Repairs" with Bob in the settings.
  await a.getByRole('banner').getByRole('link', { name: 'Settings' }).click();
  await a.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Teams' }).click();
  const create = a.getByRole('form', { name: 'New team' });
  await create.getByLabel('Team name').fill('Repairs');
  await create.getByRole('checkbox', { name: 'Bob Baker' }).check();
  await create.getByRole('button', { name: 'Create team' }).click();
  await expect(a.getByRole('form', { name: 'Repairs' }).getByRole('checkbox', { name: 'Bob Baker' })).toBeChecked();
  await a.getByRole('banner').getByRole('link', { name: 'Inbox' }).click();
  await expect(ui.inbox(a)).toBeVisible();

  // Bob steps away, so routing gives the chat to Alice; then he comes back.
  await ui.status(b).selectOption('away');
  await expect(ui.team(a).locator(`tr[data-agent-id="${bob.id}"]`)).toContainText('Away');
  const shopper = await suite.newShopper();
  const chat = await shopper.start({ name: 'Zhang Wei' });
  expect(chat.assigneeId).toBe(aliceId);
  await shopper.send(chat.id, 'The kettle lid hinge broke.');
  await ui.status(b).selectOption('online');
  await expect(ui.team(a).locator(`tr[data-agent-id="${bob.id}"]`)).toContainText('Online');

  // Alice opens the transfer menu: the note comes first, then agents and teams (live from team:changed).
  await ui.rowOf(a, chat.id).click();
  await a.getByRole('button', { name: 'Transfer' }).click();
  const note = a.getByRole('textbox', { name: 'Note for your colleague (optional)' });
  await expect(note).toBeFocused();
  await a.keyboard.type('Warranty repair: lid hinge.');
  await a.keyboard.press('Enter');
  await a.keyboard.type('Serial K-1234, bought in March.');
  await expect(note).toHaveValue('Warranty repair: lid hinge.\nSerial K-1234, bought in March.');
  const teamOption = a.locator('#transfer-menu [data-team-id]').filter({ hasText: 'Repairs' });
  await expect(teamOption).toContainText('1 of 1 online');
  await teamOption.focus();
  await a.keyboard.press('Enter');

  // Routing hands it to Bob, the team's online member; the shopper is told.
  await shopper.waitFor(
    'conversation:updated',
    ({ conversation }) => conversation.id === chat.id && conversation.assigneeId === bob.id,
  );
  await expect(header(a)).toContainText('Assignee: Bob Baker');
  await expect(ui.count(b, 'Mine')).toHaveAttribute('data-count', '1');
  await ui.rowOf(b, chat.id).click();
  await expect(header(b)).toContainText('Assignee: You');
  await expect(messages(b)).toContainText('The kettle lid hinge broke.');
  const noteItem = messages(b).locator('.message--note').filter({ hasText: 'Warranty repair: lid hinge.' });
  await expect(noteItem).toContainText('Internal note');
  await expect(noteItem).toContainText('Serial K-1234, bought in March.');
  await expect(noteItem).toContainText('Demo Agent');
  // Message authors carry the shared avatar: Demo Agent has no picture, so the initials show.
  await expect(noteItem.locator('.agent-avatar')).toHaveText('DA');

  // The note never reaches the shopper.
  const synced = await new Promise<{ messages: { text: string }[] }>((resolve) =>
    shopper.socket.emit('messages:sync', { conversationId: chat.id, afterSeq: 0 }, (res) => {
      if ('data' in res) resolve(res.data);
    }),
  );
  expect(synced.messages.map((message) => message.text)).not.toContain(
    'Warranty repair: lid hinge.\nSerial K-1234, bought in March.',
  );
});
