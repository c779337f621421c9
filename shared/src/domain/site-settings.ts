import type { Locale } from '../i18n/locale.js';
import {
  DEFAULT_FOLLOW_UP_POLICY,
  DEFAULT_RATING_POLICY,
  DEFAULT_SERVICE_PROMISES,
  type FollowUpPolicy,
  type RatingPolicy,
  type ServicePromisePolicy,
} from './service-promises.js';
import { DEFAULT_WARRANTY_POLICY, type WarrantyPolicy } from './warranty.js';

/**
 * How a site's widget looks and behaves, set by the site's admins in the console.
 * Every field has a default (`DEFAULT_SITE_SETTINGS`), so a new site works before anyone configures it.
 */

/** Contact fields the pre-chat form can ask for. */
export type PreChatFieldName = 'name' | 'email' | 'phone';
export const PRE_CHAT_FIELD_NAMES: readonly PreChatFieldName[] = ['name', 'email', 'phone'];

/** One field of the pre-chat form, in the order the form shows them. A field not listed is not asked. */
export interface PreChatField {
  field: PreChatFieldName;
  required: boolean;
}

/** A text the site owner writes per language; a missing language falls back to the catalog's default text. */
export type LocalizedText = Partial<Record<Locale, string>>;

/** Day of the week as in `Date#getDay()`: 0 is Sunday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Opening hours on one weekday, in the site's time zone, `HH:MM` 24-hour; `close` after `open`. */
export interface OpeningInterval {
  day: Weekday;
  open: string;
  close: string;
}

/** When the shop's agents work. Service promises (SLA) count only these hours. */
export interface BusinessHours {
  /** IANA time zone, e.g. `Asia/Shanghai`. */
  timeZone: string;
  /** Several intervals per day are allowed (a lunch break); days without one are closed. */
  intervals: OpeningInterval[];
  /** Closed dates (`YYYY-MM-DD` in the site's time zone), e.g. public holidays. */
  closedDates: string[];
}

export interface SiteSettings {
  /** Widget accent colour, `#rrggbb`. */
  color: string;
  /** First line the shopper reads when opening the widget. */
  greeting: LocalizedText;
  /** Shown above the offline form when no agent is online or the shop is closed. */
  offlineMessage: LocalizedText;
  preChatFields: PreChatField[];
  /** `null`: always open (agents' presence alone decides whether the widget is online). */
  businessHours: BusinessHours | null;
  /** Typical first-reply time while open, shown to shoppers ("usually replies within …"). */
  expectedReplyMinutes: number;
  /** The site's language for shoppers whose browser language is not supported; `null` keeps the default. */
  defaultLocale: Locale | null;
  /**
   * The shop's own time zone (IANA): warranty days and report days are counted in it. Business
   * hours carry their own zone, which normally is the same.
   */
  timeZone: string;
  /** After-sales terms: 三包 warranty, service promises, follow-ups and rating requests. */
  warranty: WarrantyPolicy;
  servicePromises: ServicePromisePolicy;
  followUps: FollowUpPolicy;
  ratings: RatingPolicy;
}

/** The pre-chat form of a site nobody configured: name required, email optional. */
export const DEFAULT_PRE_CHAT_FIELDS: PreChatField[] = [
  { field: 'name', required: true },
  { field: 'email', required: false },
];

export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  color: '#2563eb',
  greeting: {},
  offlineMessage: {},
  preChatFields: DEFAULT_PRE_CHAT_FIELDS,
  businessHours: null,
  expectedReplyMinutes: 5,
  defaultLocale: null,
  timeZone: 'UTC',
  warranty: DEFAULT_WARRANTY_POLICY,
  servicePromises: DEFAULT_SERVICE_PROMISES,
  followUps: DEFAULT_FOLLOW_UP_POLICY,
  ratings: DEFAULT_RATING_POLICY,
};

/** Whether shoppers can expect a live answer now, as the server sees it at one moment. */
export interface SiteAvailability {
  /** Within business hours (always true without business hours). */
  withinHours: boolean;
  /** At least one agent of the site's tenant is online. */
  agentsOnline: boolean;
  /** When the shop next opens, if it is closed now and has business hours; else null. */
  nextOpenAt: number | null;
  /** When the shopper can expect a reply: soon while open and staffed, else from the next opening. */
  replyExpectedBy: number;
}

/** What the widget needs to know about its site: sent in `session:ready` and on `site:config`. */
export interface WidgetSiteConfig {
  name: string;
  color: string;
  greeting: LocalizedText;
  offlineMessage: LocalizedText;
  preChatFields: PreChatField[];
  expectedReplyMinutes: number;
  defaultLocale: Locale | null;
  availability: SiteAvailability;
}
