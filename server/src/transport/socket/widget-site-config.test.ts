import type { Site, WidgetSiteConfig } from '@aftercare/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITE_SETTINGS } from '../../demo/demo-data.js';
import { type AgentClient, connectAgent, connectVisitor, request, requestData } from '../../test-support/clients.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const MINUTE = 60_000;
/** Wall-clock time in Shanghai as an instant; 2026-06-01 is a Monday. */
const shanghai = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);

describe('the widget’s site config: session:ready and site:config', () => {
  let server: TestServer;
  let admin: AgentClient;
  let time = shanghai('2026-06-01', '10:00');
  const clock = { now: () => time };
  let site: Site;

  const siteConfig = async (socket: Parameters<typeof requestData>[0]) =>
    (await requestData<{ site: WidgetSiteConfig }>(socket, 'site:config', {})).site;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    admin = await connectAgent(server.url);
    site = (await requestData<{ sites: Site[] }>(admin, 'site:list', {})).sites[0]!;
  });
  afterAll(async () => {
    admin?.close();
    await server?.close();
  });

  it('session:ready carries the shopper-facing settings; without hours or agents a reply is expected in the usual time', async () => {
    const { socket, session } = await connectVisitor(server.url);
    try {
      const { color, greeting, offlineMessage, preChatFields, expectedReplyMinutes, defaultLocale } =
        DEMO_SITE_SETTINGS;
      expect(session.site).toEqual({
        name: site.name,
        color,
        greeting,
        offlineMessage,
        preChatFields,
        expectedReplyMinutes,
        defaultLocale,
        availability: { withinHours: true, agentsOnline: false, nextOpenAt: null, replyExpectedBy: time + 5 * MINUTE },
      });
      // Nothing the shop keeps to itself (business hours, allowed origins, the key) goes to the widget.
      expect(Object.keys(session.site)).not.toContain('businessHours');
      expect(JSON.stringify(session.site)).not.toContain('allowedOrigins');
      expect(await siteConfig(socket)).toEqual(session.site);
    } finally {
      socket.close();
    }
  });

  it('site:config follows agents going online and the admin’s changes, read fresh each time', async () => {
    const { socket } = await connectVisitor(server.url);
    try {
      await requestData(admin, 'presence:set', { status: 'online' });
      expect((await siteConfig(socket)).availability).toMatchObject({ agentsOnline: true, withinHours: true });

      await requestData(admin, 'site:update', {
        siteId: site.id,
        settings: {
          color: '#0f766e',
          expectedReplyMinutes: 30,
          businessHours: {
            timeZone: 'Asia/Shanghai',
            intervals: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' })),
            closedDates: ['2026-06-08'],
          },
        },
      });
      expect(await siteConfig(socket)).toMatchObject({
        color: '#0f766e',
        expectedReplyMinutes: 30,
        availability: { withinHours: true, agentsOnline: true, nextOpenAt: null, replyExpectedBy: time + 30 * MINUTE },
      });

      // Friday 17:50: open, but the reply runs into Tuesday (Monday is a closed date).
      time = shanghai('2026-06-05', '17:50');
      expect((await siteConfig(socket)).availability).toMatchObject({
        withinHours: true,
        nextOpenAt: null,
        replyExpectedBy: shanghai('2026-06-09', '09:20'),
      });

      // Saturday: closed; the shop opens on Tuesday at 09:00 and replies within half an hour of it.
      time = shanghai('2026-06-06', '11:00');
      expect((await siteConfig(socket)).availability).toEqual({
        withinHours: false,
        // The console's connection expired while the clock jumped a day: nobody is online any more.
        agentsOnline: false,
        nextOpenAt: shanghai('2026-06-09', '09:00'),
        replyExpectedBy: shanghai('2026-06-09', '09:30'),
      });
    } finally {
      socket.close();
      await requestData(admin, 'site:update', { siteId: site.id, settings: DEMO_SITE_SETTINGS });
    }
  });

  it('a new connection gets the current config in session:ready; site:config takes only an empty payload', async () => {
    time = shanghai('2026-06-06', '11:00');
    await requestData(admin, 'site:update', { siteId: site.id, settings: { greeting: { en: 'Weekend hours apply' } } });
    const { socket, session } = await connectVisitor(server.url);
    try {
      expect(session.site.greeting).toEqual({ en: 'Weekend hours apply' });
      expect(await request(socket, 'site:config', { siteId: 'another-site' })).toMatchObject({
        error: { code: 'INVALID_PAYLOAD' },
      });
    } finally {
      socket.close();
    }
  });
});
