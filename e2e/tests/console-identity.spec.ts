import { createHmac } from 'node:crypto';
import {
  PROTOCOL_VERSION,
  VISITOR_NAMESPACE,
  type VisitorClientEvents,
  type VisitorServerEvents,
  type VisitorSessionReadyEvent,
} from '@aftercare/shared';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { addAgent, consoleParts, signInInNewContext, type TestAgent } from '../support/console-agents.js';
import { axeViolations } from '../support/console-page.js';
import { useConsoleSuite } from '../support/console-suite.js';
import { DEMO } from '../support/server.js';

test.use({ actionTimeout: 10_000 });

let supervisor: TestAgent;
const suite = useConsoleSuite(async (server) => {
  supervisor = await addAgent(server, { name: 'Sam Sun', email: 'sam@demo.aftercare.test', role: 'supervisor' });
});

/** What the shop's backend computes, exactly as the README tells site owners to. */
const hmac = (secret: string, userId: string) => createHmac('sha256', secret).update(userId).digest('hex');

/** A widget handshake identifying `userId` (with `userHash` if given); resolves with its `session:ready`. */
async function widgetSession(
  auth: { userId?: string; userHash?: string; visitorToken?: string } = {},
): Promise<{ session: VisitorSessionReadyEvent; socket: Socket<VisitorServerEvents, VisitorClientEvents> }> {
  const socket: Socket<VisitorServerEvents, VisitorClientEvents> = io(`${suite.server.url}${VISITOR_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION, siteKey: DEMO.siteKey, ...auth },
  });
  const session = await new Promise<VisitorSessionReadyEvent>((resolve, reject) => {
    socket.once('session:ready', resolve);
    socket.once('connect_error', reject);
  });
  return { session, socket };
}

async function identifyOnce(auth: { userId?: string; userHash?: string }) {
  const { session, socket } = await widgetSession(auth);
  socket.close();
  return session;
}

/** Signs in (the demo admin unless `agent` is given) and opens the demo site's settings. */
async function demoSiteSettings(browser: Browser, agent?: TestAgent): Promise<Page> {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  suite.contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/console/`);
  await page.getByLabel('Email').fill(agent?.email ?? DEMO.agentEmail);
  await page.getByLabel('Password').fill(agent?.password ?? DEMO.agentPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await page.goto(`${suite.server.url}/console/#/settings/sites`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeVisible();
  await page.locator(`[data-site-key="${DEMO.siteKey}"]`).click();
  return page;
}

test('an admin reads, copies and rotates the identity secret and requires verification, accessibly', async ({
  browser,
}) => {
  const page = await demoSiteSettings(browser);
  const section = page.getByRole('region', { name: 'Identity verification' });
  const secretField = section.getByLabel('Identity secret');
  await expect(secretField).toHaveValue(/^[0-9a-f]{64}$/);
  const secret = await secretField.inputValue();
  expect(await axeViolations(page)).toEqual([]);

  // Copy: the clipboard holds the secret, and a screen reader hears so.
  await section.getByRole('button', { name: 'Copy secret' }).click();
  await expect(section.getByRole('status')).toHaveText('Secret copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  // A hash made with this secret verifies the shopper; the secret itself never reaches the widget.
  const verified = await identifyOnce({ userId: 'shop-user-7', userHash: hmac(secret, 'shop-user-7') });
  expect(verified.customer.externalId).toBe('shop-user-7');
  expect(JSON.stringify(verified)).not.toContain(secret);
  // Without a hash the shopper is anonymous, and not yet told off.
  expect((await identifyOnce({ userId: 'shop-user-7' })).identityError).toBeUndefined();

  // Require verification: from now on a hash-less identify is refused.
  const required = section.getByLabel('Require identity verification');
  await expect(required).not.toBeChecked();
  await expect(required).toHaveAccessibleDescription(/without a valid hash/);
  await required.focus();
  await page.keyboard.press('Space');
  await expect(section.getByRole('status')).toHaveText('Identity verification is now required.');
  await expect(required).toBeChecked();
  const refused = await identifyOnce({ userId: 'shop-user-7' });
  expect(refused.identityError?.code).toBe('IDENTITY_INVALID');
  expect(refused.customer.externalId).toBeUndefined();

  // Rotate: the dialog asks first, and Cancel (focused first) keeps the secret.
  await section.getByRole('button', { name: 'Rotate secret' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate the identity secret?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(secretField).toHaveValue(secret);

  await section.getByRole('button', { name: 'Rotate secret' }).click();
  await dialog.getByRole('button', { name: 'Rotate secret' }).click();
  await expect(section.getByRole('status')).toHaveText('A new secret was made. Update your shop’s server with it.');
  await expect(secretField).not.toHaveValue(secret);
  const rotated = await secretField.inputValue();
  expect(rotated).toMatch(/^[0-9a-f]{64}$/);

  // The old hash no longer verifies; one made with the new secret reaches the same customer.
  const stale = await identifyOnce({ userId: 'shop-user-7', userHash: hmac(secret, 'shop-user-7') });
  expect(stale.identityError?.code).toBe('IDENTITY_INVALID');
  expect(stale.customer.id).not.toBe(verified.customer.id);
  const fresh = await identifyOnce({ userId: 'shop-user-7', userHash: hmac(rotated, 'shop-user-7') });
  expect(fresh.customer.id).toBe(verified.customer.id);

  // Stored: a reload shows the new secret and the switch still on.
  await page.reload();
  await page.locator(`[data-site-key="${DEMO.siteKey}"]`).click();
  await expect(page.getByRole('region', { name: 'Identity verification' }).getByLabel('Identity secret')).toHaveValue(
    rotated,
  );
  await expect(page.getByLabel('Require identity verification')).toBeChecked();
  await page.getByLabel('Require identity verification').uncheck();
  await expect(page.getByRole('status').filter({ hasText: 'no longer required' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('a supervisor sees the site but not its identity secret', async ({ browser }) => {
  const page = await demoSiteSettings(browser, supervisor);
  await expect(page.getByRole('form', { name: /Site/ })).toBeVisible();
  await expect(page.getByText('Only admins can change these settings.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Identity verification' })).toHaveCount(0);
  await expect(page.getByLabel('Identity secret')).toHaveCount(0);
});

test('agents see a Verified badge on verified shoppers only', async ({ browser }) => {
  const admin = await demoSiteSettings(browser);
  const secret = await admin.getByLabel('Identity secret').inputValue();
  const verified = await widgetSession({ userId: 'shop-user-99', userHash: hmac(secret, 'shop-user-99') });
  const anonymous = await widgetSession({ userId: 'shop-user-99' });
  try {
    const start = async (socket: Socket<VisitorServerEvents, VisitorClientEvents>, name: string) => {
      const res = await socket
        .timeout(5_000)
        .emitWithAck('conversation:start', { requestId: crypto.randomUUID(), name });
      if ('error' in res) throw new Error(res.error.message);
      return res.data.conversation;
    };
    const real = await start(verified.socket, 'Vera Verified');
    const claimed = await start(anonymous.socket, 'Claims To Be Vera');

    const { page } = await signInInNewContext(browser, suite.server.url, {
      email: DEMO.agentEmail,
      password: DEMO.agentPassword,
    });
    suite.contexts.push(page.context());
    const file = page.getByRole('complementary', { name: 'Customer details' });
    await consoleParts.rowOf(page, real.id).click();
    await expect(page.locator('.conversation-header').getByTestId('verified-badge')).toHaveText('✓ Verified');
    await expect(file.getByTestId('verified-badge')).toHaveAttribute('title', /shop-user-99/);
    expect(await axeViolations(page)).toEqual([]);

    await consoleParts.rowOf(page, claimed.id).click();
    await expect(page.locator('.conversation-header')).toContainText('Claims To Be Vera');
    await expect(page.getByTestId('verified-badge')).toHaveCount(0);
  } finally {
    verified.socket.close();
    anonymous.socket.close();
  }
});
