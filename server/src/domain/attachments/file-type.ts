import { TextDecoder } from 'node:util';
import type { AttachmentType } from '@aftercare/shared';
import { type Dimensions, readDimensions } from './image-dimensions.js';

/** Bytes kept from the start of a file to find its type and, for a JPEG, its frame header past the EXIF data. */
const HEAD_BYTES = 256 * 1024;

const MAGIC: readonly { type: AttachmentType; matches: (head: Buffer) => boolean }[] = [
  { type: 'image/png', matches: (head) => startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', matches: (head) => startsWith(head, [0xff, 0xd8, 0xff]) },
  { type: 'image/gif', matches: (head) => ['GIF87a', 'GIF89a'].includes(head.toString('latin1', 0, 6)) },
  {
    type: 'image/webp',
    matches: (head) => head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP',
  },
  { type: 'application/pdf', matches: (head) => head.toString('latin1', 0, 5) === '%PDF-' },
];

function startsWith(head: Buffer, bytes: readonly number[]): boolean {
  return head.length >= bytes.length && bytes.every((byte, index) => head[index] === byte);
}

export interface DetectedType {
  mimeType: AttachmentType;
  width: number | null;
  height: number | null;
}

/**
 * Detects a file's type from its bytes as they stream past, never from its name or the uploader's
 * claim: the magic numbers of the accepted binary formats, else plain text when the whole file is
 * valid UTF-8 without NUL bytes. Anything else (HTML is text, so it passes as `text/plain`, which
 * is served as a download and never rendered) is refused by the caller.
 */
export class FileTypeSniffer {
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private text = true;

  push(chunk: Buffer): void {
    if (this.headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headChunks.push(part);
      this.headLength += part.length;
    }
    if (this.text) this.text = isTextChunk(this.utf8, chunk, false);
  }

  /** The type of everything pushed, or null when it is none of the accepted types. */
  finish(): DetectedType | null {
    const head = Buffer.concat(this.headChunks);
    const binary = MAGIC.find((entry) => entry.matches(head));
    if (binary) {
      const dimensions: Dimensions | null = readDimensions(binary.type, head);
      return { mimeType: binary.type, width: dimensions?.width ?? null, height: dimensions?.height ?? null };
    }
    // The end of the stream may leave half a character behind: a final flush catches it.
    const text = this.text && isTextChunk(this.utf8, Buffer.alloc(0), true);
    return text && head.length > 0 ? { mimeType: 'text/plain', width: null, height: null } : null;
  }
}

function isTextChunk(decoder: TextDecoder, chunk: Buffer, last: boolean): boolean {
  if (chunk.includes(0)) return false;
  try {
    decoder.decode(chunk, { stream: !last });
    return true;
  } catch {
    return false;
  }
}
