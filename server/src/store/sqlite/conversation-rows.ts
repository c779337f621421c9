import type { AwaitingReplyFrom, Conversation, ConversationStatus, ProductContext } from '@aftercare/shared';

/** A `conversations` row as better-sqlite3 returns it. */
export interface ConversationRow {
  id: string;
  tenant_id: string;
  site_id: string;
  customer_id: string;
  request_id: string;
  status: string;
  assignee_id: string | null;
  team_id: string | null;
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
  awaiting_reply_from: string | null;
  first_reply_at: number | null;
  first_reply_due_at: number | null;
  resolution_due_at: number | null;
  escalate_at: number | null;
  escalated_at: number | null;
}

/** Column list for `SELECT`/`RETURNING`, in the order of `ConversationRow`. */
export const conversationColumns =
  'id, tenant_id, site_id, customer_id, request_id, status, assignee_id, product, last_seq, ' +
  'visitor_delivered_seq, visitor_read_seq, agent_delivered_seq, agent_read_seq, created_at, updated_at, resolved_at, ' +
  'awaiting_reply_from, first_reply_at, team_id, first_reply_due_at, resolution_due_at, escalate_at, escalated_at';

/** Maps a row to the wire type. */
export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    siteId: row.site_id,
    customerId: row.customer_id,
    status: row.status as ConversationStatus,
    assigneeId: row.assignee_id,
    teamId: row.team_id,
    product: row.product === null ? null : (JSON.parse(row.product) as ProductContext),
    lastSeq: row.last_seq,
    visitorReceipts: { deliveredSeq: row.visitor_delivered_seq, readSeq: row.visitor_read_seq },
    agentReceipts: { deliveredSeq: row.agent_delivered_seq, readSeq: row.agent_read_seq },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    awaitingReplyFrom: row.awaiting_reply_from as AwaitingReplyFrom | null,
    firstReplyAt: row.first_reply_at,
    firstReplyDueAt: row.first_reply_due_at,
    resolutionDueAt: row.resolution_due_at,
    escalateAt: row.escalate_at,
    escalatedAt: row.escalated_at,
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
    team_id: conversation.teamId,
    product: conversation.product === null ? null : JSON.stringify(conversation.product),
    last_seq: conversation.lastSeq,
    visitor_delivered_seq: conversation.visitorReceipts.deliveredSeq,
    visitor_read_seq: conversation.visitorReceipts.readSeq,
    agent_delivered_seq: conversation.agentReceipts.deliveredSeq,
    agent_read_seq: conversation.agentReceipts.readSeq,
    created_at: conversation.createdAt,
    updated_at: conversation.updatedAt,
    resolved_at: conversation.resolvedAt,
    awaiting_reply_from: conversation.awaitingReplyFrom,
    first_reply_at: conversation.firstReplyAt,
    first_reply_due_at: conversation.firstReplyDueAt,
    resolution_due_at: conversation.resolutionDueAt,
    escalate_at: conversation.escalateAt,
    escalated_at: conversation.escalatedAt,
  };
}
