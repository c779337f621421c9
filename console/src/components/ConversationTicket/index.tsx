import type { Conversation, Message, Ticket } from '@aftercare/shared';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { TicketBoardState } from '../../lib/tickets/ticket-board.js';
import { useTicketBoard } from '../../lib/tickets/ticket-board-context.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { TicketCreateDialog } from '../TicketCreateDialog/index.js';
import { statusText } from '../TicketParts/ticket-text.js';

export interface ConversationTicketProps {
  workspace: Workspace;
  conversation: Conversation;
}

const selectByConversation = (state: TicketBoardState) => state.byConversation;

/**
 * In the conversation header: the chat's repair ticket (number and status, a link to it), or the
 * button that turns the chat into one. After a create the number is announced, so the agent can
 * tell the shopper.
 */
export function ConversationTicket({ workspace, conversation }: ConversationTicketProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const board = useTicketBoard();
  const byConversation = useStore(board.store, selectByConversation);
  const [creating, setCreating] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const ticket = byConversation[conversation.id] ?? null;

  useEffect(() => {
    board.watchConversation(conversation.id);
    setAnnouncement('');
  }, [board, conversation.id]);

  const close = useCallback(() => setCreating(false), []);
  const created = useCallback(
    (stored: Ticket, isNew: boolean) => {
      setCreating(false);
      setAnnouncement(t(isNew ? 'tickets.create.created' : 'tickets.create.existing', { number: stored.number }));
    },
    [t],
  );

  return (
    <div class="conversation-ticket">
      {ticket ? (
        <a class="button" href={`#/tickets/${ticket.id}`}>
          {t('tickets.forConversation.open', { number: ticket.number, status: statusText(i18n, ticket.status) })}
        </a>
      ) : (
        <button type="button" class="button" aria-haspopup="dialog" onClick={() => setCreating(true)}>
          {t('tickets.forConversation.create')}
        </button>
      )}
      <span class="sr-only" role="status">
        {announcement}
      </span>
      {creating && (
        <TicketCreateDialog
          workspace={workspace}
          board={board}
          conversation={conversation}
          messages={messagesOf(workspace, conversation.id)}
          onClose={close}
          onCreated={created}
        />
      )}
    </div>
  );
}

/** The loaded history of the open chat (the form prefills from it). */
function messagesOf(workspace: Workspace, conversationId: string): readonly Message[] {
  const active = workspace.store.get().active;
  return active?.id === conversationId ? active.messages : [];
}
