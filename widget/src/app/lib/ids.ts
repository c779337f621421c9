const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A random URL-safe id (22 characters, 132 bits) for message `clientId`s and start `requestId`s.
 * Uses `getRandomValues` rather than `randomUUID`, which shops on plain http do not have.
 */
export function randomId(): string {
  let id = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(22))) id += ALPHABET[byte & 63];
  return id;
}
