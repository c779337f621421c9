import {
  PROTOCOL_VERSION,
  VISITOR_NAMESPACE,
  type VisitorClientEvents,
  type VisitorServerEvents,
  type VisitorSessionReadyEvent,
} from '@aftercare/shared';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { addAgent, signInInNewContext, type TestAgent } from '../support/console-agents.js';
import { axeViolations } from '../support/console-page.js';
import { useConsoleSuite } from '../support/console-suite.js';
import { DEMO } from '../support/server.js';

test.use({ actionTimeout: 10_000 });

let supervisor: TestAgent;
const suite = useConsoleSuite(async (server) => {
  supervisor = await addAgent(server, { name: 'Sam Sun', email: 'sam@demo.aftercare.test', role: 'supervisor' });
});
const SHOP_ORIGIN = 'https://kettles.example';

/** The demo admin's console in its own context, allowed to use the clipboard. */
async function adminConsole(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  suite.contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/console/`);
  await page.getByLabel('Email').fill(DEMO.agentEmail);
  await page.getByLabel('Password').fill(DEMO.agentPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  return page;
}

/** Opens a settings section from the top bar with the keyboard, as the links allow. */
async function openSection(page: Page, section: string) {
  const settingsLink = page.getByRole('banner').getByRole('link', { name: 'Settings' });
  if (await settingsLink.isVisible()) {
    await settingsLink.focus();
    await page.keyboard.press('Enter');
  }
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: section }).click();
  await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
}

/** A widget connection from the shop's page origin; resolves with its `session:ready`. */
async function widgetSession(siteKey: string): Promise<VisitorSessionReadyEvent> {
  const socket: Socket<VisitorServerEvents, VisitorClientEvents> = io(`${suite.server.url}${VISITOR_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { origin: SHOP_ORIGIN },
    auth: { protocolVersion: PROTOCOL_VERSION, siteKey },
  });
  try {
    return await new Promise((resolve, reject) => {
      socket.once('session:ready', resolve);
      socket.once('connect_error', reject);
    });
  } finally {
    socket.close();
  }
}

test('an admin creates and configures a site, copies its script tag, and the widget gets the settings', async ({
  browser,
}) => {
  const page = await adminConsole(browser);
  await openSection(page, 'Sites');
  await page.getByRole('button', { name: 'New site' }).click();
  const form = page.getByRole('form', { name: 'New site' });
  await form.getByLabel('Site name').fill('Kettle Outlet');

  // Origins: a non-web address is refused on the field; a page URL is reduced to its origin.
  const origin = form.getByLabel('Origin to allow');
  await origin.fill('ftp://kettles.example');
  await origin.press('Enter');
  await expect(form.getByText('Enter an address starting with https:// or http://.')).toBeVisible();
  await origin.fill(`${SHOP_ORIGIN}/kettles/k-200?ref=ad`);
  await form.getByRole('button', { name: 'Add origin' }).click();
  await expect(form.getByRole('list', { name: 'Allowed origins' })).toHaveText(/https:\/\/kettles\.example/);

  // Colour: the hex field drives the preview; the contrast of white text on it is shown.
  await form.getByLabel('Hex code').fill('#facc15');
  await expect(form.getByText(/White text contrast only/)).toBeVisible();
  await form.getByLabel('Hex code').fill('#0f766e');
  await expect(form.getByText(/easy to read/)).toBeVisible();
  await expect(form.getByLabel('Pick')).toHaveValue('#0f766e');

  await form.getByRole('group', { name: 'Greeting' }).getByLabel('English').fill('Hello from Kettle Outlet!');
  await form.getByRole('group', { name: 'Greeting' }).getByLabel('简体中文').fill('欢迎光临水壶专卖店！');
  await form.getByRole('group', { name: 'Offline message' }).getByLabel('English').fill('We are closed; leave a note.');

  // Pre-chat form: ask for the phone, require it, and move it above the email.
  await form.getByLabel('Ask for phone').check();
  await form.getByLabel('phone required').check();
  await form.getByRole('button', { name: 'Move phone up' }).click();

  // Business hours in Shanghai: weekdays 9–18 by default, plus an evening period on Monday.
  await form.getByLabel('Set business hours').check();
  await form.getByLabel('Time zone').selectOption('Asia/Shanghai');
  await form.getByRole('button', { name: 'Add hours on Monday' }).click();
  await form.getByLabel('Monday, period 2 opens').fill('19:00');
  await form.getByLabel('Monday, period 2 closes').fill('21:30');
  await form.getByLabel('Closed date', { exact: true }).fill('2026-10-01');
  await form.getByRole('button', { name: 'Add closed date' }).click();
  await form.getByLabel('Expected reply time (minutes)').fill('15');
  await form.getByRole('button', { name: 'Create site' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Site “Kettle Outlet” created.' })).toBeVisible();

  // The script tag carries the server's origin and the new key; the copy lands in the clipboard.
  const tag = (await page.getByTestId('script-tag').textContent()) ?? '';
  const key = /data-site="([^"]+)"/.exec(tag)?.[1] ?? '';
  expect(tag).toBe(`<script src="${suite.server.url}/widget.js" data-site="${key}" async></script>`);
  await page.getByRole('button', { name: 'Copy script tag' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Script tag copied to the clipboard.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(tag);

  // Stored: a reload (the hash keeps the section) shows every value again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeVisible();
  await page.locator(`[data-site-key="${key}"]`).click();
  const stored = page.getByRole('form', { name: 'Site “Kettle Outlet”' });
  await expect(stored.getByLabel('Hex code')).toHaveValue('#0f766e');
  await expect(stored.getByRole('group', { name: 'Greeting' }).getByLabel('简体中文')).toHaveValue(
    '欢迎光临水壶专卖店！',
  );
  await expect(stored.getByLabel('phone required')).toBeChecked();
  await expect(stored.locator('[data-field]')).toHaveText([/name/, /phone/, /email/]);
  await expect(stored.getByLabel('Time zone')).toHaveValue('Asia/Shanghai');
  await expect(stored.getByLabel('Monday, period 2 closes')).toHaveValue('21:30');
  await expect(stored.getByRole('list', { name: 'Closed dates' })).toContainText('2026-10-01');

  // An update sends the form's fields; the stored site answers and the form shows it.
  await stored.getByLabel('Expected reply time (minutes)').fill('20');
  await stored.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(stored.getByRole('status').filter({ hasText: 'Saved “Kettle Outlet”.' })).toBeVisible();

  // A shopper's widget on the shop's page gets the new settings with its session.
  const session = await widgetSession(key);
  expect(session.site).toMatchObject({
    name: 'Kettle Outlet',
    color: '#0f766e',
    greeting: { en: 'Hello from Kettle Outlet!', 'zh-CN': '欢迎光临水壶专卖店！' },
    offlineMessage: { en: 'We are closed; leave a note.' },
    preChatFields: [
      { field: 'name', required: true },
      { field: 'phone', required: true },
      { field: 'email', required: false },
    ],
    expectedReplyMinutes: 20,
  });

  // Sites section is axe-clean with a configured site open.
  expect(await axeViolations(page)).toEqual([]);
});

test('an admin adds an agent who can sign in, sees only their profile, and is signed out when deactivated', async ({
  browser,
}) => {
  const admin = await adminConsole(browser);
  await openSection(admin, 'Agents');
  const create = admin.getByRole('form', { name: 'Add an agent' });
  await create.getByLabel('Name').fill('Carol Chen');
  await create.getByLabel('Email').fill('carol@demo.aftercare.test');
  await create.getByLabel('Role').selectOption('agent');
  await create.getByLabel('Initial password').fill('short');
  await create.getByRole('button', { name: 'Add agent' }).click();
  await expect(create.getByText('Use at least 8 characters.')).toBeVisible();
  await create.getByLabel('Initial password').fill('carol-password-1');
  await create.getByRole('button', { name: 'Add agent' }).click();
  await expect(create.getByRole('status')).toHaveText('Carol Chen was added. Pass on the email and password.');
  const carolRow = admin.getByRole('row').filter({ hasText: 'carol@demo.aftercare.test' });
  await expect(carolRow).toContainText('Active');
  // The same email again is the server's CONFLICT, shown on the field; the typed values stay.
  await create.getByLabel('Name').fill('Carol Again');
  await create.getByLabel('Email').fill('carol@demo.aftercare.test');
  await create.getByLabel('Initial password').fill('carol-password-2');
  await create.getByRole('button', { name: 'Add agent' }).click();
  await expect(create.getByText('Another agent already uses this email.')).toBeVisible();
  await expect(create.getByLabel('Name')).toHaveValue('Carol Again');
  expect(await axeViolations(admin)).toEqual([]);

  // Carol signs in; as a plain agent she has her profile only, even when asking for more.
  const carol = await signInInNewContext(browser, suite.server.url, {
    email: 'carol@demo.aftercare.test',
    password: 'carol-password-1',
  });
  suite.contexts.push(carol.context);
  const c = carol.page;
  await expect(c.getByRole('button', { name: 'Saved replies' })).toHaveCount(0);
  await c.getByRole('banner').getByRole('link', { name: 'Settings' }).click();
  const nav = c.getByRole('navigation', { name: 'Settings' });
  await expect(nav.getByRole('link')).toHaveText(['My profile']);
  await c.goto(`${suite.server.url}/console/#/settings/sites`);
  await expect(c.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
  await expect(c.getByRole('button', { name: 'New site' })).toHaveCount(0);
  await expect(c.getByRole('button', { name: /^Deactivate/ })).toHaveCount(0);

  // Her own name change reaches the admin's list live.
  await c.getByLabel('Name').fill('Carol C. Chen');
  await c.getByRole('button', { name: 'Save' }).click();
  await expect(c.getByRole('status').filter({ hasText: 'Your profile is saved.' })).toBeVisible();
  await expect(carolRow).toContainText('Carol C. Chen');

  // Deactivation asks first; Cancel keeps her, confirming signs her out at once.
  await carolRow.getByRole('button', { name: 'Deactivate Carol C. Chen' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Deactivate Carol C. Chen?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await admin.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(carolRow).toContainText('Active');
  await carolRow.getByRole('button', { name: 'Deactivate Carol C. Chen' }).click();
  await dialog.getByRole('button', { name: 'Deactivate Carol C. Chen' }).click();
  await expect(carolRow).toContainText('Deactivated');
  await expect(c.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(c.getByText('Your session has ended. Sign in again.')).toBeVisible();
  await c.getByLabel('Email').fill('carol@demo.aftercare.test');
  await c.getByLabel('Password').fill('carol-password-1');
  await c.getByRole('button', { name: 'Sign in' }).click();
  await expect(c.getByRole('alert')).toBeVisible();
  await expect(c.getByRole('navigation', { name: 'Conversations' })).toHaveCount(0);
});

test('the Teams section is axe-clean and keeps a created team after a reload', async ({ browser }) => {
  const page = await adminConsole(browser);
  await openSection(page, 'Teams');
  const create = page.getByRole('form', { name: 'New team' });
  await create.getByRole('button', { name: 'Create team' }).click();
  await expect(create.getByRole('alert')).toHaveText('Enter a team name.');
  await create.getByLabel('Team name').fill('Refunds');
  await create.getByRole('checkbox', { name: 'Demo Agent' }).check();
  await create.getByRole('button', { name: 'Create team' }).click();
  const team = page.getByRole('form', { name: 'Refunds' });
  await expect(team.getByRole('checkbox', { name: 'Demo Agent' })).toBeChecked();
  expect(await axeViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.getByRole('form', { name: 'Refunds' }).getByLabel('Team name')).toHaveValue('Refunds');
});

test('a supervisor reads the sites and agents but cannot change them', async ({ browser }) => {
  const { context, page } = await signInInNewContext(browser, suite.server.url, supervisor);
  suite.contexts.push(context);
  await openSection(page, 'Sites');
  await expect(page.getByText('Only admins can change these settings.')).toBeVisible();
  await expect(page.getByLabel('Site name')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'New site' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
  // The script tag stays available: supervisors help shops install the widget.
  await expect(page.getByRole('button', { name: 'Copy script tag' })).toBeVisible();
  await openSection(page, 'Agents');
  await expect(page.getByRole('row').filter({ hasText: 'Sam Sun' })).toContainText('Supervisor');
  await expect(page.getByRole('combobox', { name: /^Role of/ })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Add an agent' })).toHaveCount(0);
});

test('open settings screens follow changes made in another console', async ({ browser }) => {
  const first = await adminConsole(browser);
  const second = await adminConsole(browser);
  await openSection(first, 'Sites');
  await openSection(second, 'Sites');

  // A renamed site: the other console's list and untouched form show the new name.
  const name = first.getByRole('form', { name: /^Site “/ }).getByLabel('Site name');
  await name.fill('Aftercare Outlet');
  await first
    .getByRole('form', { name: /^Site “/ })
    .getByRole('button', { name: 'Save', exact: true })
    .click();
  await expect(second.getByRole('list', { name: 'Sites of your shop' })).toContainText('Aftercare Outlet');
  await expect(second.getByRole('form', { name: 'Site “Aftercare Outlet”' }).getByLabel('Site name')).toHaveValue(
    'Aftercare Outlet',
  );

  // A new team appears in the other console's Teams section.
  await openSection(first, 'Teams');
  await openSection(second, 'Teams');
  const create = first.getByRole('form', { name: 'New team' });
  await create.getByLabel('Team name').fill('Billing');
  await create.getByRole('button', { name: 'Create team' }).click();
  await expect(second.getByRole('form', { name: 'Billing' })).toBeVisible();
});
