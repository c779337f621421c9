import { expect, test } from '@playwright/test';
import { consoleParts as ui } from '../support/console-agents.js';
import { axeViolations, signIn } from '../support/console-page.js';
import { useConsoleSuite } from '../support/console-suite.js';

test.use({ actionTimeout: 10_000 });

const suite = useConsoleSuite();

test('an admin saves a reply, then inserts it with "/" in a chat and sends it', async ({ page }) => {
  await signIn(page, suite.server.url);

  // The management dialog: a bad shortcut is refused on the field, a good entry is listed.
  await page.getByRole('button', { name: 'Saved replies' }).click();
  const manager = page.getByRole('dialog', { name: 'Saved replies' });
  await expect(manager).toBeVisible();
  await manager.getByRole('textbox', { name: 'Shortcut' }).fill('Warranty Terms');
  await manager.getByRole('textbox', { name: 'Title' }).fill('Warranty terms');
  await manager.getByRole('textbox', { name: 'Text' }).fill('Your kettle has a two-year warranty, parts and labour.');
  await manager.getByRole('button', { name: 'Add saved reply' }).click();
  await expect(manager.getByRole('textbox', { name: 'Shortcut' })).toHaveAttribute('aria-invalid', 'true');
  await expect(manager).toContainText('Use lower-case letters, digits and dashes only.');
  await manager.getByRole('textbox', { name: 'Shortcut' }).fill('warranty');
  await manager.getByRole('button', { name: 'Add saved reply' }).click();
  await expect(manager.getByRole('list', { name: 'Saved replies of your shop' })).toContainText('/warranty');
  await expect(manager.getByRole('status')).toHaveText('Saved /warranty.');
  // A second entry with the same shortcut is the server's CONFLICT, shown on the field.
  await manager.getByRole('textbox', { name: 'Shortcut' }).fill('warranty');
  await manager.getByRole('textbox', { name: 'Title' }).fill('Duplicate');
  await manager.getByRole('textbox', { name: 'Text' }).fill('Duplicate.');
  await manager.getByRole('button', { name: 'Add saved reply' }).click();
  await expect(manager).toContainText('Another saved reply already uses this shortcut.');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(manager).toBeHidden();

  // A shopper writes; the agent types "/war", picks the reply with the keyboard and sends it.
  const shopper = await suite.newShopper();
  const chat = await shopper.start({ name: 'Wang Fang' });
  await shopper.send(chat.id, 'Is the kettle still under warranty?');
  await ui.rowOf(page, chat.id).click();
  const reply = page.getByRole('textbox', { name: 'Reply' });
  await reply.fill('/war');
  const suggestions = page.getByRole('listbox', { name: 'Saved replies' });
  await expect(suggestions.getByRole('option', { selected: true })).toContainText('/warranty');
  await expect(reply).toHaveAttribute('aria-activedescendant', /composer-canned-0/);
  // Escape closes the list; typing opens it again.
  await reply.press('Escape');
  await expect(suggestions).toBeHidden();
  await reply.press('r');
  await expect(suggestions).toBeVisible();
  await reply.press('Enter');
  await expect(reply).toHaveValue('Your kettle has a two-year warranty, parts and labour.');
  await expect(suggestions).toBeHidden();
  await reply.press('Enter');
  const received = await shopper.waitFor('message:created', ({ message }) => message.author.kind === 'agent');
  expect(received.message.text).toBe('Your kettle has a two-year warranty, parts and labour.');

  // The inbox's shortcuts stay off behind the dialog: `e` would resolve the chat, `j` open another.
  await page.getByRole('button', { name: 'Saved replies' }).click();
  await manager.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('e');
  await page.keyboard.press('j');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(manager).toBeHidden();
  // Still open: a reply goes through (a resolved chat refuses it, and shows no composer).
  await reply.fill('Anything else I can help with?');
  await reply.press('Enter');
  await shopper.waitFor('message:created', ({ message }) => message.text === 'Anything else I can help with?');
  await expect(page.getByRole('heading', { level: 1, name: 'Wang Fang' })).toBeVisible();
  await expect(reply).toBeVisible();
});
