import type { Agent } from '../domain/types.js';

/** `POST /api/auth/login` body. */
export interface LoginRequest {
  email: string;
  password: string;
}

/** `POST /api/auth/login` and `GET /api/auth/me` answer. The session itself travels in an httpOnly cookie. */
export interface SessionInfo {
  agent: Agent;
  expiresAt: number;
}

/** `GET /healthz` answer. */
export interface HealthStatus {
  status: 'ok' | 'draining';
  version: string;
  protocolVersion: number;
  storage: 'sqlite' | 'mongodb';
  uptimeSeconds: number;
}
