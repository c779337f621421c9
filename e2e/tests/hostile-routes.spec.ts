import { type APIRequestContext, expect, test } from '@playwright/test';
import { type RunningServer, startServer } from '../support/server.js';

/**
 * The built server's page and file routes (`/console/`, `/widget.js`, `/widget/*`, `/demo/`,
 * `/healthz`) against traversal, hostile query strings and wrong methods. The API routes' hostile
 * cases run in vitest (`server/src/transport/socket/raw-packets.test.ts`); these need the real build.
 */

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** What must never be served: files outside the dist folders, and reflected user input. */
const LEAKS = /"name":\s*"@aftercare|"dependencies"|aftercare\.sqlite|window\.__xss/;

async function get(request: APIRequestContext, path: string, method = 'GET') {
  const response = await request.fetch(`${server.url}${path}`, { method, maxRedirects: 0 });
  return { status: response.status(), headers: response.headers(), body: await response.text() };
}

test('documented routes answer with their pages, files and security headers', async ({ request }) => {
  for (const [path, type] of [
    ['/console/', /^text\/html/],
    ['/demo/', /^text\/html/],
    ['/widget.js', /javascript/],
    ['/healthz', /^application\/json/],
  ] as const) {
    const answer = await get(request, path);
    expect(answer.status, path).toBe(200);
    expect(answer.headers['content-type'], path).toMatch(type);
    expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
    if (path !== '/widget.js') expect(answer.headers['x-frame-options'], path).toBe('DENY');
  }
});

test('traversal and hostile paths never reach files outside the build or reflect input', async ({ request }) => {
  const paths = [
    '/widget/..%2f..%2fpackage.json',
    '/widget/..%2f..%2f..%2fpackage.json',
    '/widget/%2e%2e/%2e%2e/package.json',
    '/widget.js/..%5c..%5cpackage.json',
    '/widget/....//....//package.json',
    '/console/..%2f..%2fpackage.json',
    '/console/..%2f..%2f..%2fserver%2fpackage.json',
    '/console/%00',
    '/console/%2e%2e%2f%2e%2e%2fdata%2faftercare.sqlite',
    '/demo/..%2f..%2fpackage.json',
    '/demo/?q=<script>window.__xss=1</script>',
    '/console/?next="><svg onload=window.__xss=1>',
    '/widget.js?site=<img src=x onerror=window.__xss=1>',
    `/console/${'a'.repeat(4_000)}`,
  ];
  for (const path of paths) {
    const answer = await get(request, path);
    expect([200, 400, 404], path).toContain(answer.status);
    expect(answer.body, path).not.toMatch(LEAKS);
    // A miss is a JSON error with a code, like every other error.
    if (answer.status === 404)
      expect(JSON.parse(answer.body), path).toEqual({ error: expect.objectContaining({ code: 'NOT_FOUND' }) });
  }
  expect((await get(request, '/healthz')).status).toBe(200);
});

// Regression: static routes and /healthz used to answer every method as GET (`POST /widget.js` gave the
// file); like the API routes, they now answer 405.
test('wrong methods on page and file routes are refused with 405', async ({ request }) => {
  for (const [method, path] of [
    ['POST', '/widget.js'],
    ['DELETE', '/widget.js'],
    ['POST', '/console/'],
    ['PUT', '/healthz'],
  ] as const) {
    expect((await get(request, path, method)).status, `${method} ${path}`).toBe(405);
  }
});

test('wrong methods on /demo/ answer a JSON error, not the page', async ({ request }) => {
  const answer = await get(request, '/demo/', 'POST');
  expect(answer.status).toBe(404);
  expect(JSON.parse(answer.body)).toEqual({ error: expect.objectContaining({ code: 'NOT_FOUND' }) });
});
