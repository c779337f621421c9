import { test } from '@playwright/test';
import { connectAgent, type TestAgent } from './widget-agent.js';
import { widgetServer } from './widget-page.js';

/** What a widget spec file shares across its tests: its server and an agent socket listening on it. */
export interface WidgetSuite {
  readonly server: Awaited<ReturnType<typeof widgetServer>>;
  readonly agent: TestAgent;
}

/** Registers the file's `beforeAll`/`afterAll`: a server (see `widgetServer`) and a connected agent, closed after. */
export function useWidgetSuite(): WidgetSuite {
  let server: WidgetSuite['server'] | undefined;
  let agent: TestAgent | undefined;
  test.beforeAll(async () => {
    server = await widgetServer();
    agent = await connectAgent(server.url);
    // Someone online, so shoppers get the pre-chat form (with nobody online, the offline form).
    await agent.request('presence:set', { status: 'online' });
  });
  test.afterAll(async () => {
    agent?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the suite is not started yet');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get agent() {
      return started(agent);
    },
  };
}
