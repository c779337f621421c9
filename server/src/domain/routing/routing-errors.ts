/**
 * The presence backend (Redis) cannot be reached. Nothing was changed; the caller should answer with
 * a retryable error and try again later. Not an `AftercareError`: the wire has no code for it yet.
 */
export class PresenceUnavailableError extends Error {
  override readonly name = 'PresenceUnavailableError';
  readonly code = 'PRESENCE_UNAVAILABLE';
  readonly retryable = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A tenant's load and queue were never built in this backend (fresh process, flushed Redis). The
 * routing service answers it by rebuilding from the store and trying once more.
 */
export class RoutingStateMissingError extends Error {
  override readonly name = 'RoutingStateMissingError';
  readonly code = 'ROUTING_STATE_MISSING';

  constructor(readonly tenantId: string) {
    super(`Routing state of tenant ${tenantId} is missing; rebuild it from the store.`);
  }
}

export function isPresenceUnavailable(error: unknown): error is PresenceUnavailableError {
  return error instanceof PresenceUnavailableError;
}
