import { afterEach, describe, expect, it } from 'vitest';
import { createAdjustableClock } from '../../domain/clock.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

describe('POST /api/test/clock', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const post = (url: string, body: unknown) =>
    fetch(`${url}/api/test/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('moves the server clock forward only, when the server was started with it', async () => {
    const clock = createAdjustableClock({ now: () => 1_000 });
    server = await startTestServer({ clock, adjustableClock: clock });
    const response = await post(server.url, { advanceMs: 3 * 86_400_000 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { now: 1_000 + 3 * 86_400_000 } });
    expect(clock.now()).toBe(1_000 + 3 * 86_400_000);
    for (const body of [{ advanceMs: -1 }, { advanceMs: '5' }, { advanceMs: 1, extra: true }, null]) {
      expect((await post(server.url, body)).status).toBe(400);
    }
    expect(clock.now()).toBe(1_000 + 3 * 86_400_000);
  });

  it('does not exist otherwise', async () => {
    server = await startTestServer();
    expect((await post(server.url, { advanceMs: 1 })).status).toBe(404);
  });
});
