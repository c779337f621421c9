import {
  CHAT_LIMITS,
  type ContactDetails,
  type LocalizedText,
  type PreChatField,
  type PreChatFieldName,
  type WidgetSiteConfig,
} from '@aftercare/shared';
import type { Locale } from '@aftercare/shared/i18n/locale.js';

/** Pure helpers over the site's settings (`WidgetSiteConfig`): colours, texts, form fields, availability. */

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The widget's own colour, used until the site's settings arrive and for a malformed one. */
export const FALLBACK_COLOR = '#0b6b57';

/**
 * The CSS custom properties for a site colour: `--ac` the colour itself (header, buttons, the
 * shopper's bubbles), `--ac-fg` the text on it — black or white, whichever contrasts more, which
 * is at least 4.58:1 for any colour, so WCAG AA holds whatever the shop picks — and `--ac-ink`
 * the colour as text on white (links, outlined buttons), replaced by the body text colour when
 * the colour is too light to read there.
 */
export function accentProperties(color: string): Record<'--ac' | '--ac-fg' | '--ac-ink', string> {
  const accent = /^#[0-9a-f]{6}$/i.test(color) ? color : FALLBACK_COLOR;
  const onWhite = contrast(accent, '#ffffff');
  return {
    '--ac': accent,
    '--ac-fg': onWhite >= contrast(accent, '#000000') ? '#fff' : '#000',
    '--ac-ink': onWhite >= 4.5 ? accent : '#1d2327',
  };
}

/** The shop's own text in the shopper's language, or null to use the catalog's. */
export const localized = (text: LocalizedText, locale: Locale): string | null => text[locale]?.trim() || null;

/** No live answer now: outside business hours, or no agent online. */
export const isAway = (site: WidgetSiteConfig): boolean =>
  !site.availability.withinHours || !site.availability.agentsOnline;

/** Client-side checks mirror the server's schema, so a refusal is rare and explained right here. */
const FORMATS: Record<PreChatFieldName, RegExp> = {
  name: /\S/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  phone: /^\+?[0-9 ()./-]{3,}$/,
};

/**
 * The catalog key of what is wrong with a field's value, or null when it is fine: missing
 * (`missingName`…) when required and empty, malformed (`errorEmail`…) when filled in wrongly.
 */
export function fieldError({ field, required }: PreChatField, value = ''): string | null {
  const trimmed = value.trim();
  if (!trimmed) return required ? `missing${field[0]!.toUpperCase()}${field.slice(1)}` : null;
  return FORMATS[field].test(trimmed) ? null : `error${field[0]!.toUpperCase()}${field.slice(1)}`;
}

/** The contact details the shop gave through `identify` that the server would accept as they are. */
export function knownDetails(identity: ContactDetails): ContactDetails {
  const known: ContactDetails = {};
  for (const field of ['name', 'email', 'phone'] as const) {
    const value = identity[field]?.trim();
    if (value && value.length <= CHAT_LIMITS[field] && !fieldError({ field, required: true }, value))
      known[field] = value;
  }
  return known;
}

/**
 * The fields a form asks, in the site's order, minus those `known` answers. The offline form
 * always offers email (optional unless the site requires it): without it the shop may have no way
 * to answer a shopper who has left.
 */
export function fieldsToAsk(fields: PreChatField[], known: ContactDetails, offline: boolean): PreChatField[] {
  const withEmail: PreChatField[] =
    offline && !fields.some(({ field }) => field === 'email')
      ? [...fields, { field: 'email', required: false }]
      : fields;
  return withEmail.filter(({ field }) => !known[field]);
}
