import { setupWorker } from '@socket.io/sticky';
import type { Server } from 'socket.io';

type Held = [message: unknown, handle: unknown];

/**
 * Call first thing in a worker. The primary counts a worker as available from the moment it is
 * forked and may hand it connections while the app is still opening its store; the sticky
 * balancer's listener only exists once the app is built, so connections arriving earlier would be
 * dropped and hang. They are kept here instead and replayed, in order, when the app takes over.
 * @example
 * const joinPrimary = holdConnectionsUntilReady();
 * const app = createApp(...);
 * joinPrimary(app.io);
 */
export function holdConnectionsUntilReady(): (io: Server) => void {
  const held: Held[] = [];
  const hold = (message: unknown, handle: unknown) => {
    if (String((message as { type?: unknown } | null)?.type).startsWith('sticky:')) held.push([message, handle]);
  };
  process.on('message', hold);
  return (io) => {
    process.off('message', hold);
    setupWorker(io);
    const emit = process.emit.bind(process) as unknown as (event: 'message', ...args: unknown[]) => boolean;
    for (const [message, handle] of held.splice(0)) emit('message', message, handle);
  };
}
