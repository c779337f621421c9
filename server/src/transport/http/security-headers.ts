import type { ServerResponse } from 'node:http';

/**
 * Headers every response gets. The widget's files are meant to be embedded by shops' pages, so
 * framing rules apply only to our own pages (console, demo).
 */
export function setSecurityHeaders(res: ServerResponse, path: string): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
  if (!path.startsWith('/widget')) {
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
  }
}
