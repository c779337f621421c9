import { ERROR_CODES } from '@aftercare/shared';
import { expect } from 'vitest';
import { deepArray, deepObject } from './raw-corpus.js';

/** One hostile HTTP request and the documented answer: status, and the error code of its JSON body. */
export interface HttpCase {
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  /** The `error.code` of the JSON body; `null` when the answer has no body (204). */
  code: string | null;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * Credentials the cases use: a live session cookie, one whose session has expired (the clock was
 * moved past it), and the metrics bearer token.
 */
export interface Credentials {
  expiredCookie: string;
  metricsToken: string;
}

/** Every route with missing, forged and expired credentials, wrong methods and hostile bodies. */
export function httpCases({ expiredCookie, metricsToken }: Credentials): HttpCase[] {
  const forged = 'aftercare_session=forged-0123456789abcdefghijklmnopqrstuvwxyz';
  const noSession: Omit<HttpCase, 'label' | 'method' | 'path'>[] = [
    { status: 401, code: 'UNAUTHORIZED' },
    { headers: { cookie: forged }, status: 401, code: 'UNAUTHORIZED' },
    { headers: { cookie: expiredCookie }, status: 401, code: 'UNAUTHORIZED' },
    { headers: { cookie: 'aftercare_session={"$ne":null}' }, status: 401, code: 'UNAUTHORIZED' },
    { headers: { cookie: `aftercare_session=${'A'.repeat(4000)}` }, status: 401, code: 'UNAUTHORIZED' },
    { headers: { cookie: 'aftercare_session=; aftercare_session[$ne]=1' }, status: 401, code: 'UNAUTHORIZED' },
  ];
  const login = (
    label: string,
    body: string,
    status = 400,
    code = 'INVALID_PAYLOAD',
    headers = JSON_TYPE,
  ): HttpCase => ({
    label: `login ${label}`,
    method: 'POST',
    path: '/api/auth/login',
    headers,
    body,
    status,
    code,
  });
  const email = '"email":"agent@demo.aftercare.test"';
  return [
    ...noSession.map((item, index) => ({
      label: `me, credential ${index}`,
      method: 'GET',
      path: '/api/auth/me',
      ...item,
    })),
    ...noSession.map((item, index) => ({
      label: `logout-everywhere, credential ${index}`,
      method: 'POST',
      path: '/api/auth/logout-everywhere',
      ...item,
    })),
    // Signing out without a (valid) session is harmless and answers the same as with one.
    { label: 'logout without a session', method: 'POST', path: '/api/auth/logout', status: 204, code: null },
    {
      label: 'logout, forged',
      method: 'POST',
      path: '/api/auth/logout',
      headers: { cookie: forged },
      status: 204,
      code: null,
    },
    ...[
      ['GET', '/api/auth/login'],
      ['PUT', '/api/auth/login'],
      ['DELETE', '/api/auth/login'],
      ['PATCH', '/api/auth/me'],
      ['POST', '/api/auth/me'],
      ['GET', '/api/auth/logout'],
      ['GET', '/api/auth/logout-everywhere'],
      ['POST', '/metrics'],
    ].map(
      ([method, path]): HttpCase => ({
        label: `${method} ${path}`,
        method: method!,
        path: path!,
        status: 405,
        code: 'NOT_FOUND',
      }),
    ),
    login('without a body', ''),
    login('with an array', '[]'),
    login('with null', 'null'),
    login('with a string', '"agent@demo.aftercare.test"'),
    login('truncated', `{${email},"password":"aft`),
    login('as a form', 'email=a%40b.co&password=x', 400, 'INVALID_PAYLOAD', {
      'content-type': 'application/x-www-form-urlencoded',
    }),
    login('as text', `{${email},"password":"x"}`, 400, 'INVALID_PAYLOAD', { 'content-type': 'text/plain' }),
    login('password $ne', `{${email},"password":{"$ne":null}}`),
    login('password $gt', `{${email},"password":{"$gt":""}}`),
    login('email $regex', '{"email":{"$regex":".*"},"password":"x"}'),
    login('email $where', '{"email":{"$where":"true"},"password":"x"}'),
    login('__proto__ key', `{"__proto__":{"isAdmin":true},${email},"password":"x"}`),
    login('constructor.prototype key', `{"constructor":{"prototype":{"isAdmin":true}},${email},"password":"x"}`),
    login('extra role field', `{${email},"password":"x","role":"admin"}`),
    login('10,000-deep arrays', deepArray(10_000)),
    login('10,000-deep password', `{${email},"password":${deepObject(10_000)}}`),
    login('body over 64 KiB', `{${email},"password":"${'x'.repeat(70_000)}"}`, 413, 'PAYLOAD_TOO_LARGE'),
    login('wrong password', `{${email},"password":"' OR '1'='1"}`, 401, 'INVALID_CREDENTIALS'),
    login(
      'unknown agent',
      '{"email":"nobody@nowhere.test","password":"<script>x</script>"}',
      401,
      'INVALID_CREDENTIALS',
    ),
    { label: 'metrics without a token', method: 'GET', path: '/metrics', status: 401, code: 'UNAUTHORIZED' },
    ...[
      `Bearer wrong`,
      `bearer ${metricsToken}`,
      `Bearer ${metricsToken}x`,
      `Basic ${metricsToken}`,
      `Bearer ${metricsToken.slice(0, -1)}`,
    ].map(
      (authorization, index): HttpCase => ({
        label: `metrics with a wrong token ${index}`,
        method: 'GET',
        path: '/metrics',
        headers: { authorization },
        status: 401,
        code: 'UNAUTHORIZED',
      }),
    ),
    { label: 'unknown API route', method: 'GET', path: '/api/admin/agents', status: 404, code: 'NOT_FOUND' },
    { label: 'encoded traversal', method: 'GET', path: '/api/..%2f..%2fpackage.json', status: 404, code: 'NOT_FOUND' },
    {
      label: 'script in the path',
      method: 'GET',
      path: '/%3Cscript%3Ealert(1)%3C/script%3E',
      status: 404,
      code: 'NOT_FOUND',
    },
  ];
}

/** Sends `item` to the server at `url` and checks the status, the JSON error body and that nothing is echoed. */
export async function expectHttpAnswer(url: string, item: HttpCase): Promise<void> {
  const response = await fetch(`${url}${item.path}`, {
    method: item.method,
    headers: item.headers,
    body: item.body === undefined || item.body === '' ? undefined : item.body,
  });
  const label = `${item.label}: ${item.method} ${item.path}`;
  expect(response.status, label).toBe(item.status);
  if (item.code === null) {
    expect(await response.text(), label).toBe('');
    return;
  }
  expect(response.headers.get('content-type'), label).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body, label).toEqual({ error: expect.objectContaining({ code: item.code, message: expect.any(String) }) });
  expect(ERROR_CODES, label).toContain(body.error.code);
  // Errors never echo what was sent (a hostile body or a token).
  expect(JSON.stringify(body), label).not.toMatch(/<script>|\$ne|forged-|test-metrics-token/);
}
