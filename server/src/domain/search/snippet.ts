import type { SearchSnippet } from '@aftercare/shared';

/** Characters of context kept before the first match, and the snippet's total length. */
const CONTEXT_BEFORE = 40;
const SNIPPET_LENGTH = 160;

/**
 * The part of `text` around the first match of any term, with every match inside it marked as
 * `[start, end)` offsets, so the console can highlight them while rendering plain text. Matching
 * ignores case the way `toLowerCase` does, which keeps offsets valid for the scripts we serve
 * (a few characters change length when lower-cased; those fall back to no highlight).
 */
export function snippetOf(text: string, terms: readonly string[]): SearchSnippet {
  const lower = text.toLowerCase();
  const sameLength = lower.length === text.length;
  const needles = sameLength ? terms.map((term) => term.toLowerCase()).filter((term) => term.length > 0) : [];
  const first = Math.min(...needles.map((needle) => lower.indexOf(needle)).filter((index) => index >= 0));
  const anchor = Number.isFinite(first) ? first : 0;
  let start = Math.max(0, anchor - CONTEXT_BEFORE);
  const end = Math.min(text.length, start + SNIPPET_LENGTH);
  start = Math.max(0, Math.min(start, end - SNIPPET_LENGTH));
  const highlights: [number, number][] = [];
  for (const needle of needles) {
    let from = lower.indexOf(needle, start);
    while (from >= 0 && from + needle.length <= end) {
      highlights.push([from - start, from - start + needle.length]);
      from = lower.indexOf(needle, from + needle.length);
    }
  }
  return {
    text: text.slice(start, end),
    highlights: mergeRanges(highlights),
    truncatedStart: start > 0,
    truncatedEnd: end < text.length,
  };
}

/** Sorted, with overlapping ranges joined, so the console can walk them in one pass. */
function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
