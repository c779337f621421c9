import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../domain/site-settings.js';
import { isTimeZone } from './admin-payloads.js';
import { schemas, validate } from './index.js';

const hours = {
  timeZone: 'America/New_York',
  intervals: [
    { day: 1, open: '09:00', close: '12:00' },
    { day: 1, open: '12:00', close: '24:00' },
  ],
  closedDates: ['2026-12-25'],
};

describe('settings payload schemas', () => {
  it('knows IANA time zones from the runtime', () => {
    expect(['Asia/Shanghai', 'America/New_York', 'UTC'].every(isTimeZone)).toBe(true);
    expect(['Mars/Olympus', '', 'Asia/Shanghai ', '+08:00'].some(isTimeZone)).toBe(false);
  });

  it('accepts touching intervals and 24:00; refuses overlaps, reversed and malformed times', () => {
    const site = (businessHours: unknown) => ({
      name: 'Shop',
      allowedOrigins: [],
      settings: { ...DEFAULT_SITE_SETTINGS, businessHours },
    });
    expect(validate(schemas.siteCreate, site(hours)).ok).toBe(true);
    for (const intervals of [
      [{ day: 1, open: '09:00', close: '09:00' }],
      [{ day: 1, open: '9:00', close: '10:00' }],
      [{ day: 1, open: '24:00', close: '24:00' }],
      [{ day: 1, open: '09:00', close: '24:30' }],
      [
        { day: 3, open: '09:00', close: '12:01' },
        { day: 3, open: '12:00', close: '13:00' },
      ],
    ]) {
      expect(validate(schemas.siteCreate, site({ ...hours, intervals })).ok, JSON.stringify(intervals)).toBe(false);
    }
    expect(validate(schemas.siteCreate, site({ ...hours, closedDates: ['2026-12-25', '2026-12-25'] })).ok).toBe(false);
  });

  it('lower-cases origins and colours and drops blank texts', () => {
    const result = validate(schemas.siteCreate, {
      name: ' Shop ',
      allowedOrigins: ['HTTPS://Shop.Example:8443'],
      settings: { ...DEFAULT_SITE_SETTINGS, color: '#ABCDEF', offlineMessage: { en: ' ', 'zh-CN': ' 留言 ' } },
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        name: 'Shop',
        allowedOrigins: ['https://shop.example:8443'],
        settings: { color: '#abcdef', offlineMessage: { 'zh-CN': '留言' } },
      },
    });
    expect(
      validate(schemas.siteCreate, {
        name: 'x',
        allowedOrigins: ['https://a.example:70000'],
        settings: DEFAULT_SITE_SETTINGS,
      }).ok,
    ).toBe(false);
  });

  it('a transfer names exactly one target', () => {
    expect(validate(schemas.conversationTransfer, { conversationId: 'c', toAgentId: 'a' }).ok).toBe(true);
    expect(validate(schemas.conversationTransfer, { conversationId: 'c', toTeamId: 't', note: 'why' }).ok).toBe(true);
    expect(validate(schemas.conversationTransfer, { conversationId: 'c', toAgentId: 'a', toTeamId: 't' }).ok).toBe(
      false,
    );
    expect(validate(schemas.conversationTransfer, { conversationId: 'c', note: 'to nobody' }).ok).toBe(false);
  });

  it('agent and team payloads: passwords of 8+, at least one change, members once', () => {
    const create = { email: 'A@Shop.Example', name: 'Ann', role: 'agent', password: '12345678' };
    expect(validate(schemas.agentCreate, create)).toMatchObject({ ok: true, value: { email: 'a@shop.example' } });
    expect(validate(schemas.agentCreate, { ...create, password: '1234567' }).ok).toBe(false);
    expect(validate(schemas.agentUpdate, { agentId: 'a1' }).ok).toBe(false);
    expect(validate(schemas.agentUpdate, { agentId: 'a1', avatarUrl: null }).ok).toBe(true);
    expect(validate(schemas.teamCreate, { name: 'Repairs', memberIds: ['a1', 'a1'] }).ok).toBe(false);
    expect(validate(schemas.teamCreate, { name: ' ', memberIds: [] }).ok).toBe(false);
  });
});
