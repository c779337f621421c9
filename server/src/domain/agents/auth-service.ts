import type { Agent, SessionInfo } from '@aftercare/shared';
import type { RateLimitStore } from '../../lib/rate-limit/rate-limit.js';
import { hashToken, newToken } from '../../lib/tokens.js';
import type { Clock } from '../clock.js';
import { AftercareError } from '../errors.js';
import type { AgentRecord, AgentRepository, SessionRepository } from './agent-repository.js';
import { createLoginThrottle } from './login-throttle.js';
import { verifyPassword } from './passwords.js';

export interface AuthServiceDeps {
  agents: AgentRepository;
  sessions: SessionRepository;
  clock: Clock;
  sessionTtlMs: number;
  /** Where sign-in failures are counted: this process, or Redis shared by every process. */
  limits: RateLimitStore;
}

/** The public view of an agent: everything but the password hash (and the capacity, read from presence). */
export function toAgent(record: AgentRecord): Agent {
  const { passwordHash: _hidden, capacity: _capacity, ...agent } = record;
  return agent;
}

/**
 * Console sign-in: password check with throttling per email and per IP address, opaque session
 * tokens (only their hash is stored), sign-out of one session or everywhere.
 */
export function createAuthService({ agents, sessions, clock, sessionTtlMs, limits }: AuthServiceDeps) {
  const throttle = createLoginThrottle(limits);

  /** The agent behind a stored session, or null when it is unknown, expired or the agent deactivated. */
  async function authenticateKey(tokenHash: string): Promise<SessionInfo | null> {
    const session = await sessions.get(tokenHash, clock.now());
    if (!session) return null;
    const record = await agents.getById(session.agentId);
    // Deactivation deletes the sessions too; this also covers a session created in the same instant.
    return record?.active ? { agent: toAgent(record), expiresAt: session.expiresAt } : null;
  }

  return {
    /** Checks the credentials and opens a session. The token goes into an httpOnly cookie. */
    async login(email: string, password: string, address: string): Promise<SessionInfo & { token: string }> {
      const wait = await throttle.attempt(email, address);
      if (wait > 0) {
        throw new AftercareError('RATE_LIMITED', 'Too many failed sign-in attempts', { retryAfterMs: wait });
      }
      const record = await agents.getByEmail(email);
      // Verify against a dummy hash when the email is unknown, so timing does not reveal which emails exist.
      const valid = await verifyPassword(password, record?.passwordHash ?? DUMMY_HASH);
      // The attempt's tokens stay spent: that is what counts the failure.
      if (!record || !valid) throw new AftercareError('INVALID_CREDENTIALS', 'Email or password is wrong');
      await throttle.succeeded(email, address);
      // Checked after the password, so only someone who knows it learns that the account is deactivated.
      if (!record.active) throw new AftercareError('FORBIDDEN', 'This account is deactivated');
      const token = newToken();
      const now = clock.now();
      const expiresAt = now + sessionTtlMs;
      await sessions.create({ tokenHash: hashToken(token), agentId: record.id, createdAt: now, expiresAt });
      return { token, agent: toAgent(record), expiresAt };
    },

    /** The agent behind a session token, or null when the token is unknown or expired. */
    async authenticate(token: string | undefined): Promise<SessionInfo | null> {
      return token ? authenticateKey(hashToken(token)) : null;
    },

    /** Like `authenticate`, by the token's hash (what a live console socket keeps, to re-check its session). */
    authenticateKey,

    async logout(token: string | undefined): Promise<void> {
      if (token) await sessions.delete(hashToken(token));
    },

    async logoutEverywhere(agentId: string): Promise<void> {
      await sessions.deleteAllForAgent(agentId);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

/** A valid scrypt hash of a random password nobody knows. */
const DUMMY_HASH = 'scrypt$16384$8$1$q3Xr0mX9cT0l3M7bXn0Q4w$0F0kN3n0rQx8yq1c9ZqXb0lWm3a8ZtYb1gC2d3e4f5g';
