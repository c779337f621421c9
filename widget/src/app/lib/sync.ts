import type { Message } from '@aftercare/shared';
import type { ChatStore } from './chat-store.js';
import { request, type VisitorSocket } from './connection.js';
import { lastSeq } from './messages.js';

/**
 * Catches up the conversation on screen with `messages:sync` from the last sequence it holds,
 * page by page, whether or not socket.io recovered the connection state. Stops quietly on an
 * error or timeout: the next reconnect syncs again.
 */
export async function syncConversation(
  socket: VisitorSocket,
  store: ChatStore,
  receive: (messages: Message[]) => void,
): Promise<void> {
  const conversationId = store.state.conversation?.id;
  if (!conversationId) return;
  try {
    for (;;) {
      const afterSeq = lastSeq(store.state.messages);
      const response = await request(socket, 'messages:sync', { conversationId, afterSeq });
      if ('error' in response || conversationId !== store.state.conversation?.id) return;
      receive(response.data.messages);
      store.setConversation(response.data.conversation);
      if (!response.data.hasMore || !response.data.messages.length) return;
    }
  } catch {
    // Timed out.
  }
}
