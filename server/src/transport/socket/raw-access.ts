import { readdirSync, readFileSync } from 'node:fs';
import { ERROR_CODES, type ErrorCode } from '@aftercare/shared';
import { expect } from 'vitest';
import { RawSocket } from './raw-client.js';
import type { Outcome, RawCase } from './raw-corpus.js';

/**
 * The client→server event names declared in `shared/src/protocol/<file>`'s interface `name`, read
 * from the source so that an event added to the protocol without a test case fails the test at run
 * time (the `Record<keyof …>` fixtures already fail `tsc`).
 */
export function declaredEvents(file: string, name: string): string[] {
  const source = readFileSync(new URL(`../../../../shared/src/protocol/${file}`, import.meta.url), 'utf8');
  const [, parents = '', body] =
    source.match(new RegExp(`export interface ${name}(?:\\s+extends\\s+([^{]+))?\\s*\\{([\\s\\S]*?)\\n\\}`)) ?? [];
  if (body === undefined) throw new Error(`interface ${name} not found in ${file}`);
  const own = [...body.matchAll(/^\s*'([^']+)':/gm)].map((match) => match[1]!);
  // Events of the interfaces it extends (e.g. `AdminClientEvents`), each declared in its own file.
  const inherited = parents
    .split(',')
    .map((parent) => parent.trim())
    .filter(Boolean)
    .flatMap((parent) => declaredEvents(protocolFileOf(parent), parent));
  return [...own, ...inherited];
}

/** The protocol file that declares `export interface name`. */
function protocolFileOf(name: string): string {
  const dir = new URL('../../../../shared/src/protocol/', import.meta.url);
  const file = readdirSync(dir).find((entry) =>
    readFileSync(new URL(entry, dir), 'utf8').includes(`export interface ${name} `),
  );
  if (!file) throw new Error(`interface ${name} not found in shared/src/protocol`);
  return file;
}

/** Asserts `response` is `{ error: { code, message } }` with a code from `ERROR_CODES` (and from `codes`, if any). */
export function expectErrorAck(response: unknown, codes: readonly string[], label: string): void {
  expect(response, label).toEqual({
    error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
  });
  const { code } = (response as { error: { code: ErrorCode } }).error;
  expect(ERROR_CODES, `${label}: ${code} is a known code`).toContain(code);
  if (codes.length) expect(codes, `${label}: answered ${code}`).toContain(code);
}

/**
 * Runs one corpus entry on a fresh raw connection joined to `namespace` (`/visitor` unless told;
 * the corpus is written for it, and its frames are readdressed to `/agent`, whose connection
 * needs the session cookie in `headers`) and checks its outcome.
 * Connections are never shared between entries: a frame that closes one must not hide another.
 */
export async function runRawCase(
  url: string,
  entry: RawCase,
  headers: Record<string, string> = {},
  namespace: '/visitor' | '/agent' = '/visitor',
): Promise<void> {
  const socket = await RawSocket.open(url, headers);
  const auth = namespace === '/agent' ? { protocolVersion: 1 } : { protocolVersion: 1, siteKey: 'demo-shop' };
  try {
    expect(await socket.connect(namespace, auth), entry.label).toMatch(/^40\//);
    for (const frame of entry.frames) {
      socket.sendRaw(typeof frame === 'string' ? frame.replaceAll('/visitor,', `${namespace},`) : frame);
    }
    await expectOutcome(socket, namespace, entry.outcome, entry.label);
  } catch (error) {
    throw new Error(`${namespace} ${entry.label}: ${(error as Error).message}`, { cause: error });
  } finally {
    socket.close();
  }
}

async function expectOutcome(socket: RawSocket, namespace: string, outcome: Outcome, label: string): Promise<void> {
  switch (outcome.kind) {
    case 'error': {
      const answer = await socket.ack(namespace, outcome.ackId ?? 1);
      expect(answer, `${label}: answered, not closed`).not.toBe('closed');
      expectErrorAck((answer as unknown[])[0], outcome.codes, label);
      return stillServes(socket, namespace, label);
    }
    case 'error-or-close': {
      const answer = await socket.ack(namespace, 1);
      if (answer !== 'closed') expectErrorAck(answer[0], outcome.codes, label);
      return;
    }
    case 'close':
      await socket.closed();
      return;
    case 'connect-error': {
      const answer = await socket.waitForFrame((frame) => frame.startsWith(`44${outcome.namespace},`));
      const body = JSON.parse(answer.slice(`44${outcome.namespace},`.length)) as {
        message: string;
        data?: { code: string };
      };
      expect(body.message, label).toEqual(expect.any(String));
      if (outcome.codes.length)
        expect(outcome.codes, `${label}: refused with ${body.data?.code}`).toContain(body.data?.code);
      return stillServes(socket, namespace, label);
    }
    case 'ignored':
      return stillServes(socket, namespace, label);
  }
}

/** The connection still answers a well-formed request after the hostile frame. */
async function stillServes(socket: RawSocket, namespace: string, label: string): Promise<void> {
  socket.emitRaw(namespace, 424242, '["conversation:list",{}]');
  const answer = await socket.ack(namespace, 424242);
  expect(answer, `${label}: connection still serves`).toEqual([
    { data: expect.objectContaining({ conversations: expect.any(Array) }) },
  ]);
}

/** No hostile key reached a prototype of this process (the server runs in it). */
export function expectNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'num', '_placeholder']) {
    expect(probe[key], `Object.prototype.${key}`).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>)[key], `Array.prototype.${key}`).toBeUndefined();
  }
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
}

/** One hostile payload for `event`, as raw JSON text. */
export interface HostileBody {
  event: string;
  label: string;
  body: string;
}

/**
 * Sends every body as its event on one raw connection to `namespace` and expects each to be
 * answered `INVALID_PAYLOAD` or `PAYLOAD_TOO_LARGE` (never a closed connection, never data).
 * Returns how many were sent.
 */
export async function expectAllRefused(
  url: string,
  namespace: '/visitor' | '/agent',
  bodies: HostileBody[],
  headers: Record<string, string>,
): Promise<number> {
  const socket = await RawSocket.open(url, headers);
  const auth = namespace === '/agent' ? { protocolVersion: 1 } : { protocolVersion: 1, siteKey: 'demo-shop' };
  expect(await socket.connect(namespace, auth)).toMatch(/^40\//);
  try {
    for (const [index, { event, label, body }] of bodies.entries()) {
      socket.emitRaw(namespace, index + 1, `[${JSON.stringify(event)},${body}]`);
      const answer = await socket.ack(namespace, index + 1);
      expect(answer, `${event} ${label}: answered`).not.toBe('closed');
      const codes = ['INVALID_PAYLOAD', 'PAYLOAD_TOO_LARGE'];
      expectErrorAck((answer as unknown[])[0], codes, `${namespace} ${event} ${label}`);
    }
  } finally {
    socket.close();
  }
  return bodies.length;
}
