import { expect, test } from '@playwright/test';
import { axeViolations, signIn } from '../support/console-page.js';
import { DEMO, type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
});

test('the sign-in screen passes axe', async ({ page }) => {
  await page.goto(`${server.url}/console/`);
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('a wrong password shows an error and keeps the form', async ({ page }) => {
  await page.goto(`${server.url}/console/`);
  await page.getByLabel('Email').fill(DEMO.agentEmail);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email or password is wrong.');
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toHaveCount(0);
});

test('signing in opens the inbox, a reload keeps the session, signing out ends it', async ({ page }) => {
  await signIn(page, server.url);
  await expect(page.getByText('Signed in as Demo Agent')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();
});

test('the language switcher turns the console into Chinese', async ({ page }) => {
  await page.goto(`${server.url}/console/`);
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '登录客服工作台' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // The choice outlives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: '登录客服工作台' })).toBeVisible();
});

test('signing out everywhere sends an open console back to sign-in', async ({ page }) => {
  await signIn(page, server.url);
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  // `page.request` shares the browser's cookies, like another tab of the same agent would.
  const res = await page.request.post(`${server.url}/api/auth/logout-everywhere`);
  expect(res.status()).toBe(204);
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();
  await expect(page.getByText('Your session has ended. Sign in again.')).toBeVisible();
});
