import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { type AttachmentDocument, attachmentSchema, toAttachmentRecord } from './attachment-schemas.js';
import { type MessageDocument, messageSchema, toMessage } from './conversation-schemas.js';

// Models on a connection that never connects: validation and mapping need no server.
const connection = mongoose.createConnection();
const Attachments = connection.model<AttachmentDocument>('Attachment', attachmentSchema);
const Messages = connection.model<MessageDocument>('Message', messageSchema);
afterAll(() => connection.close());

const upload: AttachmentDocument = {
  _id: 'a1b2c3d4e5f6g7h8i9j0kl',
  tenantId: 't',
  siteId: null,
  uploader: { kind: 'agent', id: 'agent-1' },
  name: 'quote.pdf',
  mimeType: 'application/pdf',
  size: 10,
  width: null,
  height: null,
  createdAt: new Date(1_700_000_000_000),
  claim: null,
};

describe('Mongo attachment schemas', () => {
  it('accept an agent upload without a site, and map it back to the domain record', () => {
    expect(new Attachments(upload).validateSync()).toBeUndefined();
    expect(toAttachmentRecord(upload)).toMatchObject({
      id: upload._id,
      siteId: null,
      claim: null,
      createdAt: 1_700_000_000_000,
    });
  });

  it('refuse unknown fields and uploader kinds (strict schemas)', () => {
    expect(() => new Attachments({ ...upload, $where: '1' })).toThrow();
    expect(new Attachments({ ...upload, uploader: { kind: 'system', id: 'x' } }).validateSync()).toBeDefined();
  });

  it('declare the index the janitor sweeps unclaimed uploads by', () => {
    expect(attachmentSchema.indexes()).toContainEqual([
      { createdAt: 1 },
      expect.objectContaining({ name: 'attachments_unclaimed', partialFilterExpression: { claim: null } }),
    ]);
  });

  it('a message keeps its files, and one stored before attachments existed reads as none', () => {
    const base: MessageDocument = {
      _id: 'm1',
      conversationId: 'c1',
      clientId: 'x',
      seq: 1,
      author: { kind: 'visitor', id: 'v', name: null },
      text: '',
      internal: false,
      createdAt: new Date(1_700_000_000_000),
    };
    const file = {
      id: upload._id,
      name: 'quote.pdf',
      mimeType: 'application/pdf',
      size: 10,
      width: null,
      height: null,
      url: `/api/attachments/${upload._id}/quote.pdf`,
      createdAt: new Date(1_700_000_000_000),
    };
    expect(new Messages({ ...base, attachments: [file] }).validateSync()).toBeUndefined();
    expect(toMessage({ ...base, attachments: [file] }).attachments).toEqual([
      { ...file, createdAt: 1_700_000_000_000 },
    ]);
    expect(toMessage(base).attachments).toEqual([]);
  });
});
