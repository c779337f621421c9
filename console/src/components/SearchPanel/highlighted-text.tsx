import type { SearchSnippet } from '@aftercare/shared';

/**
 * A search snippet with its matches marked. Every piece is a text node (Preact escapes it), so a
 * message's `<b>` or `<script>` shows as typed; `<mark>` is the only element added.
 */
export function HighlightedText({ snippet }: { snippet: SearchSnippet }) {
  const parts: preact.ComponentChild[] = [];
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    if (start < at || end > snippet.text.length) continue;
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push(<mark key={start}>{snippet.text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  return (
    <span class="search-snippet">
      {snippet.truncatedStart && '…'}
      {parts}
      {snippet.truncatedEnd && '…'}
    </span>
  );
}
