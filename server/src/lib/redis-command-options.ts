/**
 * `commandOptions` for node-redis clients on hot paths (the socket.io adapter's publisher and
 * stream readers, the shared rate limits): no per-command timeout.
 *
 * node-redis 6 gives every command a 5 s timeout through `AbortSignal.timeout`: a timer, a signal
 * and, when it fires 5 s later whether or not the reply came, a `DOMException`. At thousands of
 * commands a second that was a measurable share of a process's CPU, and the 5-second-old objects
 * were promoted to the old generation, so major collections — and their pauses — came more often
 * (load bench, two processes). The timeout also stopped counting once a command was written, so it
 * never caught a Redis that is connected but silent. What bounds these commands instead: the
 * rate limits race each take against their own timer (`redis-rate-limit.ts`), the publisher fails
 * fast while disconnected (`disableOfflineQueue`), and blocking stream reads end on Redis's side
 * (`XREAD BLOCK`).
 */
export const withoutCommandTimers = { timeout: 0 } as const;
