import { DEFAULT_SITE_SETTINGS, type Message, type Site } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { testConversation } from '../../lib/workspace/test-conversation.js';
import { chatPhotos, initialDraft, previewWarranty, toCreatePayload } from './ticket-draft.js';

function message(overrides: Partial<Message>): Message {
  return {
    id: crypto.randomUUID(),
    conversationId: 'c1',
    clientId: crypto.randomUUID(),
    seq: 1,
    author: { kind: 'visitor', id: 'v', name: 'Li' },
    text: '',
    internal: false,
    attachments: [],
    createdAt: 0,
    ...overrides,
  };
}
const photo = (id: string, mimeType = 'image/png') => ({
  id,
  name: `${id}.png`,
  mimeType,
  size: 10,
  width: 1,
  height: 1,
  url: `/api/attachments/${id}/x`,
  createdAt: 0,
});

describe('ticket drafts', () => {
  it("start from the shopper's last words and photos, never from notes or PDFs", () => {
    const messages = [
      message({ text: 'Hello', attachments: [photo('a')] }),
      message({ author: { kind: 'agent', id: 'g', name: 'Ada' }, text: 'Send a photo?' }),
      message({ author: { kind: 'agent', id: 'g', name: 'Ada' }, internal: true, attachments: [photo('secret')] }),
      message({ text: '  The pump grinds  ', attachments: [photo('b'), photo('a'), photo('doc', 'application/pdf')] }),
    ];
    expect(initialDraft(messages)).toMatchObject({ fault: 'The pump grinds', photoIds: ['a', 'b'] });
    expect(chatPhotos(messages).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('send only what was filled in, and the exception reason only when it is needed', () => {
    const draft = { ...initialDraft([]), fault: ' Leak ', serialNumber: ' SN-1 ', overrideReason: 'Batch defect' };
    expect(toCreatePayload('c1', draft, false)).toEqual({
      conversationId: 'c1',
      fault: 'Leak',
      remedy: 'repair',
      category: 'warranty',
      priority: 'normal',
      serialNumber: 'SN-1',
    });
    expect(toCreatePayload('c1', draft, true).overrideReason).toBe('Batch defect');
  });

  it("preview the warranty with the site's terms and time zone", () => {
    const site: Site = {
      id: 's',
      tenantId: 't',
      key: 'k',
      name: 'Shop',
      allowedOrigins: [],
      settings: { ...DEFAULT_SITE_SETTINGS, timeZone: 'Asia/Shanghai' },
      createdAt: 0,
    };
    const now = Date.parse('2026-03-08T20:00:00Z'); // already the 9th in Shanghai
    const check = previewWarranty(site, testConversation('c1'), '2026-03-01', now);
    expect(check?.today).toBe('2026-03-09');
    expect(check?.remedies.map((r) => r.allowed)).toEqual([false, true, true]);
    expect(previewWarranty(undefined, testConversation('c1'), '2026-03-01', now)).toBeNull();
  });
});
