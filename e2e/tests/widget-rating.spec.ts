import { expect, type Page, test } from '@playwright/test';
import { axeViolations, signIn } from '../support/console-page.js';
import { panel, sendMessage, startChat } from '../support/widget-page.js';
import { useWidgetSuite } from '../support/widget-suite.js';

/**
 * The post-service rating (issue 5 item 7): an agent resolves the chat in the console, the widget
 * asks the shopper, the shopper rates 2 of 5 with a comment (by keyboard), and the supervisor's
 * console shows the low-rating alert.
 */

test.use({ actionTimeout: 10_000 });

const suite = useWidgetSuite();

const ratingCard = (page: Page) => panel(page).getByRole('region', { name: 'How did we do?' });

test('the widget asks for a rating after the chat is resolved; a low one alerts the supervisor', async ({
  page,
  browser,
}) => {
  await page.goto(`${suite.server.url}/demo/`);
  await startChat(page);
  await sendMessage(page, 'My vacuum still does not charge.');
  await expect
    .poll(() => suite.agent.received.some((message) => message.text === 'My vacuum still does not charge.'))
    .toBe(true);
  const conversationId = suite.agent.received.find(
    (message) => message.text === 'My vacuum still does not charge.',
  )!.conversationId;

  // The supervisor (the demo admin) works in the console, in a browser of their own.
  const consoleContext = await browser.newContext();
  const supervisor = await consoleContext.newPage();
  try {
    await signIn(supervisor, suite.server.url);
    await supervisor
      .getByRole('navigation', { name: 'Conversations' })
      .locator(`[data-conversation-id="${conversationId}"]`)
      .click();
    await supervisor.getByRole('button', { name: 'Resolve', exact: true }).click();

    // The widget asks, naming the product of the chat.
    const card = ratingCard(page);
    await expect(card).toBeVisible();
    await expect(card).toContainText('Nimbus V12 Cordless Vacuum Cleaner');
    expect(await axeViolations(page)).toEqual([]);

    // Stars are a radio group: the arrow keys move between them.
    await card.getByRole('radio', { name: '1 star: very unhappy' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(card.getByRole('radio', { name: '2 stars: unhappy' })).toBeChecked();
    await card
      .getByLabel('Anything you would like to tell us? (optional)')
      .fill('It took three days to get an answer.');
    await card.getByRole('button', { name: 'Send rating' }).click();
    await expect(card.getByRole('status')).toContainText('Thank you for your rating! You rated 2 of 5.');
    await expect(card.getByRole('button', { name: 'Change my rating' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // The supervisor is alerted at once, with the shopper's words.
    const alerts = supervisor.getByRole('region', { name: 'Low rating alerts' });
    await expect(alerts).toContainText('Low rating: 2 of 5');
    await expect(alerts).toContainText('Li Wei rated 2 of 5: “It took three days to get an answer.”');
    expect(await axeViolations(supervisor)).toEqual([]);

    // Changing the rating within the window updates it; it is still one rating.
    await card.getByRole('button', { name: 'Change my rating' }).click();
    await card.getByRole('radio', { name: '4 stars: happy' }).check();
    await card.getByRole('button', { name: 'Send rating' }).click();
    await expect(card.getByRole('status')).toContainText('You rated 4 of 5.');
  } finally {
    await consoleContext.close();
  }
});
