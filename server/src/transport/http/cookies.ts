import { SESSION_COOKIE } from '@aftercare/shared';

/** Reads one cookie from a `Cookie` header. Values are opaque tokens, so no decoding is needed. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

export function readSessionCookie(header: string | undefined): string | undefined {
  return readCookie(header, SESSION_COOKIE);
}

/**
 * The `Set-Cookie` value for an agent session: httpOnly (scripts can't steal it), SameSite=Lax
 * (not sent on cross-site POSTs), Secure when the console is served over https.
 */
export function sessionCookie(token: string, options: { maxAgeMs: number; secure: boolean }): string {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeMs / 1000))}`,
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
