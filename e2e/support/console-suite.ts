import { type BrowserContext, test } from '@playwright/test';
import { connectShopper, type TestShopper } from './console-shopper.js';
import { type RunningServer, startServer } from './server.js';

/** What a console spec file shares across its tests: its own server, and the clients to close after. */
export interface ConsoleSuite {
  /** The file's server (set once `beforeAll` has run). */
  readonly server: RunningServer;
  /** Browser contexts a test opened (second agents); closed after the file. */
  readonly contexts: BrowserContext[];
  /** A shopper socket on the file's server, closed after the file. */
  newShopper(visitorToken?: string): Promise<TestShopper>;
}

/**
 * Registers the file's `beforeAll`/`afterAll`: a fresh server (so files never share state), an
 * optional setup step once it runs (e.g. adding agents), and cleanup of every shopper and context.
 */
export function useConsoleSuite(setup?: (server: RunningServer) => Promise<void>): ConsoleSuite {
  let server: RunningServer | undefined;
  const shoppers: TestShopper[] = [];
  const contexts: BrowserContext[] = [];
  test.beforeAll(async () => {
    server = await startServer();
    await setup?.(server);
  });
  test.afterAll(async () => {
    for (const shopper of shoppers) shopper.close();
    for (const context of contexts) await context.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the suite server is not started yet');
      return server;
    },
    contexts,
    async newShopper(visitorToken?: string) {
      const shopper = await connectShopper(this.server.url, { visitorToken });
      shoppers.push(shopper);
      return shopper;
    },
  };
}
