import { describe, expect, it } from 'vitest';
import { createOutboxStorage } from './outbox-storage.js';
import type { PendingMessage } from './state.js';
import { memoryStorage, throwingStorage } from './test-storage.js';

const reply: PendingMessage = {
  clientId: 'c-1',
  conversationId: 'conv-1',
  text: 'We will send a courier on Monday',
  createdAt: 1_700_000_000_000,
  status: 'sending',
};
const failedNote: PendingMessage = {
  clientId: 'c-2',
  conversationId: 'conv-1',
  text: 'Warranty checked',
  createdAt: 1_700_000_000_500,
  status: 'failed',
  errorCode: 'FORBIDDEN',
  internal: true,
  attachments: [
    {
      id: 'a-1',
      name: 'receipt.pdf',
      mimeType: 'application/pdf',
      size: 1_024,
      width: null,
      height: null,
      url: '/api/attachments/a-1/receipt.pdf',
      createdAt: 1_700_000_000_000,
    },
  ],
};

describe('console outbox storage', () => {
  it('gives back what was saved, for the same agent only', () => {
    const storage = memoryStorage();
    createOutboxStorage(storage, 'agent-1').save([reply, failedNote]);
    expect(createOutboxStorage(storage, 'agent-1').load()).toEqual([reply, failedNote]);
    expect(createOutboxStorage(storage, 'agent-2').load()).toEqual([]);
  });

  it('removes the entry once nothing is waiting', () => {
    const storage = memoryStorage();
    const outbox = createOutboxStorage(storage, 'agent-1');
    outbox.save([reply]);
    outbox.save([]);
    expect(storage.length).toBe(0);
  });

  it('drops what is not a pending reply instead of trusting it', () => {
    const storage = memoryStorage();
    const outbox = createOutboxStorage(storage, 'agent-1');
    storage.setItem(
      'aftercare:console-outbox:agent-1',
      JSON.stringify([
        reply,
        { ...reply, clientId: 7 },
        { ...reply, status: 'sent' },
        { ...failedNote, attachments: [{ id: 'a-2' }] },
        null,
        'text',
      ]),
    );
    expect(outbox.load()).toEqual([reply]);
    storage.setItem('aftercare:console-outbox:agent-1', '{not json');
    expect(outbox.load()).toEqual([]);
    storage.setItem('aftercare:console-outbox:agent-1', '{"clientId":"c-1"}');
    expect(outbox.load()).toEqual([]);
  });

  it('keeps working without storage or with storage that throws', () => {
    for (const storage of [null, throwingStorage()]) {
      const outbox = createOutboxStorage(storage, 'agent-1');
      expect(() => outbox.save([reply])).not.toThrow();
      expect(outbox.load()).toEqual([]);
    }
  });
});
