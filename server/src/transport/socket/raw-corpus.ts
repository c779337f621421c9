import type { AgentClientEvents, VisitorClientEvents } from '@aftercare/shared';

/**
 * The hostile-packet corpus for `raw-packets.test.ts`: frames and payloads no real client sends.
 * Each entry says what a correct server does with it: answer the ack with an error code, close
 * only that connection (socket.io's answer to a frame it cannot parse), or refuse a namespace.
 */

export type Outcome =
  /** The ack (id 1 unless `ackId`) is answered `{ error: { code } }` with one of `codes`. */
  | { kind: 'error'; codes: readonly string[]; ackId?: string }
  /** The server closes this connection (and nothing else). */
  | { kind: 'close' }
  /** Either of the above: the frame is refused one way or the other. */
  | { kind: 'error-or-close'; codes: readonly string[] }
  /** The namespace CONNECT is refused with `44<nsp>,{ message, data: { code } }`. */
  | { kind: 'connect-error'; namespace: string; codes: readonly string[] }
  /** Nothing to answer (no ack asked for): the connection keeps working. */
  | { kind: 'ignored' };

export interface RawCase {
  label: string;
  /** Sent in order after the connection joined `/visitor`; strings as text frames, Buffers as binary. */
  frames: (string | Buffer)[];
  outcome: Outcome;
}

const V = '/visitor';
const invalid = { kind: 'error', codes: ['INVALID_PAYLOAD'] } as const;
const invalidOrTooLarge = { kind: 'error', codes: ['INVALID_PAYLOAD', 'PAYLOAD_TOO_LARGE'] } as const;
const close = { kind: 'close' } as const;
const event = (body: string, ackId: string | number = 1) => `42${V},${ackId}${body}`;

/** `depth` nested arrays around `inner`, as JSON text (built as text: JSON.stringify would recurse). */
export const deepArray = (depth: number, inner = '0') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
/** `depth` nested objects `{"a":{"a":…}}` around `inner`, as JSON text. */
export const deepObject = (depth: number, inner = '0', key = 'a') =>
  `${`{"${key}":`.repeat(depth)}${inner}${'}'.repeat(depth)}`;

/** Frames the engine.io or socket.io parsers refuse, and protocol misuse. */
export function parserCases(conversationId: string): RawCase[] {
  const send = `{"conversationId":"${conversationId}","clientId":"c1","text":"hi"}`;
  return [
    { label: 'non-JSON text frame', frames: ['hello server'], outcome: close },
    { label: 'JSON object as a frame', frames: ['{"type":"message"}'], outcome: close },
    { label: 'empty frame', frames: [''], outcome: close },
    { label: 'unknown engine.io packet type 9', frames: ['9'], outcome: close },
    // The WebSocket's own close ends the transport; engine.io's close packet on it is ignored.
    { label: 'engine.io close packet', frames: ['1'], outcome: { kind: 'ignored' } },
    { label: 'engine.io noop', frames: ['6'], outcome: { kind: 'ignored' } },
    { label: 'unsolicited pong', frames: ['3'], outcome: { kind: 'ignored' } },
    { label: 'socket.io packet type 7', frames: ['47/visitor,1["x"]'], outcome: close },
    { label: 'socket.io packet type not a digit', frames: ['4x/visitor,1["x"]'], outcome: close },
    { label: 'truncated JSON', frames: [event(`["message:send",${send.slice(0, 30)}`)], outcome: close },
    { label: 'trailing garbage after JSON', frames: [event(`["message:send",${send}]garbage`)], outcome: close },
    { label: 'NaN literal', frames: [event('["messages:sync",{"afterSeq":NaN}]')], outcome: close },
    { label: 'event args not an array', frames: [event(`{"event":"message:send"}`)], outcome: close },
    { label: 'empty event array', frames: [event('[]')], outcome: close },
    { label: 'event without args', frames: [event('')], outcome: { kind: 'ignored' } },
    ...['null', 'true', '{"a":1}', '["message:send"]', '1.5e400'].map(
      (name): RawCase => ({
        label: `event name ${name}`,
        frames: [event(`[${name},{}]`)],
        // Numbers are legal event names in socket.io (answered as unknown events); the rest are not.
        outcome: name === '1.5e400' ? invalid : close,
      }),
    ),
    ...['connect', 'disconnect', 'disconnecting', 'newListener', 'removeListener', 'connect_error'].map(
      (name): RawCase => ({ label: `reserved event name ${name}`, frames: [event(`["${name}",{}]`)], outcome: close }),
    ),
    ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(100_000)].map(
      (name): RawCase => ({
        label: `event name ${name.slice(0, 20)}`,
        frames: [event(`["${name}",{}]`)],
        outcome: invalid,
      }),
    ),
    { label: 'event on a namespace never joined', frames: ['42/admin,1["conversation:list",{}]'], outcome: close },
    {
      label: 'connect to an unknown namespace',
      frames: ['40/admin,{}'],
      outcome: { kind: 'connect-error', namespace: '/admin', codes: [] },
    },
    { label: 'connect payload not an object', frames: ['40/agent,"cookie"'], outcome: close },
    {
      label: 'agent namespace without a session',
      frames: ['40/agent,{"protocolVersion":1}'],
      outcome: { kind: 'connect-error', namespace: '/agent', codes: ['UNAUTHORIZED'] },
    },
    {
      label: 'handshake with __proto__ in auth',
      frames: ['40/agent,{"protocolVersion":1,"__proto__":{"polluted":true}}'],
      outcome: { kind: 'connect-error', namespace: '/agent', codes: ['INVALID_PAYLOAD'] },
    },
    {
      label: 'connect-error packet from a client',
      frames: ['44/visitor,{"message":"x"}'],
      outcome: close,
    },
    { label: 'ack for an id never asked', frames: ['43/visitor,77[{"data":{}}]'], outcome: { kind: 'ignored' } },
    { label: 'negative ack id', frames: [event('["conversation:list",{}]', -1)], outcome: close },
    { label: 'fractional ack id', frames: [event('["conversation:list",{}]', '1.5')], outcome: close },
    {
      label: 'huge ack id',
      frames: [event('["message:send",{"$where":"1"}]', '99999999999999999999')],
      outcome: { kind: 'error', codes: ['INVALID_PAYLOAD'], ackId: String(Number('99999999999999999999')) },
    },
    {
      label: 'ack id of 400 digits',
      frames: [event('["message:send",{"$where":"1"}]', '9'.repeat(400))],
      outcome: { kind: 'error', codes: ['INVALID_PAYLOAD'], ackId: 'Infinity' },
    },
  ];
}

/** Binary attachments and their placeholders, with and without the binary frames they announce. */
export function binaryCases(conversationId: string): RawCase[] {
  const placeholder = '{"_placeholder":true,"num":0}';
  const bin = Buffer.from([1, 2, 3]);
  const probe = event('["conversation:list",{}]', 2);
  return [
    { label: 'binary frame out of the blue', frames: [bin], outcome: close },
    { label: 'placeholder in a plain event', frames: [event(`["message:send",${placeholder}]`)], outcome: invalid },
    {
      label: 'binary event whose attachment never comes',
      frames: [`451-${V},1["message:send",${placeholder}]`, probe],
      outcome: close,
    },
    {
      label: 'binary event with its attachment',
      frames: [`451-${V},1["message:send",${placeholder}]`, bin],
      outcome: invalid,
    },
    {
      label: 'attachment as a field',
      frames: [
        `451-${V},1["message:send",{"conversationId":"${conversationId}","clientId":"b","text":${placeholder}}]`,
        bin,
      ],
      outcome: invalid,
    },
    {
      label: 'placeholder pointing past the attachments',
      frames: [`451-${V},1["message:send",{"_placeholder":true,"num":5}]`, bin],
      outcome: close,
    },
    { label: 'zero attachments', frames: [`450-${V},1["message:send",{}]`], outcome: close },
    { label: 'too many attachments', frames: [`4511-${V},1["message:send",{}]`], outcome: close },
    { label: 'billions of attachments', frames: [`459999999999-${V},1["message:send",{}]`], outcome: close },
    { label: 'attachment count not a number', frames: [`45abc-${V},1["message:send",{}]`], outcome: close },
    {
      label: '10,000-deep placeholder',
      frames: [`451-${V},1["message:send",${deepArray(10_000, placeholder)}]`, bin],
      outcome: { kind: 'error-or-close', codes: ['INVALID_PAYLOAD'] },
    },
    {
      label: '__proto__ around a placeholder',
      frames: [`451-${V},1["message:send",{"__proto__":{"polluted":${placeholder}}}]`, bin],
      outcome: invalid,
    },
  ];
}

/** Frames sized around the server's limit, deep nesting and huge collections. */
export function sizeCases(maxFrameBytes: number, conversationId: string): RawCase[] {
  const sendWithText = (length: number) =>
    event(`["message:send",{"conversationId":"${conversationId}","clientId":"big","text":"${'x'.repeat(length)}"}]`);
  const overhead = sendWithText(0).length + 1; // +1 for engine.io's leading "4"
  const protoKeys = ['__proto__', 'constructor', 'prototype'];
  return [
    {
      label: 'frame just under the limit',
      frames: [sendWithText(maxFrameBytes - overhead - 16)],
      outcome: invalidOrTooLarge,
    },
    { label: 'frame just over the limit', frames: [sendWithText(maxFrameBytes - overhead + 16)], outcome: close },
    { label: 'binary frame over the limit', frames: [Buffer.alloc(maxFrameBytes + 16)], outcome: close },
    {
      label: '10,000-deep arrays as payload',
      frames: [event(`["message:send",${deepArray(10_000)}]`)],
      outcome: invalid,
    },
    {
      label: '10,000-deep objects as payload',
      frames: [event(`["conversation:start",${deepObject(10_000)}]`)],
      outcome: invalid,
    },
    {
      label: '10,000-deep objects in a field',
      frames: [event(`["conversation:start",{"requestId":"r1","product":${deepObject(10_000, '0', 'name')}}]`)],
      outcome: invalid,
    },
    ...protoKeys.map(
      (key): RawCase => ({
        label: `10,000-deep ${key} keys`,
        frames: [event(`["conversation:start",${deepObject(10_000, '{"polluted":true}', key)}]`)],
        outcome: invalid,
      }),
    ),
    {
      label: 'array of 500,000 numbers',
      frames: [event(`["messages:sync",[${new Array(500_000).fill(0).join(',')}]]`)],
      outcome: invalid,
    },
    { label: '10,000 arguments', frames: [event(`["typing:set"${',{}'.repeat(10_000)}]`)], outcome: invalid },
    {
      label: 'object with 100,000 keys',
      frames: [event(`["typing:set",{${Array.from({ length: 100_000 }, (_, i) => `"k${i}":1`).join(',')}}]`)],
      outcome: invalid,
    },
  ];
}

/** A valid payload for every event a client may send, keyed so that a new event without a fixture fails `tsc`. */
export type EventFixtures<Events> = Record<keyof Events, Record<string, unknown>>;

/** Valid payloads of the widget's events (against `conversationId`). */
export function visitorFixtures(conversationId: string): EventFixtures<VisitorClientEvents> {
  return {
    'conversation:start': {
      requestId: 'req-1',
      name: 'Li Lei',
      email: 'li@example.com',
      phone: '+86 138 0000 0000',
      product: {
        name: 'Kettle',
        sku: 'K1',
        price: 1,
        currency: 'CNY',
        imageUrl: 'https://a.test/k.png',
        url: 'https://a.test/k',
      },
    },
    'conversation:list': {},
    'site:config': {},
    'ticket:list': {},
    'message:send': { conversationId, clientId: 'c-1', text: 'hello' },
    'messages:sync': { conversationId, afterSeq: 0, limit: 10 },
    'typing:set': { conversationId, typing: true },
    'receipt:update': { conversationId, kind: 'read', seq: 1 },
    'rating:submit': { subject: { kind: 'conversation', id: conversationId }, score: 4, comment: 'Quick fix' },
    'rating:pending': {},
  };
}

/** Ids of a tenant's own objects that the console's events name, for cross-tenant attempts on real ones. */
export interface TenantObjectIds {
  siteId: string;
  cannedId: string;
  teamId: string;
  ticketId: string;
  followUpId: string;
  alertId: string;
}

/** Ids no object has, where a test names no real one. */
const UNKNOWN_IDS: TenantObjectIds = {
  siteId: 'site-1',
  cannedId: 'canned-1',
  teamId: 'team-1',
  ticketId: 'ticket-1',
  followUpId: 'follow-up-1',
  alertId: 'alert-1',
};

/**
 * Valid payloads of the console's events (against `conversationId`, `agentId` where an agent is
 * named, `customerId` where a customer is, and `objectIds` for sites, canned replies, teams,
 * tickets, follow-ups and alerts).
 */
export function agentFixtures(
  conversationId: string,
  agentId = 'agent-1',
  customerId = 'customer-1',
  objectIds: Partial<TenantObjectIds> = {},
): EventFixtures<AgentClientEvents> {
  const ids = { ...UNKNOWN_IDS, ...objectIds };
  return {
    'conversation:list': {
      status: 'open',
      siteId: ids.siteId,
      assigneeId: agentId,
      waitingOn: 'customer',
      product: 'K2',
      cursor: { updatedAt: 1, id: conversationId },
      before: 1,
      limit: 10,
    },
    'conversation:open': { conversationId },
    'conversation:resolve': { conversationId },
    'conversation:reopen': { conversationId },
    'message:send': { conversationId, clientId: 'c-1', text: 'hello' },
    'messages:sync': { conversationId, afterSeq: 0, limit: 10 },
    'typing:set': { conversationId, typing: true },
    'receipt:update': { conversationId, kind: 'read', seq: 1 },
    'note:add': { conversationId, clientId: 'n-1', text: 'internal note' },
    'presence:set': { status: 'online' },
    'presence:list': {},
    'conversation:transfer': { conversationId, toAgentId: agentId, note: 'Needs a refund' },
    'agent:set-capacity': { agentId, capacity: 3 },
    'customer:get': { customerId },
    'customer:update': { customerId, name: 'Li Lei', email: null, tier: 'gold' },
    'agent:list': {},
    'canned:list': {},
    'canned:create': { shortcut: 'warranty', title: 'Warranty', text: 'Two years.' },
    'canned:update': { id: ids.cannedId, shortcut: 'warranty', title: 'Warranty', text: 'Two years.' },
    'canned:delete': { id: ids.cannedId },
    'search:query': { query: 'kettle', limit: 5, cursor: { createdAt: 1, messageId: 'message-1' } },
    'report:get': { from: '2026-09-01', to: '2026-09-30', siteId: ids.siteId },
    ...adminFixtures(agentId, ids),
    ...ticketFixtures(conversationId, agentId, customerId, ids.ticketId),
    'rating:request': { conversationId },
    'rating:list': { customerId },
    'follow-up:list': { view: 'due', page: 1 },
    'follow-up:complete': { followUpId: ids.followUpId, outcome: 'satisfied', note: 'Happy' },
    'alert:list': { limit: 10 },
    'alert:read': { alertIds: [ids.alertId] },
    'site-identity:get': { siteId: ids.siteId },
    'site-identity:update': { siteId: ids.siteId, required: true },
    'site-identity:rotate': { siteId: ids.siteId },
  };
}

/** Valid payloads of the repair ticket events (`ticket:*`). */
function ticketFixtures(conversationId: string, agentId: string, customerId: string, ticketId: string) {
  return {
    'ticket:create': {
      conversationId,
      serialNumber: 'SN-1',
      purchaseDate: '2026-03-01',
      orderNumber: 'ORD-1',
      fault: 'Pump noise',
      photoIds: ['attachment-1'],
      remedy: 'repair',
      category: 'paid',
      priority: 'high',
      technicianId: agentId,
      product: { name: 'Kettle', sku: 'K2', category: 'Kitchen' },
      overrideReason: 'Goodwill',
    },
    'ticket:get': { ticketId },
    'ticket:for-conversation': { conversationId },
    'ticket:list': {
      view: 'mine',
      statuses: ['registered'],
      technicianId: agentId,
      customerId,
      query: 'R-1',
      limit: 5,
    },
    'ticket:update': {
      ticketId,
      version: 1,
      serialNumber: null,
      purchaseDate: '2026-03-02',
      fault: 'Leak',
      priority: 'low',
    },
    'ticket:move': { ticketId, version: 1, to: 'diagnosed', note: 'Seal' },
    'ticket:assign': { ticketId, version: 1, assigneeId: agentId, technicianId: null },
    'ticket:note': { ticketId, note: 'Called the customer' },
    'ticket:repair-card': {
      ticketId,
      version: 1,
      repairCard: {
        parts: [{ name: 'Seal', partNumber: 'S-1', quantity: 1 }],
        labourMinutes: 30,
        technicianNotes: 'Done',
      },
    },
    'ticket:override-warranty': { ticketId, version: 1, remedy: 'refund', reason: 'Goodwill' },
  };
}

/** Valid payloads of the settings events (`site:*`, `agent:create|update`, `team:*`). */
function adminFixtures(agentId: string, ids: TenantObjectIds) {
  const settings = {
    color: '#2563eb',
    greeting: { en: 'Hello', 'zh-CN': '您好' },
    offlineMessage: { en: 'Leave a message' },
    preChatFields: [{ field: 'email', required: true }],
    businessHours: {
      timeZone: 'Asia/Shanghai',
      intervals: [{ day: 1, open: '09:00', close: '18:00' }],
      closedDates: ['2026-10-01'],
    },
    expectedReplyMinutes: 30,
    defaultLocale: 'zh-CN',
  };
  return {
    'site:list': {},
    'site:create': { name: 'Shop', allowedOrigins: ['https://shop.example'], settings },
    'site:update': { siteId: ids.siteId, name: 'Shop', allowedOrigins: [], settings: { color: '#000000' } },
    // One email per call: a create lands in the caller's own tenant, and emails are unique everywhere.
    'agent:create': {
      email: `new-${crypto.randomUUID()}@shop.example`,
      name: 'New',
      role: 'agent',
      password: 'long-enough-1',
    },
    'agent:update': { agentId, name: 'Ann', role: 'agent', active: true, avatarUrl: 'https://a.test/a.png' },
    'team:list': {},
    'team:create': { name: 'Repairs', memberIds: [agentId] },
    'team:update': { teamId: ids.teamId, name: 'Repairs', memberIds: [agentId] },
    'team:delete': { teamId: ids.teamId },
  };
}

const OPERATORS = [{ $where: 'sleep(1000) || true' }, { $ne: null }, { $gt: '' }, { $regex: '.*' }];
const BAD_NUMBERS = ['1e309', '-1e309', '-1', '0.5', '9007199254740993', '1e308', '"1"'];

/**
 * Every string field of `payload` (at any depth) replaced by each Mongo operator object, every
 * number field by each out-of-range number (as raw JSON text: `1e309` parses to Infinity), and an
 * operator added as a key at every object level.
 */
export function hostileVariants(payload: Record<string, unknown>): { label: string; body: string }[] {
  const variants: { label: string; body: string }[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (typeof value === 'string') {
      for (const operator of OPERATORS) {
        variants.push({
          label: `${path.join('.')} = ${JSON.stringify(operator)}`,
          body: JSON.stringify(setAt(payload, path, operator)),
        });
      }
    } else if (typeof value === 'number') {
      // A fractional price is a real price; everywhere else a fraction is wrong.
      for (const number of BAD_NUMBERS.filter((bad) => !(path.at(-1) === 'price' && bad === '0.5'))) {
        const marker = '"\u0000number\u0000"';
        const body = JSON.stringify(setAt(payload, path, '\u0000number\u0000')).replace(marker, number);
        variants.push({ label: `${path.join('.')} = ${number}`, body });
      }
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
      // A JSON array cannot carry a key: the "variant" would be the valid payload itself.
      if (Array.isArray(value)) return;
      variants.push({
        label: `${path.join('.') || 'payload'} + $where key`,
        body: JSON.stringify(setAt(payload, [...path, '$where'], '1')),
      });
    }
  };
  walk(payload, []);
  return variants;
}

function setAt(root: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1)!] = value;
  return copy;
}

/** `__proto__`, `constructor` and `prototype` keys as raw JSON at every object level of `payload`. */
export function prototypeVariants(payload: Record<string, unknown>): { label: string; body: string }[] {
  const variants: { label: string; body: string }[] = [];
  const poison = [
    '"__proto__":{"polluted":true}',
    '"constructor":{"prototype":{"polluted":true}}',
    '"prototype":{"polluted":true}',
  ];
  const walk = (value: unknown, path: string[]) => {
    if (!value || typeof value !== 'object') return;
    // Arrays cannot carry keys in JSON; their elements are walked below.
    for (const key of Array.isArray(value) ? [] : poison) {
      // Insert the key as text, at the front of the object at `path`, so JSON.parse makes it an own key.
      const marked = JSON.stringify(setAt(payload, [...path, '\u0000here\u0000'], 0));
      variants.push({
        label: `${path.join('.') || 'payload'} + ${key.split(':')[0]}`,
        body: marked.replace('"\u0000here\u0000":0', key),
      });
    }
    for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
  };
  walk(payload, []);
  return variants;
}
