import type { EscalationService } from '../../domain/service-promises/escalation-service.js';
import type { Logger } from '../../lib/logger.js';
import { publishAlert } from './alert-events.js';
import { tenantRoom } from './broadcaster.js';
import type { AgentNamespace } from './namespaces.js';

export interface EscalationScannerDeps {
  escalations: EscalationService;
  agents: AgentNamespace;
  /** How often to look for chats and tickets due to escalate. */
  intervalMs: number;
  logger: Logger;
}

export interface EscalationScanner {
  /** Runs one scan now (after the one in progress, if any) and resolves when it is done. */
  scanNow(): Promise<void>;
  /** Stops scanning; resolves once a scan in progress finished (the store may then be closed). */
  stop(): Promise<void>;
}

/**
 * Scans for due escalations every `intervalMs` and tells the consoles: the escalated chat or
 * ticket to the tenant's agents (their lists and badges update), the alert to its supervisors and
 * admins. Scans never overlap within a process; across processes the store's compare-and-set
 * decides who escalates (see `createEscalationService`).
 */
export function startEscalationScanner({
  escalations,
  agents,
  intervalMs,
  logger,
}: EscalationScannerDeps): EscalationScanner {
  let running: Promise<void> = Promise.resolve();
  let busy = false;

  const scanOnce = async () => {
    const scan = await escalations.scan((error, subject) => logger.warn('escalation failed', { subject, error }));
    for (const conversation of scan.conversations) {
      // Agents only: due times and escalation are the shop's business, not the shopper's.
      agents.to(tenantRoom(conversation.tenantId)).emit('conversation:updated', { conversation });
    }
    for (const { ticket, events } of scan.tickets) {
      agents.to(tenantRoom(ticket.tenantId)).emit('ticket:updated', { ticket, events });
    }
    for (const alert of scan.alerts) publishAlert(agents, alert);
  };
  const scanNow = () => {
    running = running.then(scanOnce).catch((error: unknown) => logger.warn('escalation scan failed', { error }));
    return running;
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void scanNow().finally(() => {
      busy = false;
    });
  }, intervalMs);
  timer.unref();

  return {
    scanNow,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
