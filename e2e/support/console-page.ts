import { expect, type Page } from '@playwright/test';
import { DEMO } from './server.js';

export { axeViolations } from './axe.js';

/** Opens the console and signs in as the demo agent; resolves once the inbox is shown. */
export async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel('Email').fill(DEMO.agentEmail);
  await page.getByLabel('Password').fill(DEMO.agentPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
}
