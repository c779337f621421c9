/** A CSV cell: text, a number, or empty (null). */
export type CsvCell = string | number | null;

/** Characters that make spreadsheets read a text cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV document (RFC 4180: CRLF line ends, quoted cells with doubled quotes) for spreadsheets.
 * Starts with a UTF-8 byte order mark, without which Excel reads the file in the machine's legacy
 * code page and garbles Chinese. Text cells that start like a formula are prefixed with `'`, so a
 * product named `=HYPERLINK(…)` stays text; numbers are written by us and left alone.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const guarded = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}
