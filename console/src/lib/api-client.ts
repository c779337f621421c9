import type { ErrorBody, LoginRequest, SessionInfo } from '@aftercare/shared';

/** Outcome of an HTTP call: the data, an error body from the server, or no answer at all. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody | null; status: number };

/** The console's REST calls. Created once in `main.tsx` and passed down, so tests can swap it. */
export interface ApiClient {
  /** The current session from the httpOnly cookie; `status: 401` when signed out. */
  me(): Promise<ApiResult<SessionInfo>>;
  login(request: LoginRequest): Promise<ApiResult<SessionInfo>>;
  logout(): Promise<ApiResult<null>>;
}

/**
 * Creates the API client for a server at `baseUrl` (same origin by default). Network failures
 * resolve to `{ ok: false, status: 0, error: null }` instead of throwing, so callers handle one shape.
 */
export function createApiClient(baseUrl = '', fetchImpl: typeof fetch = fetch.bind(globalThis)): ApiClient {
  async function call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        credentials: 'same-origin',
        headers:
          body === undefined
            ? { accept: 'application/json' }
            : { 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return { ok: false, status: 0, error: null };
    }
    const parsed = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: parsed as T };
    const error = (parsed as { error?: ErrorBody } | null)?.error ?? null;
    return { ok: false, status: response.status, error };
  }
  return {
    me: () => call<SessionInfo>('GET', '/api/auth/me'),
    login: (request) => call<SessionInfo>('POST', '/api/auth/login', request),
    logout: () => call<null>('POST', '/api/auth/logout'),
  };
}
