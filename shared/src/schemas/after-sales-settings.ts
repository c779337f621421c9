import * as v from 'valibot';
import * as field from './fields.js';

/** Schemas of a site's after-sales terms (part of its settings): warranty, promises, follow-ups, ratings. */

const days = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
/** A target in minutes: at least one, at most a year. */
const minutes = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(366 * 24 * 60));

const warrantyTerms = {
  refundDays: v.nullable(days(366)),
  replaceDays: v.nullable(days(366)),
  repairMonths: v.nullable(days(120)),
};

export const warrantyPolicy = v.strictObject({
  ...warrantyTerms,
  byCategory: v.pipe(
    v.record(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)), v.partial(v.strictObject(warrantyTerms))),
    v.check((categories) => Object.keys(categories).length <= 50, 'at most 50 categories'),
    // Keys become object keys on the server: refuse the ones that would touch prototypes.
    v.check(
      (categories) =>
        !Object.keys(categories).some((key) => key === '__proto__' || key === 'constructor' || key === 'prototype'),
      'reserved category name',
    ),
  ),
});

const serviceTargets = {
  firstReplyMinutes: minutes,
  complaintAnswerMinutes: minutes,
  resolutionMinutes: minutes,
};

/** Targets for one customer tier, each field overriding the site's default. */
const tierTargets = v.optional(v.partial(v.strictObject(serviceTargets)));

export const servicePromisePolicy = v.strictObject({
  ...serviceTargets,
  escalateAfterMinutes: minutes,
  byTier: v.strictObject({
    standard: tierTargets,
    silver: tierTargets,
    gold: tierTargets,
    vip: tierTargets,
  }),
});

export const followUpPolicy = v.pipe(
  v.strictObject({ firstAfterDays: days(90), firstWithinDays: days(90), secondAfterDays: days(90) }),
  v.check((policy) => policy.firstWithinDays >= policy.firstAfterDays, 'the window must end after it starts'),
);

export const ratingPolicy = v.strictObject({
  askAfterChat: v.boolean(),
  askAfterTicket: v.boolean(),
  updateWindowMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(90 * 24 * 60)),
  alertAtOrBelow: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5)),
});

/** Optional in `site:create` (a missing one takes its default); validated whole when given. */
export const afterSalesSettingsEntries = {
  timeZone: v.optional(field.timeZone),
  warranty: v.optional(warrantyPolicy),
  servicePromises: v.optional(servicePromisePolicy),
  followUps: v.optional(followUpPolicy),
  ratings: v.optional(ratingPolicy),
};
