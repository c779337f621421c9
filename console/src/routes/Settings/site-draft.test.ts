import { DEFAULT_SITE_SETTINGS, type Site } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import {
  addInterval,
  fieldOfIssue,
  moveRow,
  normalizeOrigin,
  siteDraft,
  siteInput,
  siteUpdate,
  validateSiteDraft,
} from './site-draft.js';

const site: Site = {
  id: 's1',
  tenantId: 't',
  key: 'shop',
  name: 'Shop',
  allowedOrigins: ['https://shop.example'],
  settings: { ...DEFAULT_SITE_SETTINGS, preChatFields: [{ field: 'email', required: true }] },
  createdAt: 0,
};

describe('site drafts', () => {
  it('lists every pre-chat field, asked ones first, and sends only the asked ones in order', () => {
    const draft = siteDraft(site);
    expect(draft.preChat.map((row) => [row.field, row.asked])).toEqual([
      ['email', true],
      ['name', false],
      ['phone', false],
    ]);
    draft.preChat[2] = { field: 'phone', asked: true, required: false };
    const moved = moveRow(draft.preChat, 2, -1);
    expect(siteInput({ ...draft, preChat: moved }).settings.preChatFields).toEqual([
      { field: 'email', required: true },
      { field: 'phone', required: false },
    ]);
    expect(moveRow(moved, 0, -1)).toBe(moved);
  });

  it('updates only the settings the form edits', () => {
    const update = siteUpdate(siteDraft(site), site.settings);
    expect(Object.keys(update.settings ?? {}).sort()).toEqual([
      'businessHours',
      'color',
      'defaultLocale',
      'expectedReplyMinutes',
      'greeting',
      'offlineMessage',
      'preChatFields',
    ]);
    expect(update).toMatchObject({ name: 'Shop', allowedOrigins: ['https://shop.example'] });
  });

  it('drops empty texts and trims the rest', () => {
    const draft = siteDraft(site);
    draft.settings.greeting = { en: '  Hi!  ', 'zh-CN': '   ' };
    expect(siteInput(draft).settings.greeting).toEqual({ en: 'Hi!' });
  });

  it('reduces what an admin types to an origin, refusing other schemes', () => {
    expect(normalizeOrigin(' https://shop.example/p/1?x=1 ')).toBe('https://shop.example');
    expect(normalizeOrigin('http://localhost:8080')).toBe('http://localhost:8080');
    expect(normalizeOrigin('javascript:alert(1)')).toBeNull();
    expect(normalizeOrigin('shop.example')).toBeNull();
  });

  it('finds a missing name, a bad colour, reversed and overlapping hours', () => {
    const draft = siteDraft(null);
    draft.settings.color = 'blue';
    expect(validateSiteDraft(draft)).toEqual({ name: 'required', color: 'color' });
    draft.name = 'Shop';
    draft.settings.color = '#112233';
    draft.settings.businessHours = {
      timeZone: 'Asia/Shanghai',
      intervals: [{ day: 1, open: '12:00', close: '09:00' }],
      closedDates: [],
    };
    expect(validateSiteDraft(draft)).toEqual({ hours: 'interval' });
    draft.settings.businessHours.intervals = [
      { day: 1, open: '09:00', close: '12:00' },
      { day: 1, open: '11:00', close: '18:00' },
      { day: 2, open: '09:00', close: '12:00' },
    ];
    expect(validateSiteDraft(draft)).toEqual({ hours: 'overlap' });
    draft.settings.businessHours.intervals = addInterval([{ day: 1, open: '09:00', close: '12:00' }], 1);
    expect(draft.settings.businessHours.intervals[1]).toEqual({ day: 1, open: '13:00', close: '23:00' });
    expect(validateSiteDraft(draft)).toEqual({});
  });

  it('points server issues at the right field', () => {
    expect(fieldOfIssue('settings.color: Invalid format')).toBe('color');
    expect(fieldOfIssue('allowedOrigins.0: Invalid URL')).toBe('origins');
    expect(fieldOfIssue('settings.businessHours.closedDates.1: bad')).toBe('closedDates');
    expect(fieldOfIssue('settings.businessHours.intervals.0.open: bad')).toBe('hours');
    expect(fieldOfIssue('Invalid key')).toBeNull();
  });
});
