import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Site } from '@aftercare/shared';
import type { Server } from 'socket.io';

/**
 * Request headers a connection still needs after its upgrade: every namespace handshake on the
 * connection reads them (origin and host for the origin checks, cookie for the console's session,
 * x-forwarded-for for per-address limits behind a trusted proxy), and socket.io copies them into
 * each socket's `handshake.headers`.
 */
const KEPT_HEADERS = ['host', 'origin', 'cookie', 'x-forwarded-for', 'user-agent'] as const;

/** What socket.io reads from `conn.request` when a namespace handshake builds `socket.handshake`. */
interface SlimRequest {
  headers: IncomingHttpHeaders;
  url: string | undefined;
  connection: { encrypted: boolean };
  _query: unknown;
}

/**
 * Lets each connection drop its HTTP upgrade request once engine.io has accepted it (issue 6:
 * heap per held connection). engine.io keeps the `IncomingMessage` for the connection's lifetime
 * only so socket.io can build namespace handshakes from it; that object, its raw header list and
 * its stream state are over a kilobyte per idle shopper. The replacement keeps exactly what the
 * handshakes read (`Socket.buildHandshake`), so origin, cookie and address checks see the same
 * values as before.
 */
export function releaseUpgradeRequests(io: Server): void {
  io.engine.on('connection', (connection: { request: IncomingMessage | SlimRequest }) => {
    const request = connection.request as IncomingMessage & { _query?: unknown };
    const headers: IncomingHttpHeaders = {};
    for (const name of KEPT_HEADERS)
      if (request.headers[name] !== undefined) headers[name] = request.headers[name] as string;
    connection.request = {
      headers,
      url: request.url,
      connection: { encrypted: Boolean((request.socket as { encrypted?: boolean } | null)?.encrypted) },
      _query: request._query,
    };
    // engine.io's upgrade response still holds the original through a 'close' listener on the TCP
    // socket; emptying its header lists frees the bulk of it (a few hundred bytes of strings).
    request.headers = headers;
    request.rawHeaders = [];
  });
}

/**
 * Lets the sockets of one site share one `Site` object while the site is unchanged (issue 6):
 * each handshake reads the site afresh, and 20,000 shoppers of a shop would otherwise hold 20,000
 * copies of its settings (~1 KB each). A changed site (other settings) replaces the shared copy
 * for sockets connecting from then on, exactly as each socket kept its own snapshot before.
 */
export function createSiteSharing(): (site: Site) => Site {
  const shared = new Map<string, { json: string; site: Site }>();
  return (site) => {
    const json = JSON.stringify(site);
    const known = shared.get(site.id);
    if (known?.json === json) return known.site;
    shared.set(site.id, { json, site });
    return site;
  };
}
