import { AGENT_NAMESPACE, PROTOCOL_VERSION } from '@aftercare/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectVisitor, login } from '../../test-support/clients.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { createSiteSharing } from './connection-memory.js';

describe('per-connection memory (issue 6)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('keeps only the headers handshakes read once a connection is accepted', async () => {
    const { socket } = await connectVisitor(server.url);
    const engine = server.app.io.engine as unknown as {
      clients: Record<string, { request: { headers: Record<string, string>; rawHeaders?: unknown } }>;
    };
    const requests = Object.values(engine.clients).map((client) => client.request);
    expect(requests).toHaveLength(1);
    expect(Object.keys(requests[0]!.headers).sort()).toEqual(['host']);
    expect(requests[0]!.rawHeaders).toBeUndefined();
    socket.close();
  });

  it('still checks the console cookie and the origin on the trimmed request', async () => {
    const cookie = await login(server.url);
    const outcome = (headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const socket = io(`${server.url}${AGENT_NAMESPACE}`, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          auth: { protocolVersion: PROTOCOL_VERSION },
          extraHeaders: headers,
        });
        socket.once('session:ready', () => {
          socket.close();
          resolve('ready');
        });
        socket.once('connect_error', (error) => {
          socket.close();
          resolve(error.message);
        });
      });
    expect(await outcome({ cookie })).toBe('ready');
    expect(await outcome({ cookie, origin: 'https://elsewhere.example' })).toBe('ORIGIN_NOT_ALLOWED');
    expect(await outcome({ origin: new URL(server.url).origin })).toBe('UNAUTHORIZED');
  });
});

describe('createSiteSharing', () => {
  const site = {
    id: 'site-1',
    tenantId: 'tenant-1',
    key: 'shop',
    name: 'Shop',
    allowedOrigins: [],
    settings: { greeting: { en: 'Hi' } },
    createdAt: 1,
  } as unknown as Parameters<ReturnType<typeof createSiteSharing>>[0];

  it('hands out one object per unchanged site and the new one once it changed', () => {
    const share = createSiteSharing();
    const first = share(site);
    expect(share(structuredClone(site))).toBe(first);
    const changed = { ...structuredClone(site), name: 'Renamed shop' };
    expect(share(changed)).toBe(changed);
    expect(share(structuredClone(changed))).toBe(changed);
  });
});
