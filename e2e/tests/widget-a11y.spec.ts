import { expect, test } from '@playwright/test';
import { axeViolations } from '../support/axe.js';
import { launcher, panel, sendMessage, submitPreChat } from '../support/widget-page.js';
import { useWidgetSuite } from '../support/widget-suite.js';

/** Keyboard use, focus management, screen-reader announcements and axe-core on the open widget. */

const suite = useWidgetSuite();

test('the widget is keyboard operable and manages focus', async ({ page }) => {
  await page.goto(`${suite.server.url}/demo/`);
  await launcher(page).focus();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByLabel('Your name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel(page)).toBeHidden();
  await expect(launcher(page)).toBeFocused();
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
});

test('axe-core finds no violations in the open widget; new messages are announced', async ({ page }) => {
  await page.goto(`${suite.server.url}/demo/`);
  await launcher(page).click();
  await expect(panel(page).getByLabel('Your name')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await submitPreChat(page, 'Chen Jing');
  await sendMessage(page, 'Is the battery covered by the warranty?');
  await expect
    .poll(() => suite.agent.received.find((m) => m.text === 'Is the battery covered by the warranty?'))
    .toBeTruthy();
  const { conversationId } = suite.agent.received.find((m) => m.text === 'Is the battery covered by the warranty?')!;
  await suite.agent.request('message:send', {
    conversationId,
    clientId: `agent-${Date.now()}`,
    text: 'Yes, for two years.',
  });
  await expect(page.locator('aftercare-widget [aria-live="polite"]')).toHaveText(
    'New message from Demo Agent: Yes, for two years.',
  );
  await panel(page).getByRole('button', { name: 'Insert an emoji' }).click();
  await expect(panel(page).getByRole('group', { name: 'Insert an emoji' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  // Escape closes the emoji menu first, the panel only on a second press.
  await page.keyboard.press('Escape');
  await expect(panel(page).getByRole('group', { name: 'Insert an emoji' })).toBeHidden();
  await expect(panel(page)).toBeVisible();
});
