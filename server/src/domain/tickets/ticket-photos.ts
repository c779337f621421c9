import type { Agent, Attachment } from '@aftercare/shared';
import { type AttachmentRepository, toAttachment } from '../attachments/attachment-repository.js';
import { AftercareError } from '../errors.js';

/** The claim that keeps an agent's new ticket photos from being swept as abandoned uploads. */
const ticketPhotoClaim = (conversationId: string) => ({ conversationId, clientId: 'ticket-photos' });

/**
 * Resolves the photos an agent picks for a ticket: files the shopper or an agent already sent in
 * this chat, or the agent's own new uploads (which the ticket then claims). Images only.
 * @throws AftercareError `ATTACHMENT_UNAVAILABLE` for unknown, foreign or other chats' files;
 *   `UNSUPPORTED_FILE_TYPE` for files that are not images
 */
export function createTicketPhotoResolver(attachments: Pick<AttachmentRepository, 'getById' | 'claim'>) {
  return async (actor: Agent, conversationId: string, ids: string[]): Promise<Attachment[]> => {
    const unique = [...new Set(ids)];
    const records = await Promise.all(unique.map((id) => attachments.getById(id)));
    const fresh: string[] = [];
    for (const [index, record] of records.entries()) {
      if (!record || record.tenantId !== actor.tenantId) throw unavailable(unique[index] as string);
      if (!record.mimeType.startsWith('image/')) {
        throw new AftercareError(
          'UNSUPPORTED_FILE_TYPE',
          `${record.name} is not an image; ticket photos must be images.`,
        );
      }
      const fromThisChat = record.claim?.conversationId === conversationId;
      const ownUpload = record.claim === null && record.uploader.kind === 'agent' && record.uploader.id === actor.id;
      if (ownUpload) fresh.push(record.id);
      else if (!fromThisChat) throw unavailable(record.id);
    }
    if (
      fresh.length > 0 &&
      !(await attachments.claim(fresh, { kind: 'agent', id: actor.id }, ticketPhotoClaim(conversationId)))
    ) {
      throw unavailable(fresh.join(', '));
    }
    return records.map((record) => toAttachment(record as NonNullable<typeof record>));
  };
}

const unavailable = (id: string) =>
  new AftercareError('ATTACHMENT_UNAVAILABLE', `Attachment ${id} is not a file of this chat or your own new upload.`);
