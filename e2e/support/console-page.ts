import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import { DEMO } from './server.js';

const require = createRequire(import.meta.url);
/** axe-core's browser build, injected as a script (`@axe-core/playwright` does not run on Node 20). */
const axePath = require.resolve('axe-core/axe.min.js');

/** Opens the console and signs in as the demo agent; resolves once the inbox is shown. */
export async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel('Email').fill(DEMO.agentEmail);
  await page.getByLabel('Password').fill(DEMO.agentPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the current page and returns its violations in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations;
  });
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}
