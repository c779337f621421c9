import { CANNED_SHORTCUT_PATTERN, type CannedResponse, type CannedResponseInput, LIMITS } from '@aftercare/shared';

/** Most suggestions the composer lists at once; typing more narrows the list. */
export const MAX_SUGGESTIONS = 8;

/**
 * The search typed after a `/` that starts the draft ("/warr" → "warr"), or null when the draft
 * does not ask for a saved reply. The `/` must be the first character and the search one word:
 * a reply that merely starts with "/etc/hosts is…" closes the list at the first space.
 */
export function slashQuery(draft: string): string | null {
  const match = /^\/(\S*)$/.exec(draft);
  return match ? (match[1] ?? '') : null;
}

/**
 * The saved replies matching `query`, best first: shortcuts starting with it, then shortcuts or
 * titles containing it (case-insensitive); each group keeps the shortcut order it came in.
 */
export function filterCanned(responses: readonly CannedResponse[], query: string, max = MAX_SUGGESTIONS) {
  const needle = query.trim().toLowerCase();
  if (needle === '') return responses.slice(0, max);
  const starts: CannedResponse[] = [];
  const contains: CannedResponse[] = [];
  for (const response of responses) {
    const shortcut = response.shortcut.toLowerCase();
    if (shortcut.startsWith(needle)) starts.push(response);
    else if (shortcut.includes(needle) || response.title.toLowerCase().includes(needle)) contains.push(response);
  }
  return [...starts, ...contains].slice(0, max);
}

/** The draft once a saved reply is picked: the `/search` is replaced by the reply's text. */
export function insertCanned(draft: string, response: Pick<CannedResponse, 'text'>): string {
  return draft.replace(/^\/\S*/, '') === '' ? response.text : `${response.text}${draft.replace(/^\/\S*/, '')}`;
}

/** The option to highlight after an arrow key: wraps around both ends; -1 when there is none. */
export function moveActive(active: number, delta: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (active < 0) return delta === 1 ? 0 : count - 1;
  return (active + delta + count) % count;
}

/** The limit each field's "too long" message names. */
export const CANNED_FIELD_MAX: Record<keyof CannedResponseInput, number> = {
  shortcut: LIMITS.cannedShortcut,
  title: LIMITS.cannedTitle,
  text: LIMITS.cannedText,
};

/** Why a field of the management form is refused, as an i18n key suffix; the server checks the same. */
export type CannedFieldError = 'required' | 'shortcutFormat' | 'tooLong';

/** Checks the management form before it is sent; empty when every field is fine. */
export function validateCannedInput(
  input: CannedResponseInput,
): Partial<Record<keyof CannedResponseInput, CannedFieldError>> {
  const errors: Partial<Record<keyof CannedResponseInput, CannedFieldError>> = {};
  const shortcut = input.shortcut.trim();
  if (shortcut === '') errors.shortcut = 'required';
  else if (shortcut.length > LIMITS.cannedShortcut) errors.shortcut = 'tooLong';
  else if (!CANNED_SHORTCUT_PATTERN.test(shortcut)) errors.shortcut = 'shortcutFormat';
  if (input.title.trim() === '') errors.title = 'required';
  else if (input.title.trim().length > LIMITS.cannedTitle) errors.title = 'tooLong';
  if (input.text.trim() === '') errors.text = 'required';
  else if (input.text.length > LIMITS.cannedText) errors.text = 'tooLong';
  return errors;
}
