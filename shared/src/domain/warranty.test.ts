import { describe, expect, it } from 'vitest';
import {
  checkWarranty,
  DEFAULT_WARRANTY_POLICY,
  dateInTimeZone,
  parseIsoDate,
  type Remedy,
  type WarrantyPolicy,
} from './warranty.js';

const SHANGHAI = 'Asia/Shanghai';
/** Noon in Shanghai on a date, so the local date is unambiguous. */
const noonShanghai = (date: string) => Date.parse(`${date}T12:00:00+08:00`);

function allowed(
  purchaseDate: string | null,
  today: string,
  policy: WarrantyPolicy = DEFAULT_WARRANTY_POLICY,
  category?: string,
) {
  const check = checkWarranty(policy, { purchaseDate, category, now: noonShanghai(today), timeZone: SHANGHAI });
  return check.remedies.filter((remedy) => remedy.allowed).map((remedy) => remedy.remedy);
}

describe('checkWarranty with the default 三包 terms', () => {
  it.each<[string, Remedy[]]>([
    ['2026-03-01', ['refund', 'replace', 'repair']], // the purchase day itself
    ['2026-03-08', ['refund', 'replace', 'repair']], // day 7: last refund day
    ['2026-03-09', ['replace', 'repair']], // day 8
    ['2026-03-16', ['replace', 'repair']], // day 15: last replacement day
    ['2026-03-17', ['repair']], // day 16
    ['2027-03-01', ['repair']], // 12 months to the day
    ['2027-03-02', []], // one day too late
  ])('bought 2026-03-01, checked %s → %j', (today, remedies) => {
    expect(allowed('2026-03-01', today)).toEqual(remedies);
  });

  it('explains each remedy with a reason and its last day', () => {
    const check = checkWarranty(DEFAULT_WARRANTY_POLICY, {
      purchaseDate: '2026-03-01',
      now: noonShanghai('2026-03-10'),
      timeZone: SHANGHAI,
    });
    expect(check).toEqual({
      today: '2026-03-10',
      purchaseDate: '2026-03-01',
      daysSincePurchase: 9,
      category: null,
      remedies: [
        { remedy: 'refund', allowed: false, reason: 'period-expired', lastDay: '2026-03-08' },
        { remedy: 'replace', allowed: true, reason: 'within-period', lastDay: '2026-03-16' },
        { remedy: 'repair', allowed: true, reason: 'within-period', lastDay: '2027-03-01' },
      ],
    });
  });

  it('clamps month arithmetic to the end of the month (31 Jan + 1 month, leap years)', () => {
    const policy = { ...DEFAULT_WARRANTY_POLICY, repairMonths: 1 };
    expect(allowed('2026-01-31', '2026-02-28', policy)).toContain('repair');
    expect(allowed('2026-01-31', '2026-03-01', policy)).not.toContain('repair');
    expect(allowed('2028-01-31', '2028-02-29', policy)).toContain('repair');
    const twelve = checkWarranty(DEFAULT_WARRANTY_POLICY, {
      purchaseDate: '2028-02-29',
      now: noonShanghai('2028-03-01'),
      timeZone: SHANGHAI,
    });
    expect(twelve.remedies.find((remedy) => remedy.remedy === 'repair')?.lastDay).toBe('2029-02-28');
  });

  it('refuses every remedy without a purchase date, or with an impossible one, and says why', () => {
    for (const purchaseDate of [null, '', '2026-02-30', '01/03/2026', '2026-3-1']) {
      const check = checkWarranty(DEFAULT_WARRANTY_POLICY, {
        purchaseDate,
        now: noonShanghai('2026-03-10'),
        timeZone: SHANGHAI,
      });
      expect(check.purchaseDate).toBeNull();
      expect(check.daysSincePurchase).toBeNull();
      expect(check.remedies.map((remedy) => [remedy.allowed, remedy.reason])).toEqual([
        [false, 'purchase-date-missing'],
        [false, 'purchase-date-missing'],
        [false, 'purchase-date-missing'],
      ]);
    }
  });

  it('refuses a purchase date after today', () => {
    const check = checkWarranty(DEFAULT_WARRANTY_POLICY, {
      purchaseDate: '2026-03-11',
      now: noonShanghai('2026-03-10'),
      timeZone: SHANGHAI,
    });
    expect(check.daysSincePurchase).toBe(-1);
    expect(new Set(check.remedies.map((remedy) => remedy.reason))).toEqual(new Set(['purchase-date-in-future']));
  });

  it("counts days in the site's time zone, not the server's", () => {
    // 2026-03-08 20:00 UTC is already 2026-03-09 04:00 in Shanghai: day 8, refund over there…
    const instant = Date.parse('2026-03-08T20:00:00Z');
    const shanghai = checkWarranty(DEFAULT_WARRANTY_POLICY, {
      purchaseDate: '2026-03-01',
      now: instant,
      timeZone: SHANGHAI,
    });
    expect(shanghai.today).toBe('2026-03-09');
    expect(shanghai.remedies[0]).toMatchObject({ remedy: 'refund', allowed: false });
    // …but still 2026-03-08 in New York: day 7, refund still allowed.
    const newYork = checkWarranty(DEFAULT_WARRANTY_POLICY, {
      purchaseDate: '2026-03-01',
      now: instant,
      timeZone: 'America/New_York',
    });
    expect(newYork.today).toBe('2026-03-08');
    expect(newYork.remedies[0]).toMatchObject({ remedy: 'refund', allowed: true });
  });

  it('counts whole days across a daylight-saving change', () => {
    // New York moves its clocks on 2026-03-08; the count must stay a whole number of days.
    const check = checkWarranty(DEFAULT_WARRANTY_POLICY, {
      purchaseDate: '2026-03-07',
      now: Date.parse('2026-03-14T23:30:00-04:00'),
      timeZone: 'America/New_York',
    });
    expect(check.daysSincePurchase).toBe(7);
    expect(check.remedies[0]).toMatchObject({ remedy: 'refund', allowed: true, lastDay: '2026-03-14' });
  });
});

describe('per-category terms', () => {
  const policy: WarrantyPolicy = {
    ...DEFAULT_WARRANTY_POLICY,
    byCategory: { Phones: { repairMonths: 24 }, Clearance: { refundDays: null, replaceDays: null, repairMonths: 3 } },
  };

  it('override the defaults field by field, matched case-insensitively', () => {
    expect(allowed('2026-03-01', '2027-06-01', policy, 'phones')).toEqual(['repair']);
    expect(allowed('2026-03-01', '2027-06-01', policy)).toEqual([]);
    const check = checkWarranty(policy, {
      purchaseDate: '2026-03-01',
      category: ' PHONES ',
      now: noonShanghai('2026-03-02'),
      timeZone: SHANGHAI,
    });
    expect(check.category).toBe('Phones');
    expect(check.remedies.map((remedy) => remedy.allowed)).toEqual([true, true, true]);
  });

  it('can withdraw a remedy (not offered), which is different from expired', () => {
    const check = checkWarranty(policy, {
      purchaseDate: '2026-03-01',
      category: 'clearance',
      now: noonShanghai('2026-03-02'),
      timeZone: SHANGHAI,
    });
    expect(check.remedies.map((remedy) => [remedy.remedy, remedy.allowed, remedy.reason, remedy.lastDay])).toEqual([
      ['refund', false, 'not-offered', null],
      ['replace', false, 'not-offered', null],
      ['repair', true, 'within-period', '2026-06-01'],
    ]);
  });

  it('falls back to the defaults for an unknown category', () => {
    const check = checkWarranty(policy, {
      purchaseDate: '2026-03-01',
      category: 'Toasters',
      now: noonShanghai('2026-03-02'),
      timeZone: SHANGHAI,
    });
    expect(check.category).toBeNull();
    expect(check.remedies.every((remedy) => remedy.allowed)).toBe(true);
  });
});

describe('date helpers', () => {
  it('parse only real calendar dates', () => {
    expect(parseIsoDate('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
  });

  it('give the local date of an instant', () => {
    expect(dateInTimeZone(Date.parse('2026-12-31T16:30:00Z'), SHANGHAI)).toBe('2027-01-01');
    expect(dateInTimeZone(Date.parse('2026-12-31T16:30:00Z'), 'UTC')).toBe('2026-12-31');
  });
});
