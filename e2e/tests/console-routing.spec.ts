import { expect, type Page, test } from '@playwright/test';
import { addAgent, signInInNewContext, type TestAgent, consoleParts as ui } from '../support/console-agents.js';
import { axeViolations } from '../support/console-page.js';
import { useConsoleSuite } from '../support/console-suite.js';
import { DEMO } from '../support/server.js';

test.use({ actionTimeout: 10_000 });

let bob: TestAgent;
const suite = useConsoleSuite(async (server) => {
  bob = await addAgent(server, { name: 'Bob Baker', email: 'bob@demo.aftercare.test' });
});

/** An admin sets an agent's capacity from the team panel (inline number field, Enter commits). */
async function setCapacity(admin: Page, agentName: string | RegExp, capacity: number) {
  const field = ui.team(admin).getByRole('spinbutton', { name: agentName });
  await field.fill(String(capacity));
  await field.press('Enter');
  await expect(field).toHaveValue(String(capacity));
}

test('two agents with capacity 1: two chats are assigned one each, the third waits until one is resolved', async ({
  browser,
}) => {
  const alice = await signInInNewContext(browser, suite.server.url, {
    email: DEMO.agentEmail,
    password: DEMO.agentPassword,
  });
  const bobConsole = await signInInNewContext(browser, suite.server.url, bob);
  suite.contexts.push(alice.context, bobConsole.context);
  const a = alice.page;
  const b = bobConsole.page;

  // Both consoles announce the remembered status (default Online) after connecting.
  await expect(ui.status(a)).toHaveValue('online');
  await expect(ui.status(b)).toHaveValue('online');

  // The admin sees the whole team live and sets both capacities to 1.
  const bobRow = ui.team(a).locator(`tr[data-agent-id="${bob.id}"]`);
  await expect(bobRow).toContainText('Online');
  await setCapacity(a, /Demo Agent/, 1);
  // Names come from the agent directory (`agent:list`), even for a colleague who has not written yet.
  await setCapacity(a, /Bob Baker/, 1);

  // Three shoppers start chats: the two agents get one each, the third waits in the queue.
  const started = [];
  for (const name of ['First Fang', 'Second Song', 'Third Tan']) {
    const shopper = await suite.newShopper();
    const conversation = await shopper.start({ name });
    await shopper.send(conversation.id, `Hello from ${name}`);
    started.push({ shopper, conversation, name });
  }
  const [first, second, third] = started as [(typeof started)[0], (typeof started)[0], (typeof started)[0]];
  expect(first.conversation.assigneeId).not.toBeNull();
  expect(second.conversation.assigneeId).not.toBeNull();
  expect(second.conversation.assigneeId).not.toBe(first.conversation.assigneeId);
  expect(third.conversation.assigneeId).toBeNull();
  const bobs = [first, second].find((item) => item.conversation.assigneeId === bob.id)!;
  expect(bobs).toBeDefined();

  // Live counts: each agent has one chat, one waits; the team panel shows the queue.
  await expect(ui.count(a, 'Mine')).toHaveAttribute('data-count', '1');
  await expect(ui.count(a, 'Unassigned')).toHaveAttribute('data-count', '1');
  await expect(ui.count(a, 'All open')).toHaveAttribute('data-count', '3');
  await expect(ui.team(a).locator('[data-queue]')).toHaveAttribute('data-queue', '1');
  await expect(ui.count(b, 'Mine')).toHaveAttribute('data-count', '1');
  await expect(ui.tab(b, 'Mine')).toHaveAttribute('aria-selected', 'true');
  await expect(ui.rowOf(b, bobs.conversation.id)).toContainText('Waiting');
  await expect(ui.rowOf(a, third.conversation.id)).toContainText('Unassigned');

  // Bob works from the keyboard: j opens his first chat, e resolves it.
  await b.locator('body').press('j');
  await expect(b.getByRole('heading', { level: 1, name: bobs.name })).toBeVisible();
  await expect(b.getByRole('region', { name: 'Messages' })).toContainText(`Hello from ${bobs.name}`);
  await b.locator('body').press('e');

  // The queue moves: the third chat goes to Bob, everyone sees it, the shopper is told.
  const update = await third.shopper.waitFor(
    'conversation:updated',
    ({ conversation }) => conversation.id === third.conversation.id && conversation.assigneeId === bob.id,
  );
  expect(update.conversation.assigneeId).toBe(bob.id);
  await expect(ui.rowOf(b, third.conversation.id)).toBeVisible();
  await expect(ui.count(a, 'Unassigned')).toHaveAttribute('data-count', '0');
  await expect(ui.team(a).locator('[data-queue]')).toHaveAttribute('data-queue', '0');
  await expect(ui.rowOf(a, third.conversation.id)).not.toContainText('Unassigned');
  // A new chat for Bob while he looks at another one: the title carries the badge.
  await expect(b).toHaveTitle(/^\(1\) /);
});

test('the status selector and the shortcuts overlay pass axe and work from the keyboard', async ({ browser }) => {
  const { context, page } = await signInInNewContext(browser, suite.server.url, bob);
  suite.contexts.push(context);

  // The status is remembered per agent and re-sent after a reload.
  await ui.status(page).selectOption('away');
  await expect(ui.status(page)).toHaveValue('away');
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await expect(ui.status(page)).toHaveValue('away');
  expect(await axeViolations(page)).toEqual([]);
  await ui.status(page).selectOption('online');

  // ? opens the help (not while typing), Tab stays inside, Escape closes and focus comes back.
  const help = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await help.focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Resolve the open conversation');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(help).toBeFocused();

  // In a form field the key is just a key.
  await ui.status(page).focus();
  await page.keyboard.press('?');
  await expect(dialog).toHaveCount(0);
});
