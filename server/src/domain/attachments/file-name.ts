import { type AttachmentType, LIMITS } from '@aftercare/shared';

/**
 * A safe display and download name: the last path segment only, without control or bidirectional
 * override characters (which can make `exe.pdf` read as `fdp.exe`), trimmed, at most
 * `LIMITS.attachmentName` characters with the extension kept; `file` when nothing is left.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const cleaned = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  const name = cleaned.replace(/\s+/g, ' ').trim().replace(/^\.+$/, '');
  if (!name) return 'file';
  if (name.length <= LIMITS.attachmentName) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, LIMITS.attachmentName - extension.length) + extension;
}

/** Extensions whose type we know: a file named like one of them must really be that type. */
const EXTENSION_TYPES: Record<string, AttachmentType> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
};

/** Names that would make a browser or desktop treat a downloaded text file as a page or a program. */
const ACTIVE_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'shtml', 'svg', 'xml', 'js', 'mjs', 'hta', 'bat', 'cmd']);

/**
 * Whether the name fits the detected type. An HTML page named `photo.png` is text, not a PNG:
 * storing it as "text/plain named .png" would mislead whoever opens it, so such files are refused.
 */
export function nameMatchesType(name: string, mimeType: AttachmentType): boolean {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (ACTIVE_EXTENSIONS.has(extension)) return false;
  const expected = EXTENSION_TYPES[extension];
  return expected === undefined || expected === mimeType;
}
