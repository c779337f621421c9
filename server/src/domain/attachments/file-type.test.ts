import { describe, expect, it } from 'vitest';
import { gifFile, jpegFile, pdfFile, pngFile, webpFile } from '../../test-support/sample-files.js';
import { nameMatchesType, sanitizeFileName } from './file-name.js';
import { FileTypeSniffer } from './file-type.js';

/** Feeds the file in small chunks, as a network stream would, to exercise the streaming checks. */
function detect(bytes: Buffer, chunkSize = 7) {
  const sniffer = new FileTypeSniffer();
  for (let offset = 0; offset < bytes.length; offset += chunkSize)
    sniffer.push(bytes.subarray(offset, offset + chunkSize));
  return sniffer.finish();
}

describe('file type detection', () => {
  it('recognises each accepted type by its bytes and reads image sizes from the header', () => {
    expect(detect(pngFile(40, 30))).toEqual({ mimeType: 'image/png', width: 40, height: 30 });
    expect(detect(jpegFile(1024, 768))).toEqual({ mimeType: 'image/jpeg', width: 1024, height: 768 });
    expect(detect(gifFile(16, 9))).toEqual({ mimeType: 'image/gif', width: 16, height: 9 });
    expect(detect(webpFile(5000, 3))).toEqual({ mimeType: 'image/webp', width: 5000, height: 3 });
    expect(detect(pdfFile())).toEqual({ mimeType: 'application/pdf', width: null, height: null });
    expect(detect(Buffer.from('Serial number: 42\n保修卡'))).toEqual({
      mimeType: 'text/plain',
      width: null,
      height: null,
    });
  });

  it('keeps an image whose header is cut short, without a size', () => {
    expect(detect(pngFile(4, 4).subarray(0, 12))).toEqual({ mimeType: 'image/png', width: null, height: null });
    expect(detect(jpegFile(10, 10).subarray(0, 100))).toEqual({ mimeType: 'image/jpeg', width: null, height: null });
  });

  it('refuses binary data, text with NUL bytes, invalid UTF-8 and a character cut at the end', () => {
    expect(detect(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toBeNull();
    expect(detect(Buffer.from('plain\0text'))).toBeNull();
    expect(detect(Buffer.from([0x68, 0x69, 0xff, 0xfe]))).toBeNull();
    expect(detect(Buffer.from('保修', 'utf8').subarray(0, 4))).toBeNull();
    expect(detect(Buffer.alloc(0))).toBeNull();
  });

  it('accepts a multi-byte character split across chunks', () => {
    expect(detect(Buffer.from('维修单 repair', 'utf8'), 1)).toMatchObject({ mimeType: 'text/plain' });
  });
});

describe('file names', () => {
  it('keeps the last path segment and drops control and direction-override characters', () => {
    expect(sanitizeFileName('C:\\Users\\li\\发票.pdf')).toBe('发票.pdf');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitizeFileName('a\r\nb\t.txt')).toBe('ab.txt');
    expect(sanitizeFileName('..')).toBe('file');
    expect(sanitizeFileName('   ')).toBe('file');
    const long = sanitizeFileName(`${'x'.repeat(500)}.jpeg`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.jpeg')).toBe(true);
  });

  it('a known extension must match the detected type; page and script extensions never pass', () => {
    expect(nameMatchesType('photo.PNG', 'image/png')).toBe(true);
    expect(nameMatchesType('photo.png', 'text/plain')).toBe(false);
    expect(nameMatchesType('notes.log', 'text/plain')).toBe(true);
    expect(nameMatchesType('page.html', 'text/plain')).toBe(false);
    expect(nameMatchesType('picture', 'image/jpeg')).toBe(true);
  });
});
