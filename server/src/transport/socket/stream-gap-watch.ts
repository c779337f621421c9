/** Where a reader stood when the stream no longer held it: entries between were trimmed unread. */
export interface StreamGap {
  stream: string;
  /** The entry the reader had read last (its read started after it). */
  readFrom: string;
  /** The oldest entry the stream still holds. */
  firstKept: string;
}

interface StreamReader {
  xRead(streams: Array<{ key: string; id: string }>, options?: { COUNT?: number; BLOCK?: number }): Promise<unknown>;
  sendCommand(args: string[]): Promise<unknown>;
}

/**
 * Wraps a stream reader of the adapter so that it reports reading from a point the stream has
 * already trimmed away.
 *
 * The stream is capped (`MAXLEN ~`): a process whose reader falls further behind than the cap (an
 * overloaded or paused process) silently skips what was trimmed, and its clients never get those
 * broadcasts. Only a reader that is behind can lose entries, and a reader that is behind by the
 * cap gets full batches, so a batch of `COUNT` entries is followed by one `XINFO STREAM`: if the
 * oldest entry left is newer than the one the read started after, that one was trimmed, with
 * everything up to the oldest left. (Trimming does not move `max-deleted-entry-id`; only `XDEL`
 * does.) The adapter trims only entries some 50,000 older than the newest, so a reader whose
 * position was trimmed is that far behind: if this batch happened to follow on without a hole,
 * the next one would not, and its clients are better resynced from storage either way.
 */
export function watchForStreamGaps<C extends object>(client: C, onGap: (gap: StreamGap) => void): C {
  const reader = client as unknown as StreamReader;
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'xRead' || typeof value !== 'function') return value;
      return async (...args: Parameters<StreamReader['xRead']>) => {
        const response = await (value as StreamReader['xRead']).apply(target, args);
        const [streams, options] = args;
        const from = streams[0];
        const count = options?.COUNT;
        if (from && from.id !== '$' && count !== undefined && entriesRead(response) >= count) {
          const firstKept = await oldestEntry(reader, from.key).catch(() => null);
          if (firstKept !== null && compareStreamIds(firstKept, from.id) > 0) {
            onGap({ stream: from.key, readFrom: from.id, firstKept });
          }
        }
        return response;
      };
    },
  });
}

function entriesRead(response: unknown): number {
  if (!Array.isArray(response)) return 0;
  const first = response[0] as { messages?: unknown[] } | undefined;
  return Array.isArray(first?.messages) ? first.messages.length : 0;
}

/** The id of the stream's oldest entry, from `XINFO STREAM` (a flat list in RESP2, a map otherwise). */
async function oldestEntry(reader: StreamReader, stream: string): Promise<string | null> {
  const info = await reader.sendCommand(['XINFO', 'STREAM', stream]);
  let entry: unknown = null;
  if (Array.isArray(info)) {
    const at = info.findIndex((item, index) => index % 2 === 0 && String(item) === 'first-entry');
    entry = at >= 0 ? info[at + 1] : null;
  } else if (info instanceof Map) entry = info.get('first-entry');
  else if (info && typeof info === 'object') entry = (info as Record<string, unknown>)['first-entry'];
  const id: unknown = Array.isArray(entry) ? entry[0] : (entry as { id?: unknown } | null)?.id;
  return typeof id === 'string' || Buffer.isBuffer(id) ? String(id) : null;
}

/** Orders stream entry ids (`<ms>-<seq>`, both 64-bit). */
export function compareStreamIds(a: string, b: string): number {
  const [aTime = 0n, aSeq = 0n] = a.split('-').map(BigInt);
  const [bTime = 0n, bSeq = 0n] = b.split('-').map(BigInt);
  if (aTime !== bTime) return aTime < bTime ? -1 : 1;
  return aSeq === bSeq ? 0 : aSeq < bSeq ? -1 : 1;
}
