import type { Locator, Page } from '@playwright/test';
import { type RunningServer, startServer } from './server.js';

/**
 * Helpers for the widget's browser tests. Locators pierce the widget's open shadow root, so tests
 * address it by role and label like a shopper would.
 */

/** The launcher button (its accessible name starts with "Chat with us"). */
export const launcher = (page: Page): Locator => page.getByRole('button', { name: /^Chat with us/ });

/** The chat panel (a dialog labelled by its title). */
export const panel = (page: Page): Locator => page.getByRole('dialog', { name: 'Customer care' });

/** Opens the widget and fills and submits the pre-chat form. */
export async function startChat(page: Page, name = 'Li Wei', email = 'li.wei@example.com'): Promise<void> {
  await launcher(page).click();
  await submitPreChat(page, name, email);
}

/**
 * Fills and submits the pre-chat form of the open panel (the demo site asks for name and email),
 * and waits for the chat.
 */
export async function submitPreChat(page: Page, name: string, email = 'li.wei@example.com'): Promise<void> {
  await panel(page).getByLabel('Your name').fill(name);
  await panel(page)
    .getByLabel(/^Email/)
    .fill(email);
  await panel(page).getByRole('button', { name: 'Start chat' }).click();
  await panel(page).getByLabel('Your message').waitFor();
}

/** Types a message into the composer and sends it with Enter. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const box = panel(page).getByLabel('Your message');
  await box.fill(text);
  await box.press('Enter');
}

/** One list item per message shown, in order (stored and pending alike). */
export const messageItems = (page: Page): Locator => panel(page).getByRole('listitem');

/**
 * A server for one test file: the built server on a free port (`support/server.ts`), or, when
 * `AFTERCARE_E2E_URL` is set, an already running one (tests only use fresh visitors, so they
 * do not depend on an empty database).
 */
export async function widgetServer(): Promise<{ url: string; stop(): Promise<unknown> }> {
  const external = process.env.AFTERCARE_E2E_URL;
  if (external) return { url: external.replace(/\/$/, ''), stop: async () => undefined };
  const server: RunningServer = await startServer();
  return { url: server.url, stop: () => server.stop() };
}

/** Serves `html` as the document at `url` (same origin as the server, so its allowlist admits it). */
export async function serveHtml(page: Page, url: string, html: string): Promise<void> {
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
}
