import { schemas, validate } from '@aftercare/shared/schemas';
import type { AuthService } from '../../domain/agents/auth-service.js';
import { AftercareError } from '../../domain/errors.js';
import { hashToken } from '../../lib/tokens.js';
import { readSessionCookie, sessionCookie } from './cookies.js';
import type { createRouter } from './router.js';

export interface AuthRoutesDeps {
  auth: AuthService;
  /** Whether cookies get the Secure flag (console served over https). */
  secureCookies: boolean;
  /** Disconnects an agent's sockets after sign-out everywhere. */
  disconnectAgent(agentId: string): void;
  /** Disconnects the sockets of one session (by its key, the token's hash) after sign-out. */
  disconnectSession(sessionKey: string): void;
}

/** Console sign-in: `POST /api/auth/login`, `GET /api/auth/me`, `POST /api/auth/logout[-everywhere]`. */
export function registerAuthRoutes(router: ReturnType<typeof createRouter>, deps: AuthRoutesDeps): void {
  const { auth, secureCookies } = deps;

  router.post('/api/auth/login', async ({ body, address }) => {
    const checked = validate(schemas.login, body);
    if (!checked.ok) return { status: 400, body: { error: checked.error } };
    const session = await auth.login(checked.value.email, checked.value.password, address);
    return {
      status: 200,
      body: { agent: session.agent, expiresAt: session.expiresAt },
      headers: {
        'set-cookie': sessionCookie(session.token, { maxAgeMs: session.expiresAt - Date.now(), secure: secureCookies }),
      },
    };
  });

  router.get('/api/auth/me', async ({ raw }) => {
    const session = await auth.authenticate(readSessionCookie(raw.headers.cookie));
    if (!session) throw new AftercareError('UNAUTHORIZED', 'Sign in first');
    return { status: 200, body: session };
  });

  router.post('/api/auth/logout', async ({ raw }) => {
    const token = readSessionCookie(raw.headers.cookie);
    await auth.logout(token);
    if (token) deps.disconnectSession(hashToken(token));
    return { status: 204, headers: { 'set-cookie': sessionCookie('', { maxAgeMs: 0, secure: secureCookies }) } };
  });

  router.post('/api/auth/logout-everywhere', async ({ raw }) => {
    const session = await auth.authenticate(readSessionCookie(raw.headers.cookie));
    if (!session) throw new AftercareError('UNAUTHORIZED', 'Sign in first');
    await auth.logoutEverywhere(session.agent.id);
    deps.disconnectAgent(session.agent.id);
    return { status: 204, headers: { 'set-cookie': sessionCookie('', { maxAgeMs: 0, secure: secureCookies }) } };
  });
}
