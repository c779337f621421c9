/**
 * Whether a browser's `Origin` is the console's own: the configured public URL, or the host the
 * request was addressed to (so the console works however a proxy names the server).
 */
export function isSameOrigin(origin: string, host: string | undefined, publicUrl: string | null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl !== null && parsed.origin === new URL(publicUrl).origin) return true;
  return host !== undefined && parsed.host === host;
}
