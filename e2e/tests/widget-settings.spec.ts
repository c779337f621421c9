import { expect, type Page, test } from '@playwright/test';
import { axeViolations } from '../support/axe.js';
import { addAgent } from '../support/console-agents.js';
import { type RunningServer, startServer } from '../support/server.js';
import { connectAgent, type TestAgent } from '../support/widget-agent.js';
import { launcher, messageItems, panel } from '../support/widget-page.js';
import { setAgentAvatar, setDemoSiteSettings } from '../support/widget-sites.js';

/**
 * The widget follows its site's settings: the pre-chat fields, the colour (readable and axe-clean
 * whatever it is), the greeting and language, the offline form outside business hours, and agents'
 * pictures. Each test writes the demo site's settings into the server's store before the page loads.
 */

const AVATAR_URL = '/test-avatars/demo.png';
// A 1×1 PNG, so the picture really loads.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let server: RunningServer;
let agent: TestAgent;
let secondAgent: TestAgent;

test.use({ timezoneId: 'UTC' });

test.beforeAll(async () => {
  server = await startServer();
  setAgentAvatar(server, 'agent@demo.aftercare.test', `${server.url}${AVATAR_URL}`);
  const sam = await addAgent(server, { name: 'Sam Agent', email: 'sam@demo.aftercare.test' });
  agent = await connectAgent(server.url);
  secondAgent = await connectAgent(server.url, { email: sam.email, password: sam.password });
  // Someone online: the widget offers a live chat within business hours.
  await agent.request('presence:set', { status: 'online' });
});

test.afterAll(async () => {
  agent?.close();
  secondAgent?.close();
  await server?.stop();
});

/** Opens the demo product page (with the avatar picture served) and opens the panel. */
async function openWidget(page: Page): Promise<void> {
  await page.route(`${server.url}${AVATAR_URL}`, (route) => route.fulfill({ contentType: 'image/png', body: PNG }));
  await page.goto(`${server.url}/demo/`);
  await launcher(page).click();
}

/** The computed colour and background of the panel's header. */
const headerColors = (page: Page) =>
  panel(page)
    .locator('.hd')
    .evaluate((header) => {
      const style = getComputedStyle(header);
      return { color: style.color, background: style.backgroundColor };
    });

/** Business hours open only on the day after tomorrow (UTC), so the shop is closed whenever the test runs. */
function closedNow() {
  const now = new Date();
  const day = ((now.getUTCDay() + 2) % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
  return { timeZone: 'UTC', intervals: [{ day, open: '09:00', close: '17:00' }], closedDates: [] };
}

test("the pre-chat form asks exactly the site's fields, in a dark site colour, axe-clean", async ({ page }) => {
  setDemoSiteSettings(server, {
    color: '#1a1a2e',
    greeting: { en: 'Welcome to the kettle shop!' },
    preChatFields: [{ field: 'phone', required: true }],
    expectedReplyMinutes: 10,
  });
  await openWidget(page);
  const form = panel(page);
  await expect(form.getByText('Welcome to the kettle shop!')).toBeVisible();
  await expect(form.getByText('We usually reply within 10 minutes')).toBeVisible();
  await expect(form.getByLabel('Phone', { exact: true })).toBeVisible();
  await expect(form.getByLabel(/Email|Your name/)).toHaveCount(0);

  // Required and empty: refused, explained, and focus goes to the field.
  await form.getByRole('button', { name: 'Start chat' }).click();
  await expect(form.getByText('Please enter your phone number.')).toBeVisible();
  await expect(form.getByLabel('Phone', { exact: true })).toBeFocused();
  await expect(form.getByLabel('Your message')).toHaveCount(0);

  expect(await headerColors(page)).toEqual({ background: 'rgb(26, 26, 46)', color: 'rgb(255, 255, 255)' });
  expect(await launcher(page).evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(26, 26, 46)');
  expect(await axeViolations(page)).toEqual([]);

  await form.getByLabel('Phone', { exact: true }).fill('+86 138 0000 0000');
  await form.getByRole('button', { name: 'Start chat' }).click();
  await form.getByLabel('Your message').fill('Does the kettle have a warranty?');
  await form.getByLabel('Your message').press('Enter');
  await expect(messageItems(page).filter({ hasText: 'Does the kettle have a warranty?' })).toBeVisible();
  await expect
    .poll(() => agent.received.some((message) => message.text === 'Does the kettle have a warranty?'))
    .toBe(true);
  expect(await axeViolations(page)).toEqual([]);
});

test('without fields the chat starts with the first message; agents show their picture or initials, on a light colour', async ({
  page,
}) => {
  setDemoSiteSettings(server, { color: '#ffd400', preChatFields: [] });
  await openWidget(page);
  await expect(panel(page).getByText('Hi! How can we help you today?')).toBeVisible();
  expect(await headerColors(page)).toEqual({ background: 'rgb(255, 212, 0)', color: 'rgb(0, 0, 0)' });

  await panel(page).getByLabel('Your message').fill('My blender is noisy.');
  await panel(page).getByRole('button', { name: 'Send' }).click();
  await expect(messageItems(page).filter({ hasText: 'My blender is noisy.' })).toBeVisible();
  await expect.poll(() => agent.received.find((message) => message.text === 'My blender is noisy.')).toBeTruthy();
  const { conversationId } = agent.received.find((message) => message.text === 'My blender is noisy.')!;

  await agent.request('message:send', { conversationId, clientId: 'demo-1', text: 'Sorry to hear that!' });
  await secondAgent.request('message:send', { conversationId, clientId: 'sam-1', text: 'Sam here, from repairs.' });
  await secondAgent.request('message:send', { conversationId, clientId: 'sam-2', text: 'Could you send a video?' });

  const fromDemo = messageItems(page).filter({ hasText: 'Sorry to hear that!' });
  const picture = fromDemo.getByRole('img', { name: 'Demo Agent' });
  await expect(picture).toHaveAttribute('src', `${server.url}${AVATAR_URL}`);
  await expect(picture).toHaveAttribute('referrerpolicy', 'no-referrer');
  // The header shows who has the chat (the demo agent: the only one online when it started).
  await expect(panel(page).locator('.hd').getByRole('img', { name: 'Demo Agent' })).toBeVisible();
  await expect(panel(page).getByText("You're chatting with Demo Agent")).toBeVisible();
  await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1);
  const fromSam = messageItems(page).filter({ hasText: 'Sam here, from repairs.' });
  await expect(fromSam.locator('.av')).toHaveText('SA');
  await expect(fromSam.getByRole('img')).toHaveCount(0);
  // Consecutive messages of one agent are grouped: the name and avatar show once.
  await expect(messageItems(page).filter({ hasText: 'Could you send a video?' }).locator('.au')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('outside business hours the offline form keeps the message and says when to expect a reply', async ({ page }) => {
  const nextOpen = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 2, 9);
  const weekday = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' }).format(nextOpen);
  setDemoSiteSettings(server, { preChatFields: [{ field: 'name', required: true }], businessHours: closedNow() });
  // Nobody online either, so no agent takes the chat while the test watches it wait.
  await agent.request('presence:set', { status: 'away' });
  await openWidget(page);
  const form = panel(page);
  const replyBy = new RegExp(`We'll reply by ${weekday} 09:\\d\\d\\.`);
  await expect(form.getByText("We're away — leave us a message")).toBeVisible();
  await expect(form.getByText(/No one is available to chat right now/)).toContainText(replyBy);
  // Email is offered (the site does not ask for it) so the shop can answer after the shopper left.
  await expect(form.getByLabel('Email (optional)')).toBeVisible();

  await form.getByLabel('Your name').fill('Chen Jing');
  await form.getByRole('button', { name: 'Send message' }).click();
  await expect(form.getByText('Please write your message.')).toBeVisible();
  await form.getByLabel('Email (optional)').fill('chen.jing@example.com');
  await form.getByLabel('Your message').fill('My kettle stopped heating.');
  expect(await axeViolations(page)).toEqual([]);
  await form.getByRole('button', { name: 'Send message' }).click();

  await expect(form.getByRole('status')).toHaveText(new RegExp(`Thanks — we've got your message. ${replyBy.source}`));
  await expect(messageItems(page).filter({ hasText: 'My kettle stopped heating.' })).toHaveAttribute(
    'data-state',
    /sent|delivered|read/,
  );
  // The agents' side has it, in an open conversation waiting for them.
  await expect.poll(() => agent.received.find((message) => message.text === 'My kettle stopped heating.')).toBeTruthy();
  const { conversationId } = agent.received.find((message) => message.text === 'My kettle stopped heating.')!;
  const { conversations } = await agent.request('conversation:list', { status: 'open' });
  expect(conversations.find((conversation) => conversation.id === conversationId)?.assigneeId).toBeNull();

  // The answer comes later; the shopper sees it on a later visit in the same browser.
  await agent.request('message:send', { conversationId, clientId: 'later-1', text: 'Please try the reset button.' });
  await page.reload();
  await launcher(page).click();
  await expect(messageItems(page).filter({ hasText: 'Please try the reset button.' })).toBeVisible();
  await agent.request('presence:set', { status: 'online' });
});

test('an offline-form message written without network survives a reload and is sent once', async ({
  page,
  context,
}) => {
  setDemoSiteSettings(server, { preChatFields: [{ field: 'name', required: true }], businessHours: closedNow() });
  await agent.request('presence:set', { status: 'away' });
  // Chromium's offline emulation does not reliably cut open WebSockets, so the test also refuses
  // the socket itself while "the network is down".
  let networkDown = false;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (networkDown) ws.close();
    else ws.connectToServer();
  });
  await openWidget(page);
  const form = panel(page);
  await expect(form.getByRole('button', { name: 'Send message' })).toBeVisible();

  networkDown = true;
  await context.setOffline(true);
  await expect(form.getByText('You are offline.')).toBeVisible();
  await form.getByLabel('Your name').fill('Liu Yang');
  await form.getByLabel('Your message').fill('Written on the train.');
  await form.getByRole('button', { name: 'Send message' }).click();
  await expect(form.getByRole('button', { name: 'Starting…' })).toBeDisabled();

  // Back online but the server still unreachable: a reload loads the app at once (a message is
  // waiting) and shows the offline form from the saved settings, still starting.
  await context.setOffline(false);
  await page.reload();
  await launcher(page).click();
  await expect(form.getByRole('button', { name: 'Starting…' })).toBeDisabled();

  networkDown = false;
  await context.setOffline(true);
  await context.setOffline(false);
  await expect(messageItems(page).filter({ hasText: 'Written on the train.' })).toHaveAttribute(
    'data-state',
    /sent|delivered|read/,
  );
  await expect(form.getByRole('status')).toHaveText(/Thanks — we've got your message\./);
  await expect.poll(() => agent.received.filter((message) => message.text === 'Written on the train.').length).toBe(1);
  await agent.request('presence:set', { status: 'online' });
});

test("a browser language the widget lacks falls back to the site's language", async ({ browser }) => {
  setDemoSiteSettings(server, { defaultLocale: 'zh-CN', greeting: { 'zh-CN': '欢迎光临！' } });
  const context = await browser.newContext({ locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/demo/`);
    // The loader (2 KB) knows only the browser's languages; the app then follows the site.
    await launcher(page).click();
    const zhPanel = page.getByRole('dialog', { name: '售后服务' });
    await expect(zhPanel.getByText('欢迎光临！')).toBeVisible();
    await expect(zhPanel.getByLabel('您的称呼')).toBeVisible();
  } finally {
    await context.close();
  }
});
