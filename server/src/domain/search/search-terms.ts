/** Most words of a query that are searched for; the rest are ignored. */
export const MAX_SEARCH_TERMS = 8;

/**
 * Splits a query into the words that must all match: whitespace separates them, each counts once
 * (ignoring case), and nothing else is special (quotes and operators are ordinary characters).
 */
export function searchTerms(query: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const word of query.split(/\s+/u)) {
    const key = word.toLowerCase();
    if (word === '' || seen.has(key)) continue;
    seen.add(key);
    terms.push(word);
    if (terms.length === MAX_SEARCH_TERMS) break;
  }
  return terms;
}
