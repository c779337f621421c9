import type { Message } from '@aftercare/shared';
import type { ChatStore } from './chat-store.js';
import { request, type VisitorSocket } from './connection.js';

/**
 * Catches up the conversation on screen with `messages:sync` from the sequence up to which it
 * holds every message (`synced`), page by page, whether or not socket.io recovered the
 * connection state. Stops quietly on an error or timeout: the next reconnect syncs again.
 */
export async function syncConversation(
  socket: VisitorSocket,
  store: ChatStore,
  receive: (messages: Message[]) => void,
): Promise<void> {
  const conversationId = store.state.conversation?.id;
  if (!conversationId) return;
  let afterSeq = store.state.synced;
  try {
    for (;;) {
      const response = await request(socket, 'messages:sync', { conversationId, afterSeq });
      if ('error' in response || conversationId !== store.state.conversation?.id) return;
      const { messages, conversation, hasMore } = response.data;
      receive(messages);
      store.setConversation(conversation);
      const last = messages.at(-1);
      if (hasMore && last) {
        afterSeq = last.seq;
        continue;
      }
      // Read before `messages`, `conversation` vouches for every sequence up to its lastSeq, gaps
      // included: agents' internal notes take sequence numbers too, and shoppers never see them.
      // (A slower overlapping sync may have read an older lastSeq: the cursor never moves back.)
      return store.update({ synced: Math.max(store.state.synced, conversation.lastSeq) });
    }
  } catch {
    // Timed out.
  }
}
