/** What an agent without a picture shows instead: initials on a colour that stays theirs. */

/** Dark enough for white initials at WCAG AA (checked in avatar.test.ts). */
export const AVATAR_COLORS = ['#8b3a3a', '#6b4fa0', '#1f6f8b', '#2f6b3a', '#8a5a00', '#5a5a5a'];

/** Up to two initials: the first letter of the first two words (one character for a CJK name). */
export const initials = (name: string): string =>
  name
    .trim()
    .split(/\s+/)
    .map((word) => [...word][0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

/** The same colour for the same agent id, on every page and in every tab. */
export const avatarColor = (id: string): string =>
  AVATAR_COLORS[[...id].reduce((sum, character) => sum + character.charCodeAt(0), 0) % AVATAR_COLORS.length]!;
