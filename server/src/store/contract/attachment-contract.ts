import type { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import type { AttachmentRecord } from '../../domain/attachments/attachment-repository.js';
import type { Store } from '../../domain/store.js';
import { newId, newMessage, seedConversation, T0 } from './fixtures.js';

function newAttachmentRecord(overrides: Partial<AttachmentRecord> = {}): AttachmentRecord {
  return {
    id: newId().replaceAll('-', ''),
    tenantId: newId(),
    siteId: newId(),
    uploader: { kind: 'visitor', id: newId() },
    name: 'receipt.png',
    mimeType: 'image/png',
    size: 1234,
    width: 640,
    height: 480,
    createdAt: T0,
    claim: null,
    ...overrides,
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Attachments: metadata with all-or-nothing claims by one message, old unclaimed uploads swept, and the bytes. */
export function describeAttachmentContract(getStore: () => Store): void {
  it('attachments: stores and finds a record; an agent upload has no site', async () => {
    const store = getStore();
    const record = newAttachmentRecord();
    const agentUpload = newAttachmentRecord({ siteId: null, uploader: { kind: 'agent', id: newId() }, width: null });
    await store.attachments.create(record);
    await store.attachments.create(agentUpload);
    expect(await store.attachments.getById(record.id)).toEqual(record);
    expect(await store.attachments.getById(agentUpload.id)).toEqual(agentUpload);
    expect(await store.attachments.getById('unknown-id')).toBeNull();
    await expect(store.attachments.create(record)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('attachments: a claim takes every file or none, and only the uploader’s', async () => {
    const store = getStore();
    const uploader = { kind: 'visitor' as const, id: newId() };
    const mine = newAttachmentRecord({ uploader });
    const alsoMine = newAttachmentRecord({ uploader });
    const theirs = newAttachmentRecord();
    for (const record of [mine, alsoMine, theirs]) await store.attachments.create(record);
    const claim = { conversationId: newId(), clientId: 'c-1' };

    expect(await store.attachments.claim([mine.id, theirs.id], uploader, claim)).toBe(false);
    expect(await store.attachments.claim([mine.id, 'unknown-id'], uploader, claim)).toBe(false);
    // The refused claims took nothing, not even the first file.
    expect((await store.attachments.getById(mine.id))?.claim).toBeNull();

    expect(await store.attachments.claim([mine.id, alsoMine.id], uploader, claim)).toBe(true);
    expect((await store.attachments.getById(mine.id))?.claim).toEqual(claim);
    // A retried send (same message key) claims them again; another message cannot.
    expect(await store.attachments.claim([mine.id, alsoMine.id], uploader, claim)).toBe(true);
    expect(await store.attachments.claim([mine.id], uploader, { ...claim, clientId: 'c-2' })).toBe(false);
    expect((await store.attachments.getById(mine.id))?.claim).toEqual(claim);
  });

  it('attachments: racing claims of one file by two messages: exactly one wins', async () => {
    const store = getStore();
    const uploader = { kind: 'agent' as const, id: newId() };
    const record = newAttachmentRecord({ uploader, siteId: null });
    await store.attachments.create(record);
    const conversationId = newId();
    const results = await Promise.all(
      ['a', 'b', 'c'].map((clientId) => store.attachments.claim([record.id], uploader, { conversationId, clientId })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('attachments: the sweep deletes unclaimed records older than the cutoff only', async () => {
    const store = getStore();
    const uploader = { kind: 'visitor' as const, id: newId() };
    const old = newAttachmentRecord({ uploader, createdAt: T0 - 10 });
    const fresh = newAttachmentRecord({ uploader, createdAt: T0 + 10 });
    const oldButUsed = newAttachmentRecord({ uploader, createdAt: T0 - 10 });
    for (const record of [old, fresh, oldButUsed]) await store.attachments.create(record);
    await store.attachments.claim([oldButUsed.id], uploader, { conversationId: newId(), clientId: 'c' });

    expect(await store.attachments.countUnclaimed(uploader)).toBe(2);
    expect(await store.attachments.countUnclaimed({ kind: 'agent', id: uploader.id })).toBe(0);
    const deleted = await store.attachments.deleteUnclaimedBefore(T0);
    expect(deleted).toContain(old.id);
    expect(deleted).not.toContain(fresh.id);
    expect(deleted).not.toContain(oldButUsed.id);
    expect(await store.attachments.getById(old.id)).toBeNull();
    expect(await store.attachments.getById(fresh.id)).not.toBeNull();
    expect(await store.attachments.getById(oldButUsed.id)).not.toBeNull();
    expect(await store.attachments.countUnclaimed(uploader)).toBe(1);
  });

  it('attachments: a message keeps its files’ snapshot in every read', async () => {
    const store = getStore();
    const conversation = await seedConversation(store);
    const file = {
      id: newId(),
      name: '发票 receipt.pdf',
      mimeType: 'application/pdf',
      size: 2048,
      width: null,
      height: null,
      url: '/api/attachments/x/receipt.pdf',
      createdAt: T0,
    };
    const input = newMessage(conversation.id, { text: '', attachments: [file] });
    const result = await store.messages.append(input);
    expect(result?.message.attachments).toEqual([file]);
    expect((await store.messages.listAfter(conversation.id, 0, 10, 'visitor'))[0]?.attachments).toEqual([file]);
    expect((await store.messages.listLatest(conversation.id, 10, 'agent'))[0]?.attachments).toEqual([file]);
    expect((await store.messages.findByClientId(conversation.id, input.clientId))?.attachments).toEqual([file]);
    const plain = await store.messages.append(newMessage(conversation.id));
    expect(plain?.message.attachments).toEqual([]);
  });

  it('attachment blobs: nothing is visible before commit; an abort leaves nothing; delete is idempotent', async () => {
    const { attachmentBlobs: blobs } = getStore();
    const id = newId().replaceAll('-', '');
    const writer = await blobs.create(id);
    await writer.write(Buffer.from('hello '));
    expect(await blobs.open(id)).toBeNull();
    await writer.write(Buffer.from('world'));
    await writer.commit();
    const stream = await blobs.open(id);
    expect(stream && (await readAll(stream)).toString()).toBe('hello world');

    const aborted = newId().replaceAll('-', '');
    const partial = await blobs.create(aborted);
    await partial.write(Buffer.alloc(300_000, 1));
    await partial.abort();
    await partial.abort();
    expect(await blobs.open(aborted)).toBeNull();

    await blobs.delete(id);
    await blobs.delete(id);
    expect(await blobs.open(id)).toBeNull();
    // A large file survives in several chunks (GridFS splits at 255 KB).
    const big = Buffer.alloc(700_000);
    for (let i = 0; i < big.length; i++) big[i] = i % 251;
    const bigId = newId().replaceAll('-', '');
    const bigWriter = await blobs.create(bigId);
    await bigWriter.write(big);
    await bigWriter.commit();
    const bigStream = await blobs.open(bigId);
    expect(bigStream && (await readAll(bigStream)).equals(big)).toBe(true);
    await blobs.delete(bigId);
  });
}
