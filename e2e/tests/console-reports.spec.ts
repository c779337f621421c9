import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { openSqliteStore } from '../../server/src/store/sqlite/index.js';
import { seedReportFixture } from '../../server/src/test-support/report-fixture.js';
import { addAgent, signInInNewContext, type TestAgent } from '../support/console-agents.js';
import { axeViolations } from '../support/console-page.js';
import { useConsoleSuite } from '../support/console-suite.js';
import { DEMO } from '../support/server.js';

test.use({ actionTimeout: 10_000 });

let supervisor: TestAgent;
let ada: TestAgent;
let tom: TestAgent;
const suite = useConsoleSuite(async (server) => {
  supervisor = await addAgent(server, { name: 'Sam Sun', email: 'sam@demo.aftercare.test', role: 'supervisor' });
  ada = await addAgent(server, { name: 'Ada Agent', email: 'ada@demo.aftercare.test' });
  tom = await addAgent(server, { name: 'Tom Technician', email: 'tom@demo.aftercare.test' });
  // The fixture is written beside the running server (WAL lets a second connection write).
  const store = openSqliteStore({ dataDir: server.dataDir });
  try {
    const site = await store.sites.getByKey(DEMO.siteKey);
    await seedReportFixture(store, {
      tenantId: 'demo',
      siteId: site!.id,
      agentId: ada.id,
      technicianId: tom.id,
      now: Date.now(),
    });
  } finally {
    await store.close();
  }
});

const total = (page: Page, name: string) => page.locator(`[data-total="${name}"]`);
const rowOf = (page: Page, table: string, text: string) =>
  page.getByRole('region', { name: table }).getByRole('row').filter({ hasText: text });

test('a supervisor reads the report, narrows the range, sorts, downloads CSV, all accessible', async ({ browser }) => {
  const { context, page } = await signInInNewContext(browser, suite.server.url, supervisor);
  suite.contexts.push(context);
  await page.getByRole('banner').getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeFocused();

  // The last 30 days (the default) hold all three chats.
  await expect(total(page, 'conversations')).toHaveText('3');
  await expect(total(page, 'tickets')).toHaveText('1');
  await expect(rowOf(page, 'By agent', 'Ada Agent')).toContainText('3.50');

  await page.getByLabel('Period').selectOption({ label: 'Last 7 days' });
  await expect(total(page, 'conversations')).toHaveText('2');
  await expect(total(page, 'averageRating')).toHaveText('3.00');
  const adaRow = rowOf(page, 'By agent', 'Ada Agent');
  // Conversations, median first reply (4 and 90 minutes: nearest rank 4), 1 late, 1 rating of 2.
  await expect(adaRow.getByRole('cell')).toHaveText(['Ada Agent', '2', '4 min', '1', '1', '2.00']);
  await expect(rowOf(page, 'By product', 'Aurora X2 espresso machine').getByRole('cell')).toHaveText([
    'Aurora X2 espresso machine',
    'AX2-220',
    '2',
    '0',
    '1',
    '2.00',
  ]);
  await expect(rowOf(page, 'By technician', 'Tom Technician').getByRole('cell')).toHaveText([
    'Tom Technician',
    '1',
    '2 d',
    '1',
    '4.00',
  ]);

  // Three charts, each an image named by what it shows.
  const charts = page.getByRole('img', { name: /^Chart:/ });
  await expect(charts).toHaveCount(3);
  await expect(charts.first()).toHaveAccessibleName(/2 conversations and 1 repair tickets over 7 days/);
  await expect(page.locator('[data-chart] canvas')).toHaveCount(3);

  // Sorting by average rating puts the kettle (4.00) above the espresso machine (2.00), and back.
  const products = page.getByRole('region', { name: 'By product' });
  const ratingHeading = products.getByRole('columnheader', { name: 'Average rating' });
  await ratingHeading.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(ratingHeading).toHaveAttribute('aria-sort', 'descending');
  await expect(products.getByRole('row').nth(1)).toContainText('电热水壶 K1');
  await page.keyboard.press('Enter');
  await expect(ratingHeading).toHaveAttribute('aria-sort', 'ascending');
  await expect(products.getByRole('row').nth(1)).toContainText('Aurora X2');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^Download CSV\W+By agent$/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^report-agents-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\r\n')).toEqual([
    '\uFEFFagent_id,agent_name,conversations,first_reply_median_minutes,breaches,ratings,average_rating',
    `${ada.id},Ada Agent,2,4,1,1,2`,
    '',
  ]);

  expect(await axeViolations(page)).toEqual([]);
});

test('agents have no reports link', async ({ browser }) => {
  const { context, page } = await signInInNewContext(browser, suite.server.url, ada);
  suite.contexts.push(context);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Reports' })).toHaveCount(0);
});
