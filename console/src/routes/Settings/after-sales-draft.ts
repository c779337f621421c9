import {
  CUSTOMER_TIERS,
  type CustomerTier,
  DEFAULT_WARRANTY_POLICY,
  type FollowUpPolicy,
  type RatingPolicy,
  type ServicePromisePolicy,
  type ServiceTargets,
  type SiteSettings,
  type WarrantyPolicy,
  type WarrantyTerms,
} from '@aftercare/shared';

/**
 * The after-sales terms as the site form edits them: numbers as the typed text (so a blank field is
 * told from a zero), durations split into hours and minutes, and "not offered" as a checkbox.
 * The ranges mirror `shared/src/schemas/after-sales-settings.ts`; the server checks again.
 */

const DAY_MINUTES = 24 * 60;
/** Longest target or escalation the server accepts: a year, in minutes. */
export const MAX_TARGET_MINUTES = 366 * DAY_MINUTES;
export const MAX_WARRANTY_DAYS = 366;
export const MAX_WARRANTY_MONTHS = 120;
export const MAX_FOLLOW_UP_DAYS = 90;
export const MAX_UPDATE_WINDOW_DAYS = 90;
export const MAX_CATEGORIES = 50;

export type WarrantyTermKey = keyof WarrantyTerms;
export const WARRANTY_TERM_KEYS: readonly WarrantyTermKey[] = ['refundDays', 'replaceDays', 'repairMonths'];
export type TargetKey = keyof ServiceTargets;
export const TARGET_KEYS: readonly TargetKey[] = ['firstReplyMinutes', 'complaintAnswerMinutes', 'resolutionMinutes'];

/** A site-wide warranty term: offered or not, and for how long (kept while unchecked). */
export interface TermDraft {
  offered: boolean;
  value: string;
}

/** A category's term: `''` keeps the site's term, `null` (only from a stored policy) is "not offered". */
export type CategoryTermDraft = string | null;

export interface CategoryDraft {
  name: string;
  terms: Record<WarrantyTermKey, CategoryTermDraft>;
}

/** A duration as two fields; a blank one counts as zero. */
export interface DurationDraft {
  hours: string;
  minutes: string;
}

export interface AfterSalesDraft {
  timeZone: string;
  warranty: Record<WarrantyTermKey, TermDraft>;
  categories: CategoryDraft[];
  targets: Record<TargetKey, DurationDraft>;
  escalateAfter: DurationDraft;
  /** Per tier and target, minutes as typed; blank keeps the site's target. */
  tiers: Record<CustomerTier, Record<TargetKey, string>>;
  followUps: Record<keyof FollowUpPolicy, string>;
  askAfterChat: boolean;
  askAfterTicket: boolean;
  /** How long shoppers may change a rating, in days (decimals allowed for stored odd minutes). */
  updateWindowDays: string;
  alertAtOrBelow: number;
}

/** The after-sales settings a `site:update` carries. */
export const AFTER_SALES_SETTING_KEYS = [
  'timeZone',
  'warranty',
  'servicePromises',
  'followUps',
  'ratings',
] as const satisfies readonly (keyof SiteSettings)[];
export type AfterSalesSettings = Pick<SiteSettings, (typeof AFTER_SALES_SETTING_KEYS)[number]>;

/** Fields of the after-sales part an error can point at (also the ids' suffixes: `site-<field>`). */
export type AfterSalesField =
  | 'timeZone'
  | WarrantyTermKey
  | 'categories'
  | TargetKey
  | 'escalateAfterMinutes'
  | 'tierTargets'
  | keyof FollowUpPolicy
  | 'updateWindow'
  | 'alertAtOrBelow';

/** What is wrong, as an i18n key suffix (`settings.site.error.<problem>`), with the field's maximum. */
export type AfterSalesProblem = 'days' | 'duration' | 'tierMinutes' | 'followUpWindow' | 'category' | 'server';

export type AfterSalesErrors = Partial<Record<AfterSalesField, AfterSalesProblem>>;

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** Splits stored minutes into the two fields of a duration. */
export function durationDraft(minutes: number): DurationDraft {
  return { hours: String(Math.floor(minutes / 60)), minutes: String(minutes % 60) };
}

/** The minutes of a duration, or null when a field is not a whole non-negative number. */
export function durationMinutes(duration: DurationDraft): number | null {
  const hours = wholeNumber(duration.hours, 0);
  const minutes = wholeNumber(duration.minutes, 0);
  return hours === null || minutes === null ? null : hours * 60 + minutes;
}

/** A typed whole number ≥ 0, `blank` for an empty field, null for anything else. */
function wholeNumber<Blank>(typed: string, blank: Blank): number | Blank | null {
  const trimmed = typed.trim();
  if (trimmed === '') return blank;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** A working copy of a site's after-sales terms. */
export function afterSalesDraft(settings: AfterSalesSettings): AfterSalesDraft {
  const { warranty, servicePromises, followUps, ratings } = settings;
  const term = (key: WarrantyTermKey): TermDraft => ({
    offered: warranty[key] !== null,
    // An unchecked term still shows a sensible number for when it is checked again.
    value: String(warranty[key] ?? DEFAULT_WARRANTY_POLICY[key]),
  });
  const categoryTerm = (terms: Partial<WarrantyTerms>, key: WarrantyTermKey): CategoryTermDraft =>
    terms[key] === null ? null : text(terms[key]);
  return {
    timeZone: settings.timeZone,
    warranty: { refundDays: term('refundDays'), replaceDays: term('replaceDays'), repairMonths: term('repairMonths') },
    categories: Object.entries(warranty.byCategory).map(([name, terms]) => ({
      name,
      terms: {
        refundDays: categoryTerm(terms, 'refundDays'),
        replaceDays: categoryTerm(terms, 'replaceDays'),
        repairMonths: categoryTerm(terms, 'repairMonths'),
      },
    })),
    targets: {
      firstReplyMinutes: durationDraft(servicePromises.firstReplyMinutes),
      complaintAnswerMinutes: durationDraft(servicePromises.complaintAnswerMinutes),
      resolutionMinutes: durationDraft(servicePromises.resolutionMinutes),
    },
    escalateAfter: durationDraft(servicePromises.escalateAfterMinutes),
    tiers: Object.fromEntries(
      CUSTOMER_TIERS.map((tier) => {
        const targets = servicePromises.byTier[tier] ?? {};
        return [tier, Object.fromEntries(TARGET_KEYS.map((key) => [key, text(targets[key])]))];
      }),
    ) as AfterSalesDraft['tiers'],
    followUps: {
      firstAfterDays: String(followUps.firstAfterDays),
      firstWithinDays: String(followUps.firstWithinDays),
      secondAfterDays: String(followUps.secondAfterDays),
    },
    askAfterChat: ratings.askAfterChat,
    askAfterTicket: ratings.askAfterTicket,
    updateWindowDays: String(ratings.updateWindowMinutes / DAY_MINUTES),
    alertAtOrBelow: ratings.alertAtOrBelow,
  };
}

/** The stored form of a valid draft (`validateAfterSales` found nothing): minutes, nulls, no blank overrides. */
export function afterSalesSettings(draft: AfterSalesDraft): AfterSalesSettings {
  const number = (typed: string) => Number(typed.trim());
  const byCategory: WarrantyPolicy['byCategory'] = {};
  for (const { name, terms } of draft.categories) {
    const overrides: Partial<WarrantyTerms> = {};
    for (const key of WARRANTY_TERM_KEYS) {
      const value = terms[key];
      if (value === null) overrides[key] = null;
      else if (value.trim() !== '') overrides[key] = number(value);
    }
    byCategory[name.trim()] = overrides;
  }
  const byTier: ServicePromisePolicy['byTier'] = {};
  for (const tier of CUSTOMER_TIERS) {
    const targets: Partial<ServiceTargets> = {};
    for (const key of TARGET_KEYS) {
      const typed = draft.tiers[tier][key];
      if (typed.trim() !== '') targets[key] = number(typed);
    }
    if (Object.keys(targets).length > 0) byTier[tier] = targets;
  }
  const followUps: FollowUpPolicy = {
    firstAfterDays: number(draft.followUps.firstAfterDays),
    firstWithinDays: number(draft.followUps.firstWithinDays),
    secondAfterDays: number(draft.followUps.secondAfterDays),
  };
  const ratings: RatingPolicy = {
    askAfterChat: draft.askAfterChat,
    askAfterTicket: draft.askAfterTicket,
    updateWindowMinutes: Math.round(number(draft.updateWindowDays) * DAY_MINUTES),
    alertAtOrBelow: draft.alertAtOrBelow,
  };
  const term = (key: WarrantyTermKey) => (draft.warranty[key].offered ? number(draft.warranty[key].value) : null);
  return {
    timeZone: draft.timeZone,
    warranty: {
      refundDays: term('refundDays'),
      replaceDays: term('replaceDays'),
      repairMonths: term('repairMonths'),
      byCategory,
    },
    servicePromises: {
      firstReplyMinutes: durationMinutes(draft.targets.firstReplyMinutes) ?? 0,
      complaintAnswerMinutes: durationMinutes(draft.targets.complaintAnswerMinutes) ?? 0,
      resolutionMinutes: durationMinutes(draft.targets.resolutionMinutes) ?? 0,
      escalateAfterMinutes: durationMinutes(draft.escalateAfter) ?? 0,
      byTier,
    },
    followUps,
    ratings,
  };
}

/** The largest value a field accepts, for its error message. */
export function afterSalesMax(field: string): number {
  switch (field) {
    case 'repairMonths':
      return MAX_WARRANTY_MONTHS;
    case 'refundDays':
    case 'replaceDays':
    case 'categories':
      return MAX_WARRANTY_DAYS;
    case 'firstAfterDays':
    case 'firstWithinDays':
    case 'secondAfterDays':
      return MAX_FOLLOW_UP_DAYS;
    case 'updateWindow':
      return MAX_UPDATE_WINDOW_DAYS;
    case 'tierTargets':
      return MAX_TARGET_MINUTES;
    default:
      return 366;
  }
}

const inRange = (value: number | null, min: number, max: number) => value !== null && value >= min && value <= max;

/** Checks the after-sales part before sending, with the server's ranges. */
export function validateAfterSales(draft: AfterSalesDraft): AfterSalesErrors {
  const errors: AfterSalesErrors = {};
  for (const key of WARRANTY_TERM_KEYS) {
    const max = key === 'repairMonths' ? MAX_WARRANTY_MONTHS : MAX_WARRANTY_DAYS;
    if (draft.warranty[key].offered && !inRange(wholeNumber(draft.warranty[key].value, null), 0, max)) {
      errors[key] = 'days';
    }
  }
  const names = draft.categories.map((row) => row.name.trim().toLowerCase());
  const badCategory = draft.categories.some(
    ({ name, terms }, index) =>
      name.trim() === '' ||
      name.trim().length > 100 ||
      ['__proto__', 'constructor', 'prototype'].includes(name.trim()) ||
      names.indexOf(names[index]!) !== index ||
      WARRANTY_TERM_KEYS.some((key) => {
        const value = terms[key];
        if (value === null || value.trim() === '') return false;
        return !inRange(wholeNumber(value, null), 0, key === 'repairMonths' ? MAX_WARRANTY_MONTHS : MAX_WARRANTY_DAYS);
      }),
  );
  if (badCategory || draft.categories.length > MAX_CATEGORIES) errors.categories = 'category';
  for (const key of TARGET_KEYS) {
    if (!inRange(durationMinutes(draft.targets[key]), 1, MAX_TARGET_MINUTES)) errors[key] = 'duration';
  }
  if (!inRange(durationMinutes(draft.escalateAfter), 1, MAX_TARGET_MINUTES)) errors.escalateAfterMinutes = 'duration';
  const badTier = CUSTOMER_TIERS.some((tier) =>
    TARGET_KEYS.some((key) => {
      const typed = draft.tiers[tier][key];
      return typed.trim() !== '' && !inRange(wholeNumber(typed, null), 1, MAX_TARGET_MINUTES);
    }),
  );
  if (badTier) errors.tierTargets = 'tierMinutes';
  const followUp = (key: keyof FollowUpPolicy) => wholeNumber(draft.followUps[key], null);
  for (const key of ['firstAfterDays', 'firstWithinDays', 'secondAfterDays'] as const) {
    if (!inRange(followUp(key), 0, MAX_FOLLOW_UP_DAYS)) errors[key] = 'days';
  }
  if (!errors.firstAfterDays && !errors.firstWithinDays) {
    if ((followUp('firstWithinDays') ?? 0) < (followUp('firstAfterDays') ?? 0))
      errors.firstWithinDays = 'followUpWindow';
  }
  const window = draft.updateWindowDays.trim();
  const windowMinutes = /^\d+(\.\d+)?$/.test(window) ? Math.round(Number(window) * DAY_MINUTES) : null;
  if (!inRange(windowMinutes, 0, MAX_UPDATE_WINDOW_DAYS * DAY_MINUTES)) errors.updateWindow = 'days';
  return errors;
}

/**
 * The after-sales field a server issue's path names (`settings.warranty.refundDays` → `refundDays`),
 * or null when the path is not an after-sales one. `path` has the `settings.` prefix removed.
 */
export function afterSalesFieldOfPath(path: string): AfterSalesField | null {
  const [area, key] = path.split('.');
  switch (area) {
    case 'timeZone':
      return 'timeZone';
    case 'warranty':
      if (key === 'refundDays' || key === 'replaceDays' || key === 'repairMonths') return key;
      return 'categories';
    case 'servicePromises':
      if (key === 'byTier') return 'tierTargets';
      if (key === 'firstReplyMinutes' || key === 'complaintAnswerMinutes' || key === 'resolutionMinutes') return key;
      return 'escalateAfterMinutes';
    case 'followUps':
      if (key === 'firstAfterDays' || key === 'secondAfterDays') return key;
      return 'firstWithinDays';
    case 'ratings':
      return key === 'alertAtOrBelow' ? 'alertAtOrBelow' : 'updateWindow';
    default:
      return null;
  }
}
