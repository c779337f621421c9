import { LIMITS } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { createDraftStorage, STORED_DRAFT_CHARS } from './draft-storage.js';
import { MAX_DRAFTS, type ReplyDraft, type ReplyDrafts } from './drafts.js';
import { memoryStorage, throwingStorage } from './test-storage.js';

const PREFIX = 'aftercare:console-draft:agent-1:';
const reply: ReplyDraft = { text: 'We will send a courier on Monday', note: false, editedAt: 1_700_000_000_000 };
const note: ReplyDraft = { text: 'Second leak this month', note: true, editedAt: 1_700_000_000_500 };

/** A memory storage that also lists the keys written, in order. */
function countingStorage() {
  const storage = memoryStorage();
  const writes: string[] = [];
  const setItem = storage.setItem;
  storage.setItem = (key, value) => {
    writes.push(key);
    setItem(key, value);
  };
  return { storage, writes };
}

describe('console draft storage', () => {
  it('gives back what was saved, for the same agent only', () => {
    const storage = memoryStorage();
    createDraftStorage(storage, 'agent-1').save({ 'conv-1': reply, 'conv-2': note });
    expect(createDraftStorage(storage, 'agent-1').load()).toEqual({ 'conv-1': reply, 'conv-2': note });
    expect(createDraftStorage(storage, 'agent-2').load()).toEqual({});
  });

  it('stores only drafts with text, and removes a draft once it is emptied', () => {
    const storage = memoryStorage();
    const drafts = createDraftStorage(storage, 'agent-1');
    drafts.save({
      'conv-1': reply,
      'conv-2': { text: ' \n ', note: false, editedAt: 1 },
      'conv-3': { ...note, text: '' },
    });
    expect(createDraftStorage(storage, 'agent-1').load()).toEqual({ 'conv-1': reply });
    drafts.save({ 'conv-3': { ...note, text: '' } });
    expect(storage.length).toBe(0);
  });

  it('rewrites only the draft that changed', () => {
    const { storage, writes } = countingStorage();
    const drafts = createDraftStorage(storage, 'agent-1');
    const both: ReplyDrafts = { 'conv-1': reply, 'conv-2': note };
    drafts.save(both);
    expect(writes).toEqual([`${PREFIX}conv-1`, `${PREFIX}conv-2`]);
    drafts.save({ ...both, 'conv-1': { ...reply, text: `${reply.text}.`, editedAt: reply.editedAt + 1 } });
    expect(writes.slice(2)).toEqual([`${PREFIX}conv-1`]);

    // What a new session loads is not written again until it changes.
    const again = createDraftStorage(storage, 'agent-1');
    again.save(again.load());
    expect(writes).toHaveLength(3);
  });

  it('keeps the most recently edited drafts, each text cut a little past the message limit', () => {
    const storage = memoryStorage();
    const drafts = createDraftStorage(storage, 'agent-1');
    const many = Object.fromEntries(
      Array.from({ length: MAX_DRAFTS + 5 }, (_, i) => [`conv-${i}`, { ...reply, editedAt: i }]),
    );
    drafts.save({ ...many, 'conv-long': { ...reply, text: 'x'.repeat(LIMITS.messageText * 4), editedAt: 1_000 } });
    expect(storage.length).toBe(MAX_DRAFTS);
    const loaded = createDraftStorage(storage, 'agent-1').load();
    expect(Object.keys(loaded)).toHaveLength(MAX_DRAFTS);
    expect(loaded['conv-5']).toBeUndefined(); // conv-0 to conv-5 were the oldest
    expect(loaded['conv-6']).toBeDefined();
    // Still over the limit, so the composer says so instead of sending a quietly shortened text.
    expect(loaded['conv-long']?.text).toHaveLength(STORED_DRAFT_CHARS);
    expect(STORED_DRAFT_CHARS).toBeGreaterThan(LIMITS.messageText);
  });

  it('drops and removes what is not a draft instead of trusting it, and bounds what it loads', () => {
    const storage = memoryStorage();
    const stored = {
      'conv-1': reply,
      'conv-2': { ...note, note: 'yes' },
      'conv-3': { ...reply, text: '   ' },
      'conv-4': { ...reply, editedAt: '1700000000000' },
      'conv-5': null,
      'conv-6': 'text',
    };
    for (const [id, value] of Object.entries(stored)) storage.setItem(PREFIX + id, JSON.stringify(value));
    storage.setItem(`${PREFIX}conv-7`, '{not json');
    // A conversation id read back from a key must not become the prototype of the map.
    storage.setItem(`${PREFIX}__proto__`, JSON.stringify(reply));
    storage.setItem('aftercare:console-outbox:agent-1', '[]');
    const loaded = createDraftStorage(storage, 'agent-1').load();
    expect(loaded).toEqual({ 'conv-1': reply, ['__proto__']: reply });
    expect(Object.getPrototypeOf(loaded)).toBe(Object.prototype);
    // The rejected entries are gone; other keys are left alone.
    expect(storage.length).toBe(3);

    // Too many or too long (another version's bounds) are cut on the way in too.
    storage.clear();
    for (let i = 0; i <= MAX_DRAFTS; i++) {
      storage.setItem(
        `${PREFIX}other-${i}`,
        JSON.stringify({ ...reply, text: 'y'.repeat(STORED_DRAFT_CHARS + 10), editedAt: i }),
      );
    }
    const bounded = createDraftStorage(storage, 'agent-1').load();
    expect(Object.keys(bounded)).toHaveLength(MAX_DRAFTS);
    expect(bounded['other-0']).toBeUndefined();
    expect(bounded['other-1']?.text).toHaveLength(STORED_DRAFT_CHARS);
    expect(storage.length).toBe(MAX_DRAFTS);
  });

  it('keeps working without storage or with storage that throws', () => {
    for (const storage of [null, throwingStorage()]) {
      const drafts = createDraftStorage(storage, 'agent-1');
      expect(() => drafts.save({ 'conv-1': reply })).not.toThrow();
      expect(drafts.load()).toEqual({});
      expect(() => drafts.save({})).not.toThrow();
    }
  });
});
