import type { Conversation, ReceiptUpdatedEvent } from '@aftercare/shared';

/** The receipt event for one side of a conversation, as it is now. */
export function receiptEvent(conversation: Conversation, side: 'visitor' | 'agent'): ReceiptUpdatedEvent {
  const receipts = side === 'visitor' ? conversation.visitorReceipts : conversation.agentReceipts;
  return { conversationId: conversation.id, side, deliveredSeq: receipts.deliveredSeq, readSeq: receipts.readSeq };
}
