import type { ErrorBody, Response } from '@aftercare/shared';
import { validate } from '@aftercare/shared/schemas';
import type { GenericSchema, InferOutput } from 'valibot';
import { isAftercareError } from '../../domain/errors.js';
import { isPresenceUnavailable } from '../../domain/routing/routing-errors.js';
import type { Inflight } from '../../lib/inflight.js';
import type { Logger } from '../../lib/logger.js';

/** What a handler returns: the ack data, and what to broadcast once the caller has been answered. */
export interface Outcome<T> {
  data: T;
  broadcast?: () => void;
}

export interface HandlerContext {
  inflight: Inflight;
  logger: Logger;
  /**
   * Takes one event from the connection's budget; answers 0, or how long to wait (see
   * `createEventRateLimit`). A promise when part of the budget is shared through Redis.
   */
  rateLimit?: (socket: object) => number | Promise<number>;
}

interface EventSocket {
  id: string;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/**
 * Registers one socket event with the four steps every handler takes, in order:
 * validate the payload, run the domain call (persisting), ack, broadcast.
 * Never throws across the wire: expected failures answer their code, anything else `INTERNAL`.
 * @example
 * defineHandler(socket, context, 'message:send', schemas.messageSend, async (payload) => {
 *   const result = await conversationService.send(actor, payload);
 *   return { data: { message: result.message }, broadcast: () => emitMessage(result) };
 * });
 */
export function defineHandler<S extends GenericSchema, T>(
  socket: EventSocket,
  context: HandlerContext,
  event: string,
  schema: S,
  run: (payload: InferOutput<S>) => Promise<Outcome<T>>,
): void {
  const listener = (...args: unknown[]) => {
    // The ack is always the last argument; a client that sent no payload gives us only the ack.
    const ack = typeof args.at(-1) === 'function' ? (args.pop() as (response: Response<T>) => void) : undefined;
    const reply = (response: Response<T>) => ack?.(response);
    if (context.inflight.draining) {
      reply({ error: { code: 'SHUTTING_DOWN', message: 'The server is restarting; retry shortly' } });
      return;
    }
    const handle = (waitMs: number) => {
      if (waitMs > 0) {
        reply({ error: { code: 'RATE_LIMITED', message: 'Too many events; slow down', retryAfterMs: waitMs } });
        return;
      }
      const checked = validate(schema, args.length === 1 ? args[0] : args.length === 0 ? undefined : args);
      if (!checked.ok) {
        reply({ error: checked.error });
        return;
      }
      return run(checked.value).then(
        (outcome) => {
          reply({ data: outcome.data });
          outcome.broadcast?.();
        },
        (error: unknown) => reply({ error: toErrorBody(error, context.logger, { event, socketId: socket.id }) }),
      );
    };
    const waitMs = context.rateLimit?.(socket) ?? 0;
    // In-process budgets answer at once, keeping the single-process hot path free of promises.
    const work =
      typeof waitMs === 'number'
        ? handle(waitMs)
        : waitMs.then(handle, (error: unknown) =>
            reply({ error: toErrorBody(error, context.logger, { event, socketId: socket.id }) }),
          );
    if (work) context.inflight.track(work);
  };
  // Once per namespace and event, not per socket: this costs no memory per connection.
  const key = `${(socket as { nsp?: { name: string } }).nsp?.name ?? ''} ${event}`;
  if (!handlerSchemas.has(key)) handlerSchemas.set(key, schema);
  socket.on(event, listener);
}

/**
 * The schema each event validates with, by `"<namespace> <event>"`, so the hostile-input tests
 * derive every event's fields from what the server really checks (a new event is covered without
 * a new case).
 */
export const handlerSchemas = new Map<string, GenericSchema>();

/** Expected errors keep their code; unexpected ones are logged and hidden behind `INTERNAL`. */
export function toErrorBody(error: unknown, logger: Logger, fields: Record<string, unknown> = {}): ErrorBody {
  if (isAftercareError(error)) return error.toBody();
  if (isPresenceUnavailable(error)) {
    logger.warn('presence backend unavailable', { ...fields, error });
    return { code: 'UNAVAILABLE', message: 'A backing service is unreachable; retry shortly', retryAfterMs: 1_000 };
  }
  logger.error('unexpected error', { ...fields, error });
  return { code: 'INTERNAL', message: 'Something went wrong on the server' };
}

/** An event is its name, one payload and the ack: anything longer is not from our clients. */
const MAX_EVENT_ARGUMENTS = 3;

/**
 * Screens every incoming event before socket.io hands it to a listener: an event with more
 * arguments than ours ever have is dropped (socket.io spreads arguments into a call, and ~100,000
 * of them overflow the stack and crash the process), and an event nobody handles is answered with
 * `INVALID_PAYLOAD` instead of leaving the client's ack waiting (a typo then shows up at once).
 * A socket middleware receives the arguments as one array, so it is safe with any count.
 */
export function screenEvents(socket: {
  use(middleware: (event: unknown[], next: (error?: Error) => void) => void): unknown;
  listenerCount(event: string): number;
}): void {
  socket.use((event, next) => {
    const [name] = event;
    const ack = event.at(-1);
    const answer = (message: string) => {
      if (typeof ack === 'function') ack({ error: { code: 'INVALID_PAYLOAD', message } });
    };
    if (event.length > MAX_EVENT_ARGUMENTS) return answer('Too many arguments');
    if (typeof name !== 'string' || socket.listenerCount(name) === 0)
      return answer(`Unknown event ${String(name).slice(0, 100)}`);
    next();
  });
}
