import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('starts with a byte order mark and ends lines with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, null]])).toBe('\uFEFFa,b\r\n1,\r\n');
  });

  it('quotes cells with quotes, commas and line breaks', () => {
    expect(toCsv(['x'], [['say "hi"'], ['a,b'], ['two\nlines'], ['电热水壶']])).toBe(
      '\uFEFFx\r\n"say ""hi"""\r\n"a,b"\r\n"two\nlines"\r\n电热水壶\r\n',
    );
  });

  it('keeps text that looks like a formula as text, but not numbers', () => {
    const rows = [['=HYPERLINK("http://evil")'], ['+1'], ['-2'], ['@SUM(A1)'], ['\tx'], [-3]];
    expect(toCsv(['x'], rows).split('\r\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://evil"")"`,
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      '-3',
    ]);
  });
});
