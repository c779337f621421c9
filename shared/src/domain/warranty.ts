/**
 * The warranty check (三包: 包退 refund, 包换 replace, 包修 repair): which remedies a purchase date
 * still allows under a site's policy. Pure and shared, so the console shows the answer while the agent
 * types the purchase date and the server stores the same answer on the ticket.
 */

export type Remedy = 'repair' | 'replace' | 'refund';
export const REMEDIES: readonly Remedy[] = ['refund', 'replace', 'repair'];

/** How long after purchase each remedy is free. `null`: the shop does not offer it under warranty. */
export interface WarrantyTerms {
  refundDays: number | null;
  replaceDays: number | null;
  repairMonths: number | null;
}

export interface WarrantyPolicy extends WarrantyTerms {
  /** Terms for product categories (matched case-insensitively), overriding the defaults field by field. */
  byCategory: Record<string, Partial<WarrantyTerms>>;
}

/** The common Chinese 三包 terms: refund within 7 days, replacement within 15, repair within 12 months. */
export const DEFAULT_WARRANTY_POLICY: WarrantyPolicy = {
  refundDays: 7,
  replaceDays: 15,
  repairMonths: 12,
  byCategory: {},
};

export type WarrantyReason =
  | 'within-period'
  | 'period-expired'
  | 'not-offered'
  | 'purchase-date-missing'
  | 'purchase-date-in-future';

export interface RemedyEligibility {
  remedy: Remedy;
  allowed: boolean;
  reason: WarrantyReason;
  /** Last day (inclusive, `YYYY-MM-DD` in the site's time zone) the remedy is free; null if unknown or not offered. */
  lastDay: string | null;
}

export interface WarrantyCheck {
  /** The day the check was made, in the site's time zone. */
  today: string;
  purchaseDate: string | null;
  /** Whole days from the purchase date to today; null without a valid purchase date. */
  daysSincePurchase: number | null;
  /** The category whose terms applied, as written in the policy; null when the defaults applied. */
  category: string | null;
  /** Refund, replace, repair, in that order. */
  remedies: RemedyEligibility[];
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Checks a purchase against a policy.
 * The purchase day counts as day 0: with `refundDays: 7`, a product bought on the 1st may be refunded
 * up to and including the 8th, matching "within 7 days of purchase" in shops' terms.
 * @example
 * checkWarranty(DEFAULT_WARRANTY_POLICY, { purchaseDate: '2026-03-01', now, timeZone: 'Asia/Shanghai' })
 *   .remedies.filter((r) => r.allowed).map((r) => r.remedy) // e.g. ['repair'] three weeks later
 */
export function checkWarranty(
  policy: WarrantyPolicy,
  purchase: { purchaseDate: string | null; category?: string | null; now: number; timeZone: string },
): WarrantyCheck {
  const today = dateInTimeZone(purchase.now, purchase.timeZone);
  const { terms, category } = termsFor(policy, purchase.category ?? null);
  const purchaseDay = purchase.purchaseDate && parseIsoDate(purchase.purchaseDate);
  if (!purchaseDay) {
    return result(today, null, null, category, () => ({
      allowed: false,
      reason: 'purchase-date-missing',
      lastDay: null,
    }));
  }
  const purchaseDate = formatDate(purchaseDay);
  const days = Math.round(((parseIsoDate(today) as number) - purchaseDay) / DAY_MS);
  if (days < 0) {
    return result(today, purchaseDate, days, category, () => ({
      allowed: false,
      reason: 'purchase-date-in-future',
      lastDay: null,
    }));
  }
  return result(today, purchaseDate, days, category, (remedy) => {
    const lastDayMs = lastFreeDay(purchaseDay, remedy, terms);
    if (lastDayMs === null) return { allowed: false, reason: 'not-offered', lastDay: null };
    const lastDay = formatDate(lastDayMs);
    return lastDay >= today
      ? { allowed: true, reason: 'within-period', lastDay }
      : { allowed: false, reason: 'period-expired', lastDay };
  });
}

function result(
  today: string,
  purchaseDate: string | null,
  daysSincePurchase: number | null,
  category: string | null,
  judge: (remedy: Remedy) => Omit<RemedyEligibility, 'remedy'>,
): WarrantyCheck {
  return {
    today,
    purchaseDate,
    daysSincePurchase,
    category,
    remedies: REMEDIES.map((remedy) => ({ remedy, ...judge(remedy) })),
  };
}

function termsFor(policy: WarrantyPolicy, category: string | null): { terms: WarrantyTerms; category: string | null } {
  const wanted = category?.trim().toLowerCase();
  const match = wanted
    ? Object.keys(policy.byCategory).find((name) => name.trim().toLowerCase() === wanted)
    : undefined;
  if (match === undefined) return { terms: policy, category: null };
  return { terms: { ...pickTerms(policy), ...definedOnly(policy.byCategory[match] ?? {}) }, category: match };
}

function pickTerms({ refundDays, replaceDays, repairMonths }: WarrantyTerms): WarrantyTerms {
  return { refundDays, replaceDays, repairMonths };
}

function definedOnly(terms: Partial<WarrantyTerms>): Partial<WarrantyTerms> {
  return Object.fromEntries(Object.entries(terms).filter(([, value]) => value !== undefined));
}

/** UTC midnight (ms) of the last free day, or null when the remedy is not offered. */
function lastFreeDay(purchaseDay: number, remedy: Remedy, terms: WarrantyTerms): number | null {
  if (remedy === 'repair') return terms.repairMonths === null ? null : addMonths(purchaseDay, terms.repairMonths);
  const days = remedy === 'refund' ? terms.refundDays : terms.replaceDays;
  return days === null ? null : purchaseDay + days * DAY_MS;
}

/** Same day of the month N months later, clamped to the month's end (31 Jan + 1 month → 28/29 Feb). */
function addMonths(dayMs: number, months: number): number {
  const date = new Date(dayMs);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const monthEnd = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), monthEnd));
  return target.getTime();
}

/** `YYYY-MM-DD` → UTC midnight in ms, or null for a malformed or impossible date (2026-02-30). */
export function parseIsoDate(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).getUTCDate() === day && new Date(ms).getUTCMonth() === month - 1 ? ms : null;
}

function formatDate(dayMs: number): string {
  return new Date(dayMs).toISOString().slice(0, 10);
}

/** The calendar date of an instant in a time zone, `YYYY-MM-DD`. */
export function dateInTimeZone(at: number, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
