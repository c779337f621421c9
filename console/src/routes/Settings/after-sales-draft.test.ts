import { DEFAULT_SITE_SETTINGS, type Site } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import {
  afterSalesDraft,
  afterSalesFieldOfPath,
  afterSalesSettings,
  durationDraft,
  durationMinutes,
  validateAfterSales,
} from './after-sales-draft.js';
import { fieldOfIssue, siteDraft, siteUpdate, validateSiteDraft } from './site-draft.js';

const stored = {
  timeZone: 'Asia/Shanghai',
  warranty: {
    refundDays: null,
    replaceDays: 15,
    repairMonths: 24,
    byCategory: { Phones: { repairMonths: 6 }, Kettles: { refundDays: null, replaceDays: 30 } },
  },
  servicePromises: {
    firstReplyMinutes: 150,
    complaintAnswerMinutes: 24 * 60,
    resolutionMinutes: 72 * 60,
    escalateAfterMinutes: 2 * 24 * 60,
    byTier: { vip: { firstReplyMinutes: 30 } },
  },
  followUps: { firstAfterDays: 2, firstWithinDays: 5, secondAfterDays: 7 },
  ratings: { askAfterChat: true, askAfterTicket: false, updateWindowMinutes: 3 * 24 * 60, alertAtOrBelow: 3 },
};

describe('after-sales drafts', () => {
  it('converts stored terms to a draft and back unchanged', () => {
    const draft = afterSalesDraft(stored);
    expect(draft.warranty.refundDays.offered).toBe(false);
    expect(draft.targets.firstReplyMinutes).toEqual({ hours: '2', minutes: '30' });
    expect(draft.escalateAfter).toEqual({ hours: '48', minutes: '0' });
    expect(draft.tiers.vip.firstReplyMinutes).toBe('30');
    expect(draft.tiers.gold.firstReplyMinutes).toBe('');
    expect(draft.categories[1]?.terms).toEqual({ refundDays: null, replaceDays: '30', repairMonths: '' });
    expect(draft.updateWindowDays).toBe('3');
    expect(validateAfterSales(draft)).toEqual({});
    expect(afterSalesSettings(draft)).toEqual(stored);
  });

  it('stores hours and minutes as minutes, an unchecked term as null, blank overrides as absent', () => {
    const draft = afterSalesDraft(DEFAULT_SITE_SETTINGS);
    draft.warranty.refundDays = { offered: false, value: '0' };
    draft.warranty.repairMonths = { offered: true, value: '24' };
    draft.targets.firstReplyMinutes = { hours: '2', minutes: '' };
    draft.tiers.vip = { firstReplyMinutes: '30', complaintAnswerMinutes: ' ', resolutionMinutes: '' };
    draft.categories = [{ name: ' Phones ', terms: { refundDays: '', replaceDays: '', repairMonths: '6' } }];
    const settings = afterSalesSettings(draft);
    expect(settings.warranty).toEqual({
      refundDays: null,
      replaceDays: 15,
      repairMonths: 24,
      byCategory: { Phones: { repairMonths: 6 } },
    });
    expect(settings.servicePromises.firstReplyMinutes).toBe(120);
    expect(settings.servicePromises.byTier).toEqual({ vip: { firstReplyMinutes: 30 } });
    expect(durationMinutes(durationDraft(1441))).toBe(1441);
  });

  it('finds values outside the server’s ranges', () => {
    const draft = afterSalesDraft(DEFAULT_SITE_SETTINGS);
    draft.warranty.refundDays.value = '367';
    draft.warranty.replaceDays = { offered: false, value: 'x' };
    draft.warranty.repairMonths.value = '1.5';
    draft.targets.firstReplyMinutes = { hours: '0', minutes: '0' };
    draft.escalateAfter = { hours: String(366 * 24), minutes: '1' };
    draft.tiers.gold.resolutionMinutes = '0';
    draft.followUps = { firstAfterDays: '5', firstWithinDays: '2', secondAfterDays: '91' };
    draft.updateWindowDays = '-1';
    draft.categories = [
      { name: 'Phones', terms: { refundDays: '', replaceDays: '', repairMonths: '' } },
      { name: 'phones', terms: { refundDays: '', replaceDays: '', repairMonths: '' } },
    ];
    expect(validateAfterSales(draft)).toEqual({
      refundDays: 'days',
      repairMonths: 'days',
      categories: 'category',
      firstReplyMinutes: 'duration',
      escalateAfterMinutes: 'duration',
      tierTargets: 'tierMinutes',
      firstWithinDays: 'followUpWindow',
      secondAfterDays: 'days',
      updateWindow: 'days',
    });
  });

  it('is part of the site draft: validated, sent only when edited, server issues mapped', () => {
    const site: Site = {
      id: 's1',
      tenantId: 't',
      key: 'shop',
      name: 'Shop',
      allowedOrigins: [],
      settings: { ...DEFAULT_SITE_SETTINGS, ...stored },
      createdAt: 0,
    };
    const draft = siteDraft(site);
    expect(Object.keys(siteUpdate(draft, site.settings).settings ?? {})).not.toContain('warranty');
    draft.afterSales.followUps.secondAfterDays = '10';
    const update = siteUpdate(draft, site.settings).settings ?? {};
    expect(update.followUps).toEqual({ firstAfterDays: 2, firstWithinDays: 5, secondAfterDays: 10 });
    expect(update).not.toHaveProperty('servicePromises');
    draft.afterSales.followUps.secondAfterDays = '';
    expect(validateSiteDraft(draft)).toEqual({ secondAfterDays: 'days' });
    expect(fieldOfIssue('settings.warranty.byCategory.Phones: bad')).toBe('categories');
    expect(fieldOfIssue('settings.servicePromises.byTier.vip.firstReplyMinutes: bad')).toBe('tierTargets');
    expect(fieldOfIssue('settings.followUps: the window must end after it starts')).toBe('firstWithinDays');
    expect(afterSalesFieldOfPath('ratings.updateWindowMinutes')).toBe('updateWindow');
    expect(afterSalesFieldOfPath('timeZone')).toBe('timeZone');
  });
});
