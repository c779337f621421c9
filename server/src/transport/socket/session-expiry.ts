import type { AuthService } from '../../domain/agents/auth-service.js';
import type { Clock } from '../../domain/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { AgentSocket } from './namespaces.js';

/**
 * How long a console socket goes at most without re-reading its session from the store. Sign-out,
 * deactivation and password changes close the session's sockets at once through the adapter
 * (`disconnectSockets`, every process); this re-check catches the case where that broadcast was
 * lost (e.g. Redis down at that moment), from what the store says rather than any one process's memory.
 */
export const SESSION_RECHECK_MS = 5 * 60_000;

/** setTimeout's longest delay; longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Keeps a console socket no longer than its session: one timer per socket, set to the session's
 * expiry (sessions have a fixed lifetime) or the next re-check, whichever comes first. When it
 * fires the session is read again; gone, expired or its agent deactivated, the socket is closed.
 * The console then asks `/api/auth/me`, gets 401 and shows the sign-in screen.
 */
export function endWithSession(
  socket: AgentSocket,
  { auth, clock, logger }: { auth: Pick<AuthService, 'authenticateKey'>; clock: Clock; logger: Logger },
  recheckMs = SESSION_RECHECK_MS,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    const remaining = socket.data.expiresAt - clock.now();
    timer = setTimeout(check, Math.max(0, Math.min(remaining, recheckMs, MAX_TIMER_MS)));
  };
  const check = async () => {
    if (!socket.connected) return;
    const expired = socket.data.expiresAt <= clock.now();
    const session = expired ? null : await auth.authenticateKey(socket.data.sessionKey).catch(keepOnFailure);
    if (!socket.connected) return;
    if (session === null) socket.disconnect(true);
    else arm();
  };
  // A store outage is no reason to sign everyone out: try again at the next re-check.
  const keepOnFailure = (error: unknown) => {
    logger.warn('session re-check failed', { socketId: socket.id, error });
    return undefined;
  };
  arm();
  socket.once('disconnect', () => clearTimeout(timer));
}
