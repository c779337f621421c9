import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatStore } from './chat-store.js';
import type { VisitorSocket } from './connection.js';
import { bindConnectionEvents } from './live-updates.js';
import { createOutbox } from './outbox.js';
import { safeStorage } from './storage.js';

/** The slice of a socket.io client socket these handlers use, with the refusal socket.io would deliver. */
function refusedSocket() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const socket = {
    active: false,
    connects: 0,
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, listener);
      return socket;
    },
    connect() {
      socket.connects++;
      return socket;
    },
    refuse(code: string, data?: object) {
      listeners.get('connect_error')?.(Object.assign(new Error(code), data ? { data } : {}));
    },
  };
  return socket;
}

describe('bindConnectionEvents', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const bind = () => {
    const socket = refusedSocket();
    const storage = safeStorage(null);
    const store = new ChatStore(storage, 'active', createOutbox(storage, 'outbox'));
    bindConnectionEvents(socket as unknown as VisitorSocket, store, () => {});
    return socket;
  };

  it('retries a RATE_LIMITED handshake after the retryAfterMs the server gave', () => {
    const socket = bind();
    socket.refuse('RATE_LIMITED', { code: 'RATE_LIMITED', message: 'Too many', retryAfterMs: 8_000 });
    vi.advanceTimersByTime(7_999);
    expect(socket.connects).toBe(0);
    vi.advanceTimersByTime(1);
    expect(socket.connects).toBe(1);
  });

  it('retries other refusals after three seconds', () => {
    const socket = bind();
    socket.refuse('SHUTTING_DOWN');
    vi.advanceTimersByTime(2_999);
    expect(socket.connects).toBe(0);
    vi.advanceTimersByTime(1);
    expect(socket.connects).toBe(1);
  });
});
