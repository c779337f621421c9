/** Pixel size of an image, read from its header. */
export interface Dimensions {
  width: number;
  height: number;
}

/**
 * Reads width and height from the first bytes of a PNG, GIF, WebP or JPEG, or null when the header
 * is not there (truncated file, or a JPEG whose frame header lies past `head`). Small on purpose:
 * an image library would decode far more of an untrusted file than we need.
 */
export function readDimensions(mimeType: string, head: Buffer): Dimensions | null {
  switch (mimeType) {
    case 'image/png':
      // Signature (8), IHDR length (4) and type (4), then width and height as big-endian u32.
      return head.length >= 24 && head.toString('latin1', 12, 16) === 'IHDR'
        ? valid(head.readUInt32BE(16), head.readUInt32BE(20))
        : null;
    case 'image/gif':
      return head.length >= 10 ? valid(head.readUInt16LE(6), head.readUInt16LE(8)) : null;
    case 'image/webp':
      return webpDimensions(head);
    case 'image/jpeg':
      return jpegDimensions(head);
    default:
      return null;
  }
}

function valid(width: number, height: number): Dimensions | null {
  return width > 0 && height > 0 ? { width, height } : null;
}

/** The first chunk after `RIFF....WEBP` says which of the three WebP encodings follows. */
function webpDimensions(head: Buffer): Dimensions | null {
  if (head.length < 30) return null;
  const chunk = head.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') {
    // Lossy: a key frame starts with the start code 9d 01 2a, then 14-bit width and height.
    if (head[23] !== 0x9d || head[24] !== 0x01 || head[25] !== 0x2a) return null;
    return valid(head.readUInt16LE(26) & 0x3fff, head.readUInt16LE(28) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    // Lossless: signature 0x2f, then width-1 and height-1 packed in 14 bits each.
    if (head[20] !== 0x2f) return null;
    const bits = head.readUInt32LE(21);
    return valid((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    // Extended: canvas width-1 and height-1 as 24-bit little-endian numbers.
    return valid(head.readUIntLE(24, 3) + 1, head.readUIntLE(27, 3) + 1);
  }
  return null;
}

/** Start-of-frame markers (baseline, progressive, lossless…); C4, C8 and CC are not frames. */
const START_OF_FRAME = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the JPEG's marker segments (skipping EXIF and the like) to the frame header. */
function jpegDimensions(head: Buffer): Dimensions | null {
  let offset = 2;
  while (offset + 9 < head.length) {
    if (head[offset] !== 0xff) return null;
    const marker = head[offset + 1]!;
    if (marker === 0xff) {
      // Fill byte before a marker.
      offset += 1;
      continue;
    }
    if (START_OF_FRAME.has(marker)) return valid(head.readUInt16BE(offset + 7), head.readUInt16BE(offset + 5));
    // Markers without a length: TEM and restart markers.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    offset += 2 + head.readUInt16BE(offset + 2);
  }
  return null;
}
