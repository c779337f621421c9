import { expect, test } from '@playwright/test';
import { connectAgent, type TestAgent } from '../support/widget-agent.js';
import { launcher, panel, startChat, widgetServer } from '../support/widget-page.js';

/**
 * The waiting line: while every online agent is at capacity a new chat waits, and each shopper
 * sees their place in it (in their language) in the panel's status line, a polite live region.
 * When an agent takes the chat the line disappears. (With nobody online at all, shoppers get the
 * offline form instead: widget-settings.spec.ts.) Needs a fresh server: the demo agent's load
 * must start at zero.
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

test('waiting shoppers see their place in line until an agent has room', async ({ page, browser }) => {
  test.skip(!!process.env.AFTERCARE_E2E_URL, 'needs a fresh server with the demo agent unloaded');

  // The demo agent is online with room for one chat, and a first shopper takes it.
  agent = await connectAgent(server.url);
  const { presence } = await agent.request('presence:set', { status: 'online' });
  await agent.request('agent:set-capacity', { agentId: presence.agentId, capacity: 1 });
  const firstContext = await browser.newContext();
  const zhContext = await browser.newContext({ locale: 'zh-CN' });
  try {
    const first = await firstContext.newPage();
    await first.goto(`${server.url}/demo/`);
    await startChat(first, 'Zhao Lei', 'zhao.lei@example.com');
    await expect(panel(first).getByRole('status')).toBeEmpty();

    // First in line, in English.
    await page.goto(`${server.url}/demo/`);
    await startChat(page);
    const line = panel(page).getByRole('status');
    await expect(line).toHaveText("You're next in line — an agent will be with you shortly.");

    // Second in line, in Chinese.
    const zh = await zhContext.newPage();
    await zh.goto(`${server.url}/demo/`);
    await zh.getByRole('button', { name: /^在线客服/ }).click();
    const zhPanel = zh.getByRole('dialog', { name: '售后服务' });
    await zhPanel.getByLabel('您的称呼').fill('王芳');
    await zhPanel.getByLabel(/^电子邮箱/).fill('wang.fang@example.com');
    await zhPanel.getByRole('button', { name: '开始咨询' }).click();
    const zhLine = zhPanel.getByRole('status');
    await expect(zhLine).toHaveText('您前面还有 1 位顾客，客服马上就来。');

    // After a reload the place is unknown until the line moves: a plain "please wait" instead.
    // (Joining the line does not move it, so no queue:position is on its way.)
    await page.reload();
    await launcher(page).click();
    await expect(line).toHaveText('Please wait a moment — an agent will be with you shortly.');

    // The agent gets room for three chats and takes both waiting ones: the lines disappear.
    await agent.request('agent:set-capacity', { agentId: presence.agentId, capacity: 3 });
    await expect(line).toBeEmpty();
    await expect(zhLine).toBeEmpty();
    await expect(panel(page).getByLabel('Your message')).toBeVisible();
  } finally {
    await firstContext.close();
    await zhContext.close();
  }
});
