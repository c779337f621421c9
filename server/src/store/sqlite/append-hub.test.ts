import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import type { AppendMessageInput, AppendMessageResult } from '../../domain/conversations/conversation-repository.js';
import { newId, newMessage, seedConversation } from '../contract/fixtures.js';
import { appendHubOf } from './append-hub.js';
import type { AppendRole, AppendRow } from './append-thread.js';
import { appendStatements, toAppendRow } from './message-repository.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';

// Each store stands for one server process: its own connections and threads on the shared file.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'aftercare-hub-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function openStore(dir: string, options: { shareAppends?: boolean } = {}): SqliteStore {
  const store = openSqliteStore({ dataDir: dir, ...options });
  cleanups.push(() => store.close());
  return store;
}

async function roleOf(store: SqliteStore, role: AppendRole): Promise<void> {
  await vi.waitFor(() => expect(store.messages.appendRole).toBe(role), { timeout: 5_000, interval: 10 });
}

/** `count` stores on one new file, opened in turn: the first is the hub, the others its clients. */
async function processesOnOneFile(count: number): Promise<SqliteStore[] & [SqliteStore, SqliteStore, SqliteStore]> {
  const dir = await dataDir();
  const stores: SqliteStore[] = [];
  for (let i = 0; i < count; i++) {
    const store = openStore(dir);
    await roleOf(store, i === 0 ? 'hub' : 'client');
    stores.push(store);
  }
  // Typed as three so callers destructure without checks; they ask for as many as they use.
  return stores as SqliteStore[] & [SqliteStore, SqliteStore, SqliteStore];
}

/** Every client id stored exactly once, `created` answered exactly once for it, seqs 1..n without gaps. */
async function expectEachStoredOnce(store: SqliteStore, conversationId: string, answers: AppendMessageResult[]) {
  const rows = store.db
    .prepare<[string], { seq: number; client_id: string; id: string }>(
      'SELECT seq, client_id, id FROM messages WHERE conversation_id = ? ORDER BY seq',
    )
    .all(conversationId);
  const clientIds = new Set(answers.map((answer) => answer.message.clientId));
  expect(rows.map((row) => row.seq)).toEqual(rows.map((_, i) => i + 1));
  expect(new Set(rows.map((row) => row.client_id))).toEqual(clientIds);
  expect(rows).toHaveLength(clientIds.size);
  const created = answers.filter((answer) => answer.created).map((answer) => answer.message.clientId);
  expect(created.sort()).toEqual([...clientIds].sort());
  for (const answer of answers) {
    expect(rows.find((row) => row.client_id === answer.message.clientId)).toMatchObject({
      seq: answer.message.seq,
      id: answer.message.id,
    });
  }
}

it('processes on one file commit through one writer: the first is the hub, the others its clients', async () => {
  const [first, second] = await processesOnOneFile(2);
  const conversation = await seedConversation(first);

  // Both processes at once, and each shopper's retry landing on the other process.
  const clientIds = Array.from({ length: 150 }, () => newId());
  const sends = clientIds.flatMap((clientId, i) => {
    const [one, other] = i % 2 ? [first, second] : [second, first];
    const send = () => one.messages.append(newMessage(conversation.id, { id: newId(), clientId }));
    const retry = () => other.messages.append(newMessage(conversation.id, { id: newId(), clientId }));
    return i % 3 ? [send()] : [send(), retry()];
  });
  const answers = (await Promise.all(sends)).map((answer) => answer!);
  await expectEachStoredOnce(first, conversation.id, answers);
  // The client's answers are the stored rows with the conversation as it is after them.
  const last = answers.reduce((a, b) => (a.message.seq > b.message.seq ? a : b));
  expect(last.conversation).toMatchObject({ id: conversation.id, lastSeq: clientIds.length });

  // A store on another file is nobody's client.
  const elsewhere = openStore(await dataDir());
  await roleOf(elsewhere, 'hub');
  expect(second.messages.appendRole).toBe('client');
});

it('text crosses the socket intact however it is cut into packets (Chinese, emoji)', async () => {
  const [first, second] = await processesOnOneFile(2);
  const conversation = await seedConversation(first);
  // Big enough that the batch and its answer span many socket reads, cutting characters in two.
  const texts = Array.from({ length: 200 }, (_, i) => `${i} 我的水壶不加热了，可以保修吗？🔧 `.repeat(40));
  const answers = await Promise.all(
    texts.map((text) => second.messages.append(newMessage(conversation.id, { id: newId(), text }))),
  );
  expect(second.messages.appendRole).toBe('client');
  expect(answers.map((answer) => answer?.message.text)).toEqual(texts);
  const stored = await first.messages.listAfter(conversation.id, 0, 500, 'agent');
  expect(stored.map((message) => message.text).sort()).toEqual([...texts].sort());
});

it('a client whose hub stops commits alone, then takes over as hub, losing and doubling nothing', async () => {
  const [first, second, third] = await processesOnOneFile(3);
  const conversation = await seedConversation(first);

  // The hub's process stops in the middle of the other two's traffic.
  const answers: Promise<AppendMessageResult | null>[] = [];
  for (let i = 0; i < 40; i++) {
    for (const store of [second, third]) {
      for (let j = 0; j < 5; j++) answers.push(store.messages.append(newMessage(conversation.id, { id: newId() })));
    }
    if (i === 10) void first.close();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await expectEachStoredOnce(
    second,
    conversation.id,
    (await Promise.all(answers)).map((answer) => answer!),
  );
  // One of the two claimed the file; the other is its client again.
  await vi.waitFor(
    () => expect([second.messages.appendRole, third.messages.appendRole].sort()).toEqual(['client', 'hub']),
    { timeout: 5_000, interval: 10 },
  );
  const after = await second.messages.append(newMessage(conversation.id, { id: newId() }));
  expect(after).toMatchObject({ created: true, message: { seq: answers.length + 1 } });
});

it("a row the hub stored before it died unanswered is the client's own: created once, not twice", async () => {
  const dir = await dataDir();
  const probe = openStore(dir, { shareAppends: false });
  const { address, secret } = appendHubOf(probe.db, probe.file, appendStatements);
  const conversation = await seedConversation(probe);
  // A hub that knows the secret, commits what it is sent and dies before answering.
  const hub: Server = createServer((socket) => {
    let buffered = '';
    socket.on('data', async (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const value = JSON.parse(line) as { nonce?: string; rows?: AppendRow[] };
        if (value.nonce) {
          const proof = createHmac('sha256', secret).update(`hub:${value.nonce}`).digest('hex');
          socket.write(`${JSON.stringify({ proof, nonce: 'hub-nonce' })}\n`);
        }
        for (const row of value.rows ?? []) await probe.messages.append(fromAppendRow(row));
        if (value.rows) socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => hub.listen(address, resolve));
  cleanups.push(() => new Promise((resolve) => hub.close(() => resolve())));
  const store = openStore(dir);
  await roleOf(store, 'client');

  const sent = newMessage(conversation.id, { id: newId() });
  expect(await store.messages.append(sent)).toMatchObject({ created: true, message: { id: sent.id, seq: 1 } });
  expect(await store.messages.count(conversation.id)).toBe(1);
  // A retry of it (same client id, a new message id) is still answered as the stored one, not created.
  const retry = await store.messages.append({ ...sent, id: newId() });
  expect(retry).toMatchObject({ created: false, message: { id: sent.id, seq: 1 } });
});

/** The message an append row stands for. */
function fromAppendRow(row: AppendRow): AppendMessageInput {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    clientId: row.client_id,
    author: { kind: row.author_kind as 'visitor', id: row.author_id as string, name: row.author_name as string },
    text: row.text,
    internal: row.internal === 1,
    createdAt: row.created_at,
  };
}

it('the hub serves only those who prove they can read the file, and clients trust only such a hub', async () => {
  const dir = await dataDir();
  // The file exists (and with it its id) before anyone listens: learn the address a squatter would need.
  const probe = openStore(dir, { shareAppends: false });
  const { address, secret } = appendHubOf(probe.db, probe.file, appendStatements);
  const conversation = await seedConversation(probe);

  // A squatter holding the address when the store opens answers the hello without the secret.
  const received: string[] = [];
  let connections = 0;
  const squatter: Server = createServer((socket) => {
    connections += 1;
    socket.on('data', (chunk) => {
      received.push(chunk.toString());
      socket.write(`${JSON.stringify({ proof: 'f'.repeat(64), nonce: 'n' })}\n`);
    });
  });
  await new Promise<void>((resolve) => squatter.listen(address, resolve));
  const store = openStore(dir);
  await vi.waitFor(() => expect(received.length).toBeGreaterThan(0), { timeout: 5_000, interval: 10 });
  const stored = await store.messages.append(newMessage(conversation.id, { id: newId(), text: 'for the file only' }));
  expect(stored).toMatchObject({ created: true, message: { seq: 1 } });
  expect(store.messages.appendRole).toBe('alone');
  // It got hellos, never a row; and ever fewer of them (50, 100, 200… ms apart), not ten a second.
  expect(received.join('')).not.toContain('for the file only');
  const before = connections;
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(connections - before).toBeLessThanOrEqual(4);
  await new Promise<void>((resolve) => squatter.close(() => resolve()));
  await roleOf(store, 'hub');

  // Through the hub's door: a process that knows the secret appends; one that guesses is cut off.
  const row = (clientId: string) => toAppendRow(newMessage(conversation.id, { clientId }));
  const knows = await hubSession(address, (nonce) =>
    createHmac('sha256', secret).update(`client:${nonce}`).digest('hex'),
  );
  expect(knows.hello.proof).toBe(createHmac('sha256', secret).update(`hub:${knows.nonce}`).digest('hex'));
  expect(await knows.append(row('knows'))).toMatchObject({ results: [{ created: true, message: { seq: 2 } }] });
  const guesses = await hubSession(address, () => 'f'.repeat(64));
  await expect(guesses.append(row('guesses'))).rejects.toThrow('closed');
  expect(await store.messages.count(conversation.id)).toBe(2);
  knows.socket.destroy();
});

/** A raw connection to a hub: hello, the hub's answer, our proof (from `prove`), then appends. */
async function hubSession(address: string, prove: (hubNonce: string) => string) {
  const socket: Socket = connect(address);
  // A hub that cut us off makes our next write fail (EPIPE): `append` then rejects with 'closed'.
  socket.on('error', () => {});
  const lines: string[] = [];
  let buffered = '';
  let notify = () => {};
  let closed = false;
  socket.on('data', (chunk) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    lines.push(...parts);
    notify();
  });
  socket.on('close', () => {
    closed = true;
    notify();
  });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (lines.length > 0) resolve(lines.shift()!);
        else if (closed) reject(new Error('closed'));
        else notify = check;
      };
      check();
    });
  const nonce = 'our-nonce';
  socket.write(`${JSON.stringify({ nonce })}\n`);
  const hello = JSON.parse(await nextLine()) as { proof: string; nonce: string };
  socket.write(`${JSON.stringify({ proof: prove(hello.nonce) })}\n`);
  return {
    socket,
    nonce,
    hello,
    async append(rowToSend: unknown) {
      socket.write(`${JSON.stringify({ id: 1, rows: [rowToSend] })}\n`);
      return JSON.parse(await nextLine()) as unknown;
    },
  };
}

it('only builds that store a row the same way share a writer: the address covers the file and the statements', async () => {
  const store = openStore(await dataDir(), { shareAppends: false });
  const other = openStore(await dataDir(), { shareAppends: false });
  const here = appendHubOf(store.db, store.file, appendStatements);
  expect(appendHubOf(store.db, store.file, appendStatements)).toEqual(here);
  // Another file, or a build whose append statements differ (a rolling upgrade), meets elsewhere.
  expect(appendHubOf(other.db, other.file, appendStatements).address).not.toBe(here.address);
  const changed = { ...appendStatements, insert: `${appendStatements.insert} -- a new column` };
  expect(appendHubOf(store.db, store.file, changed).address).not.toBe(here.address);
  // The name gives nothing of the secret away.
  expect(here.address).not.toContain(here.secret);
});
