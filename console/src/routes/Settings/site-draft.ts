import {
  type BusinessHours,
  DEFAULT_SITE_SETTINGS,
  LIMITS,
  type OpeningInterval,
  PRE_CHAT_FIELD_NAMES,
  type PreChatFieldName,
  type Site,
  type SiteInput,
  type SiteSettings,
  type SiteUpdatePayload,
} from '@aftercare/shared';
import {
  AFTER_SALES_SETTING_KEYS,
  type AfterSalesDraft,
  type AfterSalesField,
  type AfterSalesProblem,
  afterSalesDraft,
  afterSalesFieldOfPath,
  afterSalesSettings,
  validateAfterSales,
} from './after-sales-draft.js';

/** One possible pre-chat field as the form edits it: asked or not, in the shown order. */
export interface PreChatRow {
  field: PreChatFieldName;
  asked: boolean;
  required: boolean;
}

/** The site form's working copy: the site's input with the pre-chat fields as editable rows. */
export interface SiteDraft extends Omit<SiteInput, 'settings'> {
  settings: Omit<SiteInput['settings'], 'preChatFields' | (typeof AFTER_SALES_SETTING_KEYS)[number]>;
  preChat: PreChatRow[];
  /** The after-sales terms as typed (see `after-sales-draft.ts`). */
  afterSales: AfterSalesDraft;
}

/** Fields of the form an error can point at (also the ids' suffixes: `site-<field>`). */
export type SiteField =
  | 'name'
  | 'origins'
  | 'color'
  | 'greeting'
  | 'offlineMessage'
  | 'preChat'
  | 'hours'
  | 'closedDates'
  | 'expectedReplyMinutes'
  | 'defaultLocale'
  | AfterSalesField;

/** What is wrong with a field, as an i18n key suffix (`settings.site.error.<problem>`). */
export type SiteProblem =
  | 'required'
  | 'origin'
  | 'color'
  | 'interval'
  | 'overlap'
  | 'minutes'
  | 'server'
  | AfterSalesProblem;

export type SiteErrors = Partial<Record<SiteField, SiteProblem>>;

export const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Longest expected first-reply time a site may promise. */
export const MAX_REPLY_MINUTES = LIMITS.expectedReplyMinutesMax;

/** The rows of every possible field: the asked ones in their order, then the rest. */
export function preChatRows(fields: SiteInput['settings']['preChatFields']): PreChatRow[] {
  const asked = fields.map(({ field, required }) => ({ field, asked: true, required }));
  const rest = PRE_CHAT_FIELD_NAMES.filter((name) => !fields.some((item) => item.field === name)).map((field) => ({
    field,
    asked: false,
    required: false,
  }));
  return [...asked, ...rest];
}

/** A working copy of a stored site, or of a new one with the default settings. */
export function siteDraft(site: Site | null): SiteDraft {
  const { preChatFields, timeZone, warranty, servicePromises, followUps, ratings, ...settings } =
    site?.settings ?? DEFAULT_SITE_SETTINGS;
  return {
    name: site?.name ?? '',
    allowedOrigins: [...(site?.allowedOrigins ?? [])],
    settings: structuredClone(settings),
    preChat: preChatRows(preChatFields),
    afterSales: afterSalesDraft({ timeZone, warranty, servicePromises, followUps, ratings }),
  };
}

/** What the server gets: asked pre-chat fields in order, texts trimmed (an empty one dropped). */
export function siteInput(draft: SiteDraft): SiteInput {
  const trimmed = (texts: Record<string, string | undefined>) =>
    Object.fromEntries(
      Object.entries(texts)
        .map(([locale, text]) => [locale, text?.trim() ?? ''])
        .filter(([, text]) => text !== ''),
    );
  return {
    name: draft.name.trim(),
    allowedOrigins: draft.allowedOrigins,
    settings: {
      ...draft.settings,
      greeting: trimmed(draft.settings.greeting),
      offlineMessage: trimmed(draft.settings.offlineMessage),
      preChatFields: draft.preChat.filter((row) => row.asked).map(({ field, required }) => ({ field, required })),
      ...afterSalesSettings(draft.afterSales),
    },
  };
}

/** The widget's settings this form edits (the after-sales terms are sent only when edited). */
export const WIDGET_SETTING_KEYS = [
  'color',
  'greeting',
  'offlineMessage',
  'preChatFields',
  'businessHours',
  'expectedReplyMinutes',
  'defaultLocale',
] as const satisfies readonly (keyof SiteInput['settings'])[];

/**
 * A `site:update` of the form's fields only, so saving the widget's look never overwrites settings
 * another screen (or another admin) changed meanwhile.
 */
export function siteUpdate(draft: SiteDraft, stored?: SiteSettings): Omit<SiteUpdatePayload, 'siteId'> {
  const { name, allowedOrigins, settings } = siteInput(draft);
  const widget: Partial<SiteInput['settings']> = {};
  for (const key of WIDGET_SETTING_KEYS) Object.assign(widget, { [key]: settings[key] });
  // After-sales terms only when they differ from the stored ones: the server already applies them
  // to tickets, so an unrelated save must not put back terms a colleague just changed.
  for (const key of AFTER_SALES_SETTING_KEYS) {
    if (!stored || !sameValue(settings[key], stored[key])) Object.assign(widget, { [key]: settings[key] });
  }
  return { name, allowedOrigins, settings: widget };
}

/** Deep equality of JSON values, ignoring the order of object keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysOf = (value: object) => Object.keys(value).filter((key) => (value as never)[key] !== undefined);
  const [keysA, keysB] = [keysOf(a), keysOf(b)];
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/**
 * The origin of what an admin typed (`https://shop.example/some/page` → `https://shop.example`),
 * or null when it is not an http(s) address. The widget compares the page's exact origin.
 */
export function normalizeOrigin(typed: string): string | null {
  try {
    const url = new URL(typed.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Problems of one weekday's intervals: a malformed or empty interval, or two that overlap. */
function hoursProblem(hours: BusinessHours): SiteProblem | undefined {
  for (const { open, close } of hours.intervals) {
    // `24:00` may only end an interval (open until midnight).
    if (!TIME.test(open) || !(TIME.test(close) || close === '24:00') || close <= open) return 'interval';
  }
  const sorted = [...hours.intervals].sort((a, b) => a.day - b.day || a.open.localeCompare(b.open));
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1]!;
    const current = sorted[index]!;
    if (previous.day === current.day && current.open < previous.close) return 'overlap';
  }
  return undefined;
}

/** Checks the draft before sending; the server checks again and may refuse more. */
export function validateSiteDraft(draft: SiteDraft): SiteErrors {
  const errors: SiteErrors = {};
  if (draft.name.trim() === '') errors.name = 'required';
  if (!HEX_COLOR.test(draft.settings.color)) errors.color = 'color';
  const minutes = draft.settings.expectedReplyMinutes;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_REPLY_MINUTES) errors.expectedReplyMinutes = 'minutes';
  const hours = draft.settings.businessHours;
  const problem = hours && hoursProblem(hours);
  if (problem) errors.hours = problem;
  return { ...errors, ...validateAfterSales(draft.afterSales) };
}

/** Adds an opening interval to a weekday: after its last one, or 09:00–17:00 on a closed day. */
export function addInterval(intervals: OpeningInterval[], day: OpeningInterval['day']): OpeningInterval[] {
  const last = intervals
    .filter((item) => item.day === day)
    .sort((a, b) => a.close.localeCompare(b.close))
    .pop();
  const next: OpeningInterval = last
    ? { day, open: last.close < '22:00' ? laterBy(last.close, 60) : '22:00', close: '23:00' }
    : { day, open: '09:00', close: '17:00' };
  if (last && next.open < last.close) next.open = last.close;
  return [...intervals, next];
}

function laterBy(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = Math.min(h * 60 + m + minutes, 23 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Moves a pre-chat row up (-1) or down (+1); the ends stay put. */
export function moveRow(rows: PreChatRow[], index: number, by: -1 | 1): PreChatRow[] {
  const target = index + by;
  if (target < 0 || target >= rows.length) return rows;
  const next = [...rows];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/**
 * The form field a server validation issue names (`settings.color: Invalid hex` → `color`), so the
 * refusal shows beside the right input. Unknown paths answer null (the form-level message only).
 */
export function fieldOfIssue(issue: string): SiteField | null {
  const path = issue.split(':')[0]?.trim() ?? '';
  const [first, second] = path.split('.');
  if (first === 'name') return 'name';
  if (first === 'allowedOrigins') return 'origins';
  if (first !== 'settings') return null;
  switch (second) {
    case 'color':
    case 'greeting':
    case 'offlineMessage':
    case 'expectedReplyMinutes':
    case 'defaultLocale':
      return second;
    case 'preChatFields':
      return 'preChat';
    case 'businessHours':
      return path.includes('closedDates') ? 'closedDates' : 'hours';
    default:
      return afterSalesFieldOfPath(path.slice('settings.'.length));
  }
}
