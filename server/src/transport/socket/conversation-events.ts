import { schemas } from '@aftercare/shared/schemas';
import { type Actor, authorOf, sideOf } from '../../domain/conversations/access.js';
import type { ConversationService } from '../../domain/conversations/conversation-service.js';
import type { Broadcaster } from './broadcaster.js';
import { defineHandler, type HandlerContext } from './define-handler.js';
import { receiptEvent } from './receipts.js';

export interface ConversationEventDeps {
  conversations: ConversationService;
  broadcaster: Broadcaster;
  context: HandlerContext;
}

/**
 * The events both namespaces share, with the same rules for shoppers and agents: sending,
 * catching up, typing and receipts. `actor` is read per event because a shopper's profile can
 * change during the connection.
 */
export function registerConversationEvents(
  socket: Parameters<typeof defineHandler>[0],
  actor: () => Actor,
  { conversations, broadcaster, context }: ConversationEventDeps,
): void {
  defineHandler(socket, context, 'message:send', schemas.messageSend, async (payload) => {
    const result = await conversations.send(actor(), payload);
    return {
      data: { message: result.message },
      broadcast: () => {
        // A retry of a stored message was broadcast the first time; never announce it twice.
        if (result.created) broadcaster.messageCreated(result.conversation, result.message, socket.id);
      },
    };
  });

  defineHandler(socket, context, 'messages:sync', schemas.messagesSync, async (payload) => ({
    data: await conversations.sync(actor(), payload),
  }));

  defineHandler(socket, context, 'typing:set', schemas.typingSet, async (payload) => {
    const author = actor();
    const conversation = await conversations.load(author, payload.conversationId);
    const event = { conversationId: conversation.id, author: authorOf(author), typing: payload.typing };
    return { data: {}, broadcast: () => broadcaster.typingChanged(conversation, event, socket.id) };
  });

  defineHandler(socket, context, 'receipt:update', schemas.receiptUpdate, async (payload) => {
    const author = actor();
    const conversation = await conversations.markReceipt(author, payload);
    return {
      data: { conversation },
      broadcast: () => broadcaster.receiptUpdated(conversation, receiptEvent(conversation, sideOf(author)), socket.id),
    };
  });
}
