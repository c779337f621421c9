import type { Conversation, ConversationStatus, ProductContext } from '@aftercare/shared';

/** A `conversations` row as better-sqlite3 returns it. */
export interface ConversationRow {
  id: string;
  tenant_id: string;
  site_id: string;
  customer_id: string;
  request_id: string;
  status: string;
  assignee_id: string | null;
  /** JSON of a `ProductContext`: always read and written whole, never queried. */
  product: string | null;
  last_seq: number;
  visitor_delivered_seq: number;
  visitor_read_seq: number;
  agent_delivered_seq: number;
  agent_read_seq: number;
  created_at: number;
  updated_at: number;
  resolved_at: number | null;
}

/** Column list for `SELECT`/`RETURNING`, in the order of `ConversationRow`. */
export const conversationColumns =
  'id, tenant_id, site_id, customer_id, request_id, status, assignee_id, product, last_seq, ' +
  'visitor_delivered_seq, visitor_read_seq, agent_delivered_seq, agent_read_seq, created_at, updated_at, resolved_at';

/** Maps a row to the wire type. */
export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    siteId: row.site_id,
    customerId: row.customer_id,
    status: row.status as ConversationStatus,
    assigneeId: row.assignee_id,
    product: row.product === null ? null : (JSON.parse(row.product) as ProductContext),
    lastSeq: row.last_seq,
    visitorReceipts: { deliveredSeq: row.visitor_delivered_seq, readSeq: row.visitor_read_seq },
    agentReceipts: { deliveredSeq: row.agent_delivered_seq, readSeq: row.agent_read_seq },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
  };
}

/** Maps a new conversation to its row; `requestId` is stored but not part of the wire type. */
export function toConversationRow(conversation: Conversation, requestId: string): ConversationRow {
  return {
    id: conversation.id,
    tenant_id: conversation.tenantId,
    site_id: conversation.siteId,
    customer_id: conversation.customerId,
    request_id: requestId,
    status: conversation.status,
    assignee_id: conversation.assigneeId,
    product: conversation.product === null ? null : JSON.stringify(conversation.product),
    last_seq: conversation.lastSeq,
    visitor_delivered_seq: conversation.visitorReceipts.deliveredSeq,
    visitor_read_seq: conversation.visitorReceipts.readSeq,
    agent_delivered_seq: conversation.agentReceipts.deliveredSeq,
    agent_read_seq: conversation.agentReceipts.readSeq,
    created_at: conversation.createdAt,
    updated_at: conversation.updatedAt,
    resolved_at: conversation.resolvedAt,
  };
}
