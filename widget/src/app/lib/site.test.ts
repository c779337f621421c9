import type { PreChatField, WidgetSiteConfig } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { accentProperties, contrast, fieldError, fieldsToAsk, isAway, knownDetails, localized } from './site.js';

describe('accentProperties', () => {
  it('puts white on dark colours and black on light ones', () => {
    expect(accentProperties('#1a1a2e')).toEqual({ '--ac': '#1a1a2e', '--ac-fg': '#fff', '--ac-ink': '#1a1a2e' });
    expect(accentProperties('#ffd400')).toEqual({ '--ac': '#ffd400', '--ac-fg': '#000', '--ac-ink': '#1d2327' });
  });

  it('keeps text on the colour and the colour as text readable (WCAG AA) for every colour', () => {
    for (let r = 0; r < 256; r += 15)
      for (let g = 0; g < 256; g += 15)
        for (let b = 0; b < 256; b += 15) {
          const color = `#${[r, g, b].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
          const properties = accentProperties(color);
          const foreground = properties['--ac-fg'] === '#fff' ? '#ffffff' : '#000000';
          expect(contrast(color, foreground)).toBeGreaterThanOrEqual(4.5);
          expect(contrast(properties['--ac-ink'], '#ffffff')).toBeGreaterThanOrEqual(4.5);
        }
  });

  it('falls back to the widget colour for a malformed value', () => {
    expect(accentProperties('red')['--ac']).toBe('#0b6b57');
  });
});

describe('localized', () => {
  it("takes the shop's text in the shopper's language, else null for the catalog's", () => {
    expect(localized({ en: 'Hi!', 'zh-CN': '您好！' }, 'zh-CN')).toBe('您好！');
    expect(localized({ 'zh-CN': '您好！' }, 'en')).toBeNull();
    expect(localized({ en: '  ' }, 'en')).toBeNull();
  });
});

describe('isAway', () => {
  const site = (withinHours: boolean, agentsOnline: boolean) =>
    ({ availability: { withinHours, agentsOnline, nextOpenAt: null, replyExpectedBy: 0 } }) as WidgetSiteConfig;
  it('is away outside business hours or with nobody online', () => {
    expect(isAway(site(true, true))).toBe(false);
    expect(isAway(site(false, true))).toBe(true);
    expect(isAway(site(true, false))).toBe(true);
  });
});

describe('fieldError', () => {
  it('names a missing required field and a malformed one', () => {
    expect(fieldError({ field: 'phone', required: true }, ' ')).toBe('missingPhone');
    expect(fieldError({ field: 'phone', required: false }, '')).toBeNull();
    expect(fieldError({ field: 'phone', required: false }, 'call me')).toBe('errorPhone');
    expect(fieldError({ field: 'email', required: true }, 'li@example.com')).toBeNull();
    expect(fieldError({ field: 'name', required: true })).toBe('missingName');
  });
});

describe('fieldsToAsk', () => {
  const fields: PreChatField[] = [
    { field: 'phone', required: true },
    { field: 'name', required: false },
  ];
  it("asks the site's fields in its order", () => {
    expect(fieldsToAsk(fields, {}, false)).toEqual(fields);
  });

  it('adds an optional email to the offline form unless the site asks for it', () => {
    expect(fieldsToAsk(fields, {}, true)).toEqual([...fields, { field: 'email', required: false }]);
    const withEmail: PreChatField[] = [{ field: 'email', required: true }];
    expect(fieldsToAsk(withEmail, {}, true)).toEqual(withEmail);
  });

  it('skips what identify already told', () => {
    expect(fieldsToAsk(fields, { name: 'Li Wei', phone: '+86 138 0000 0000' }, false)).toEqual([]);
    expect(fieldsToAsk(fields, { name: 'Li Wei' }, false)).toEqual([fields[0]]);
  });
});

describe('knownDetails', () => {
  it('keeps only what the server would accept, trimmed', () => {
    expect(knownDetails({ name: ' Li Wei ', email: 'not an address', phone: '' })).toEqual({ name: 'Li Wei' });
    expect(knownDetails({ email: 'li@example.com', phone: '+86 138 0000 0000' })).toEqual({
      email: 'li@example.com',
      phone: '+86 138 0000 0000',
    });
  });
});
