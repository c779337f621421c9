import { type Conversation, type Customer, PROTOCOL_VERSION, type VisitorProfile } from '@aftercare/shared';
import { schemas, validate } from '@aftercare/shared/schemas';
import type { Namespace } from 'socket.io';
import type { Actor } from '../../domain/conversations/access.js';
import type { ConversationService } from '../../domain/conversations/conversation-service.js';
import type { VisitorService } from '../../domain/customers/visitor-service.js';
import type { RoutingService } from '../../domain/routing/routing-service.js';
import type { WidgetConfigService } from '../../domain/sites/widget-config.js';
import type { TicketService } from '../../domain/tickets/ticket-service.js';
import { isSameOrigin } from '../http/origin.js';
import { type Broadcaster, customerRoom } from './broadcaster.js';
import { createSiteSharing } from './connection-memory.js';
import { registerConversationEvents } from './conversation-events.js';
import { defineHandler, type HandlerContext, toErrorBody } from './define-handler.js';
import { handshakeError } from './handshake-error.js';
import type { VisitorNamespace, VisitorSocket } from './namespaces.js';
import { gateRecoveredPackets } from './recovery-gate.js';
import type { RoutingBroadcasts } from './routing-broadcasts.js';
import { registerVisitorRatingEvents, type VisitorRatingEventDeps } from './visitor-rating-events.js';

export interface VisitorNamespaceDeps extends VisitorRatingEventDeps {
  visitors: VisitorService;
  routing: RoutingService;
  routingBroadcasts: RoutingBroadcasts;
  conversations: ConversationService;
  broadcaster: Broadcaster;
  context: HandlerContext;
  /** The site's widget settings and availability, for `session:ready` and `site:config`. */
  widgetConfig: WidgetConfigService;
  tickets: Pick<TicketService, 'forShopper'>;
  /** Takes one new connection from the client address's budget; answers 0, or how long to wait. */
  connectionLimit?: (handshake: VisitorSocket['handshake']) => number | Promise<number>;
}

/** The widget's namespace: handshake by site key and visitor token, then the shopper's events. */
export function registerVisitorNamespace(namespace: VisitorNamespace, deps: VisitorNamespaceDeps): void {
  const { visitors, context } = deps;
  const sameSite = createSiteSharing();
  // A recovered widget gets what it missed only once its token passed the check below (issue 6).
  gateRecoveredPackets(namespace as unknown as Namespace);

  namespace.use(async (socket, next) => {
    // Counted before any work, so a flood of handshakes from one address costs no storage reads (issue 6).
    const waitMs = (await deps.connectionLimit?.(socket.handshake)) ?? 0;
    if (waitMs > 0) {
      const message = 'Too many connections from your address; retry later';
      return next(handshakeError({ code: 'RATE_LIMITED', message, retryAfterMs: waitMs }));
    }
    const checked = validate(schemas.visitorHandshake, socket.handshake.auth);
    if (!checked.ok) return next(handshakeError(checked.error));
    if (checked.value.protocolVersion !== PROTOCOL_VERSION) {
      return next(handshakeError({ code: 'PROTOCOL_MISMATCH', message: `Server speaks protocol ${PROTOCOL_VERSION}` }));
    }
    try {
      // Pages this server serves itself (the demo page) are always allowed; others must be on the allowlist.
      const { origin, host } = socket.handshake.headers;
      const foreignOrigin = origin && !isSameOrigin(origin, host, null) ? origin : null;
      const { siteKey, visitorToken, userId, userHash } = checked.value;
      socket.data = await visitors.connect(siteKey, visitorToken, foreignOrigin, { userId, userHash });
      // One shared copy of the site per process instead of one per held connection (issue 6).
      socket.data.site = sameSite(socket.data.site);
      next();
    } catch (error) {
      next(handshakeError(toErrorBody(error, context.logger, { stage: 'visitor handshake' })));
    }
  });

  namespace.on('connection', (socket: VisitorSocket) => {
    const { customer, issuedToken, identityError } = socket.data;
    socket.join(customerRoom(customer.id));
    registerVisitorEvents(socket, deps);
    Promise.all([
      deps.conversations.listForVisitor(customer),
      deps.widgetConfig.configFor(socket.data.site.id),
      deps.tickets.forShopper(customer),
    ]).then(
      ([conversations, site, tickets]) =>
        socket.emit('session:ready', {
          customer: visitorProfile(customer),
          conversations,
          site,
          tickets,
          ...(issuedToken ? { visitorToken: issuedToken } : {}),
          ...(identityError ? { identityError } : {}),
        }),
      (error: unknown) => {
        toErrorBody(error, context.logger, { stage: 'visitor session' });
        socket.disconnect(true);
      },
    );
  });
}

function registerVisitorEvents(socket: VisitorSocket, deps: VisitorNamespaceDeps): void {
  const { conversations, broadcaster, context } = deps;
  const on = socket as unknown as Parameters<typeof defineHandler>[0];
  // The customer is re-read per socket from its data, which `conversation:start` refreshes with new contact details.
  const actor = (): Actor => ({ kind: 'visitor', customer: socket.data.customer });

  defineHandler(on, context, 'conversation:start', schemas.conversationStart, async (payload) => {
    const result = await conversations.start(socket.data.customer, payload);
    socket.data.customer = result.customer;
    const routed = await routeNewConversation(result.conversation, result.created);
    const conversation =
      routed.outcome?.assigned.find((item) => item.id === result.conversation.id) ?? result.conversation;
    return {
      data: { conversation, created: result.created, queuePosition: routed.position },
      broadcast: () => {
        if (result.created) broadcaster.conversationCreated(conversation, result.customer, socket.id);
        if (routed.outcome) deps.routingBroadcasts.publish(conversation.tenantId, routed.outcome);
      },
    };
  });

  /**
   * Finds an agent for a new chat, or its place in line. A retried or repeated start only reads
   * the position. The chat is stored either way: if routing fails (Redis down), it stays open and
   * unassigned, and the queue rebuilt from the store picks it up.
   */
  async function routeNewConversation(conversation: Conversation, created: boolean) {
    try {
      if (!created) return { outcome: null, position: await deps.routing.positionOf(conversation) };
      const outcome = await deps.routing.routeConversation(conversation);
      return { outcome, position: outcome.position };
    } catch (error) {
      context.logger.warn('routing a new conversation failed', { conversationId: conversation.id, error });
      return { outcome: null, position: null };
    }
  }

  defineHandler(on, context, 'conversation:list', schemas.emptyPayload, async () => ({
    data: { conversations: await conversations.listForVisitor(socket.data.customer) },
  }));

  // Settings and availability as of now: the widget asks again when the shopper opens it.
  defineHandler(on, context, 'site:config', schemas.emptyPayload, async () => ({
    data: { site: await deps.widgetConfig.configFor(socket.data.site.id) },
  }));

  // The shopper's repairs, also on a later visit: tickets belong to the customer, not the chat.
  defineHandler(on, context, 'ticket:list', schemas.emptyPayload, async () => ({
    data: { tickets: await deps.tickets.forShopper(socket.data.customer) },
  }));

  registerConversationEvents(on, actor, deps);
  registerVisitorRatingEvents(socket, deps);
}

/** The shopper's view of their record: the shop's tier label stays in the console. */
function visitorProfile(customer: Customer): VisitorProfile {
  const { tier: _internal, ...profile } = customer;
  return profile;
}
