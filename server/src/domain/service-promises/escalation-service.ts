import type { Conversation, EscalationAlert, Ticket, TicketEvent } from '@aftercare/shared';
import { newId } from '../../lib/tokens.js';
import type { AlertRepository } from '../alerts/alert-repository.js';
import type { Clock } from '../clock.js';
import type { ConversationRepository } from '../conversations/conversation-repository.js';
import type { CustomerRepository } from '../customers/customer-repository.js';
import { nextVersion, timelineEvent } from '../tickets/ticket-changes.js';
import type { TicketRepository } from '../tickets/ticket-repository.js';

export interface EscalationServiceDeps {
  conversations: Pick<ConversationRepository, 'listDueForEscalation' | 'markEscalated'>;
  tickets: Pick<TicketRepository, 'listDueForEscalation' | 'replace'>;
  customers: Pick<CustomerRepository, 'getById'>;
  alerts: Pick<AlertRepository, 'create'>;
  clock: Clock;
}

/** What one scan escalated, for the caller to broadcast. */
export interface EscalationScan {
  conversations: Conversation[];
  tickets: { ticket: Ticket; events: TicketEvent[] }[];
  alerts: EscalationAlert[];
}

/** How many chats and tickets one scan takes at most; the rest wait for the next scan. */
const BATCH = 100;

/**
 * Escalation (issue 5 item 5): chats and tickets still unresolved at their `escalateAt` go to the
 * site's supervisors. Every server process scans; each item is marked by a compare-and-set (a
 * chat's `escalatedAt` still null, a ticket's version unchanged), so only the process that wins
 * raises the alert and exactly one alert is raised per item.
 */
export function createEscalationService(deps: EscalationServiceDeps) {
  const { conversations, tickets, customers, alerts, clock } = deps;

  function alertFor(
    subject: EscalationAlert['subject'],
    item: { tenantId: string; siteId: string; escalateAt: number | null },
    label: string | null,
    now: number,
  ): EscalationAlert {
    return {
      id: newId(),
      kind: 'escalation',
      tenantId: item.tenantId,
      siteId: item.siteId,
      subject,
      label,
      escalateAt: item.escalateAt ?? now,
      createdAt: now,
      read: false,
    };
  }

  async function escalateConversation(due: Conversation, now: number, scan: EscalationScan) {
    const conversation = await conversations.markEscalated(due.id, now);
    // Another process escalated it first, or it was resolved meanwhile.
    if (!conversation) return;
    const customer = await customers.getById(conversation.customerId);
    const alert = alertFor(
      { kind: 'conversation', id: conversation.id },
      conversation,
      customer?.name ?? customer?.email ?? null,
      now,
    );
    const { read: _read, ...stored } = alert;
    await alerts.create(stored);
    scan.conversations.push(conversation);
    scan.alerts.push(alert);
  }

  async function escalateTicket(due: Ticket, now: number, scan: EscalationScan) {
    const ticket = nextVersion(due, { promises: { ...due.promises, escalatedAt: now } }, now);
    const events = [timelineEvent(due, null, 'escalated', now)];
    // Null when another process (or an agent's change) got there first: the next scan looks again.
    const saved = await tickets.replace(ticket, events);
    if (!saved) return;
    const alert = alertFor(
      { kind: 'ticket', id: saved.id },
      { ...saved, escalateAt: saved.promises.escalateAt },
      saved.number,
      now,
    );
    const { read: _read, ...stored } = alert;
    await alerts.create(stored);
    scan.tickets.push({ ticket: saved, events });
    scan.alerts.push(alert);
  }

  return {
    /** Escalates whatever is due now; one failing item does not stop the others (it is retried next scan). */
    async scan(onError: (error: unknown, subject: string) => void): Promise<EscalationScan> {
      const now = clock.now();
      const scan: EscalationScan = { conversations: [], tickets: [], alerts: [] };
      for (const conversation of await conversations.listDueForEscalation(now, BATCH)) {
        await escalateConversation(conversation, now, scan).catch((error) => onError(error, conversation.id));
      }
      for (const ticket of await tickets.listDueForEscalation(now, BATCH)) {
        await escalateTicket(ticket, now, scan).catch((error) => onError(error, ticket.id));
      }
      return scan;
    },
  };
}

export type EscalationService = ReturnType<typeof createEscalationService>;
