/**
 * WCAG 2 contrast between the widget's accent colour and the white text the widget puts on it
 * (launcher icon, header title). Admins see the ratio while they pick, so a pale brand colour
 * does not quietly make the widget unreadable.
 */

/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

function channel(value: number): number {
  const srgb = value / 255;
  return srgb <= 0.03928 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((value >> 16) & 255) + 0.7152 * channel((value >> 8) & 255) + 0.0722 * channel(value & 255);
}

/**
 * Contrast ratio of white on `hex`, from 1 to 21.
 * @example contrastWithWhite('#2563eb') // ≈ 5.17
 */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}
