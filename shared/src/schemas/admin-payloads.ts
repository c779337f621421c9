import * as v from 'valibot';
import { PRE_CHAT_FIELD_NAMES, type Weekday } from '../domain/site-settings.js';
import { AGENT_ROLES } from '../domain/types.js';
import { LOCALES } from '../i18n/locale.js';
import { LIMITS } from '../protocol/limits.js';
import { afterSalesSettingsEntries } from './after-sales-settings.js';
import * as field from './fields.js';

/**
 * Schemas of the settings events (`site:*`, `agent:create|update`, `team:*`) and of
 * `conversation:transfer`. Like every payload schema, objects are strict.
 */

/** `scheme://host[:port]`, as browsers send it in the `Origin` header (no path, no trailing slash). */
const ORIGIN_PATTERN =
  /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/;

/** Lower-cased, because the `Origin` header is, and the allowlist compares exactly. */
export const origin = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(LIMITS.origin),
  v.toLowerCase(),
  v.regex(ORIGIN_PATTERN, 'must be an origin such as https://shop.example'),
  v.check((value) => Number(ORIGIN_PATTERN.exec(value)?.[1] ?? 0) <= 65_535, 'port out of range'),
);

const allowedOrigins = v.pipe(
  v.array(origin),
  v.maxLength(LIMITS.allowedOrigins),
  v.check((values) => isUnique(values), 'origins must not repeat'),
);

/** True when `timeZone` is an IANA zone this runtime knows (`Asia/Shanghai`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** `HH:MM`, 24-hour; `24:00` only ends an interval (open until midnight). */
const TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const time = v.pipe(v.string(), v.regex(TIME_PATTERN, 'must be HH:MM'));
const closingTime = v.pipe(
  v.string(),
  v.check((value) => value === '24:00' || TIME_PATTERN.test(value), 'must be HH:MM (or 24:00)'),
);

const openingInterval = v.pipe(
  v.strictObject({
    day: v.picklist(WEEKDAYS, 'must be a weekday, 0 (Sunday) to 6'),
    open: time,
    close: closingTime,
  }),
  v.check((interval) => interval.close > interval.open, 'close must be after open'),
);

/** A real calendar day, `YYYY-MM-DD`. */
const calendarDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
  v.check((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'must be a real date'),
);

export const businessHours = v.strictObject({
  timeZone: v.pipe(v.string(), v.maxLength(64), v.check(isTimeZone, 'must be an IANA time zone')),
  intervals: v.pipe(
    v.array(openingInterval),
    v.maxLength(LIMITS.openingIntervals),
    // Touching intervals (09:00–12:00, 12:00–18:00) are fine; overlapping ones are a typo.
    v.check((intervals) => !hasOverlap(intervals), 'intervals of one day must not overlap'),
  ),
  closedDates: v.pipe(
    v.array(calendarDate),
    v.maxLength(LIMITS.closedDates),
    v.check((values) => isUnique(values), 'dates repeat'),
  ),
});

/** One text per language; a blank text is dropped, so the widget falls back to its own default. */
function localizedText(max: number) {
  const text = v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max)));
  return v.pipe(
    v.strictObject(
      Object.fromEntries(LOCALES.map((locale) => [locale, text])) as Record<(typeof LOCALES)[number], typeof text>,
    ),
    v.transform((texts) => Object.fromEntries(Object.entries(texts).filter(([, value]) => value)) as typeof texts),
  );
}

const preChatFields = v.pipe(
  v.array(v.strictObject({ field: v.picklist(PRE_CHAT_FIELD_NAMES), required: v.boolean() })),
  v.maxLength(PRE_CHAT_FIELD_NAMES.length),
  v.check((fields) => isUnique(fields.map((item) => item.field)), 'a field is listed twice'),
);

const siteSettingsEntries = {
  color: v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be #rrggbb'), v.toLowerCase()),
  greeting: localizedText(LIMITS.greeting),
  offlineMessage: localizedText(LIMITS.offlineMessage),
  preChatFields,
  businessHours: v.nullable(businessHours),
  expectedReplyMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.expectedReplyMinutesMax)),
  defaultLocale: v.nullable(v.picklist(LOCALES)),
  // After-sales terms: optional in `site:create`, where a missing one takes its default.
  ...afterSalesSettingsEntries,
};

/** Every setting of a site, as `site:create` sends them. */
export const siteSettings = v.strictObject(siteSettingsEntries);

const siteName = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.siteName));

export const siteCreate = v.strictObject({
  name: siteName,
  allowedOrigins,
  settings: siteSettings,
});

/** Every field optional, settings merged field by field; at least one change. */
export const siteUpdate = v.pipe(
  v.strictObject({
    siteId: field.id,
    name: v.optional(siteName),
    allowedOrigins: v.optional(allowedOrigins),
    settings: v.optional(v.partial(siteSettings)),
  }),
  v.check((input) => Object.keys(input).some((key) => key !== 'siteId'), 'must change at least one field'),
);

const password = v.pipe(v.string(), v.minLength(LIMITS.passwordMin), v.maxLength(LIMITS.password));

export const agentCreate = v.strictObject({
  email: v.pipe(field.email, v.toLowerCase()),
  name: field.name,
  role: v.picklist(AGENT_ROLES),
  password,
});

export const agentUpdate = v.pipe(
  v.strictObject({
    agentId: field.id,
    name: v.optional(field.name),
    role: v.optional(v.picklist(AGENT_ROLES)),
    active: v.optional(v.boolean()),
    avatarUrl: v.optional(v.nullable(field.webUrl)),
    password: v.optional(password),
  }),
  v.check((input) => Object.keys(input).some((key) => key !== 'agentId'), 'must change at least one field'),
);

const teamFields = {
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.teamName)),
  memberIds: v.pipe(
    v.array(field.id),
    v.maxLength(LIMITS.teamMembers),
    v.check((values) => isUnique(values), 'a member is listed twice'),
  ),
};

export const teamCreate = v.strictObject(teamFields);
export const teamUpdate = v.strictObject({ teamId: field.id, ...teamFields });
export const teamRef = v.strictObject({ teamId: field.id });

/** To exactly one agent or one team, with an optional note for the colleagues (stored as an internal note). */
export const conversationTransfer = v.pipe(
  v.strictObject({
    conversationId: field.id,
    toAgentId: v.optional(field.id),
    toTeamId: v.optional(field.id),
    note: v.optional(field.text(LIMITS.messageText)),
  }),
  v.check(
    (input) => (input.toAgentId === undefined) !== (input.toTeamId === undefined),
    'give exactly one of toAgentId and toTeamId',
  ),
);

function isUnique(values: readonly unknown[]): boolean {
  return new Set(values).size === values.length;
}

/** Whether two intervals of the same day overlap by more than a touching end. */
function hasOverlap(intervals: readonly { day: number; open: string; close: string }[]): boolean {
  const sorted = [...intervals].sort((a, b) => a.day - b.day || a.open.localeCompare(b.open));
  return sorted.some((interval, i) => {
    const next = sorted[i + 1];
    return next !== undefined && next.day === interval.day && next.open < interval.close;
  });
}
