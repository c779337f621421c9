/** The part of a node-redis client that closing needs. */
interface ClosableRedisClient {
  readonly isOpen: boolean;
  readonly isReady: boolean;
  quit(): Promise<unknown>;
  destroy(): void;
}

/**
 * Closes a Redis client on shutdown without ever hanging it: QUIT (which lets replies in flight
 * arrive) only while connected, and for at most `timeoutMs`; a client that is reconnecting to an
 * unreachable Redis is destroyed at once (its QUIT would wait for a Redis that may never return).
 */
export async function closeRedisClient(client: ClosableRedisClient, timeoutMs = 2_000): Promise<void> {
  if (!client.isOpen) return;
  if (client.isReady) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      client.quit().catch(() => {}),
      new Promise((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }
  if (client.isOpen) client.destroy();
}
