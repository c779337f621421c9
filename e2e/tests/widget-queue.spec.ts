import { expect, test } from '@playwright/test';
import { connectAgent, type TestAgent } from '../support/widget-agent.js';
import { launcher, panel, startChat, widgetServer } from '../support/widget-page.js';

/**
 * The waiting line: while no agent is online every new chat waits, and each shopper sees their
 * place in it (in their language) in the panel's status line, a polite live region. When an agent
 * takes the chat the line disappears. Needs a fresh server: the demo agent must start offline.
 */

let server: Awaited<ReturnType<typeof widgetServer>>;
let agent: TestAgent | undefined;

test.beforeAll(async () => {
  server = await widgetServer();
});

test.afterAll(async () => {
  agent?.close();
  await server?.stop();
});

test('waiting shoppers see their place in line until an agent comes online', async ({ page, browser }) => {
  test.skip(!!process.env.AFTERCARE_E2E_URL, 'needs a fresh server with the demo agent offline');

  // First in line, in English.
  await page.goto(`${server.url}/demo/`);
  await startChat(page);
  const line = panel(page).getByRole('status');
  await expect(line).toHaveText("You're next in line — an agent will be with you shortly.");

  // Second in line, in Chinese.
  const zhContext = await browser.newContext({ locale: 'zh-CN' });
  try {
    const zh = await zhContext.newPage();
    await zh.goto(`${server.url}/demo/`);
    await zh.getByRole('button', { name: /^在线客服/ }).click();
    const zhPanel = zh.getByRole('dialog', { name: '售后服务' });
    await zhPanel.getByLabel('您的称呼').fill('王芳');
    await zhPanel.getByRole('button', { name: '开始咨询' }).click();
    const zhLine = zhPanel.getByRole('status');
    await expect(zhLine).toHaveText('您前面还有 1 位顾客，客服马上就来。');

    // After a reload the place is unknown until the line moves: a plain "please wait" instead.
    // (Joining the line does not move it, so no queue:position is on its way.)
    await page.reload();
    await launcher(page).click();
    await expect(line).toHaveText('Please wait a moment — an agent will be with you shortly.');

    // The demo agent comes online (capacity 3) and takes both chats: the lines disappear.
    agent = await connectAgent(server.url);
    const { presence } = await agent.request('presence:set', { status: 'online' });
    expect(presence.status).toBe('online');
    await expect(line).toBeEmpty();
    await expect(zhLine).toBeEmpty();
    await expect(panel(page).getByLabel('Your message')).toBeVisible();
  } finally {
    await zhContext.close();
  }
});
