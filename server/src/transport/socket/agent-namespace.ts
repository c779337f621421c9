import { PROTOCOL_VERSION } from '@aftercare/shared';
import { schemas, validate } from '@aftercare/shared/schemas';
import type { Namespace } from 'socket.io';
import type { AfterSalesReactions } from '../../domain/after-sales/after-sales-reactions.js';
import type { AuthService } from '../../domain/agents/auth-service.js';
import type { Actor } from '../../domain/conversations/access.js';
import type { ConversationService } from '../../domain/conversations/conversation-service.js';
import type { CustomerFileService } from '../../domain/customers/customer-file-service.js';
import type { RoutingService } from '../../domain/routing/routing-service.js';
import { hashToken, newId } from '../../lib/tokens.js';
import { readSessionCookie } from '../http/cookies.js';
import { isSameOrigin } from '../http/origin.js';
import { type AdminEventDeps, registerAdminEvents } from './admin-events.js';
import { type AfterSalesEventDeps, registerAfterSalesEvents } from './after-sales-events.js';
import { type AlertEventDeps, registerAlertEvents } from './alert-events.js';
import { agentRoom, type Broadcaster, sessionRoom, tenantRoom } from './broadcaster.js';
import { type CannedEventDeps, registerCannedEvents } from './canned-events.js';
import { registerConversationEvents } from './conversation-events.js';
import { registerCustomerEvents } from './customer-events.js';
import { defineHandler, type HandlerContext, toErrorBody } from './define-handler.js';
import { handshakeError } from './handshake-error.js';
import type { AgentNamespace, AgentSocket } from './namespaces.js';
import { listenForProfileChanges } from './profile-sync.js';
import { gateRecoveredPackets } from './recovery-gate.js';
import { type ReportEventDeps, registerReportEvents } from './report-events.js';
import type { RoutingBroadcasts } from './routing-broadcasts.js';
import { registerSearchEvents, type SearchEventDeps } from './search-events.js';
import { endWithSession } from './session-expiry.js';
import { registerSiteIdentityEvents, type SiteIdentityEventDeps } from './site-identity-events.js';
import { registerTicketEvents, type TicketEventDeps } from './ticket-events.js';

export interface AgentNamespaceDeps
  extends CannedEventDeps,
    SearchEventDeps,
    ReportEventDeps,
    AdminEventDeps,
    TicketEventDeps,
    AfterSalesEventDeps,
    AlertEventDeps,
    SiteIdentityEventDeps {
  auth: AuthService;
  /** Rating requests and follow-ups after a chat is resolved or a ticket closed. */
  afterSales: AfterSalesReactions;
  routing: RoutingService;
  routingBroadcasts: RoutingBroadcasts;
  /** How often each console connection tells presence it is alive (a third of the connection TTL). */
  heartbeatMs: number;
  conversations: ConversationService;
  customerFiles: CustomerFileService;
  broadcaster: Broadcaster;
  context: HandlerContext;
  /** The console's own origin; browsers on other origins may not open agent sockets. */
  publicUrl: string;
}

/** The console's namespace: handshake by session cookie, then the agent's events. */
export function registerAgentNamespace(namespace: AgentNamespace, deps: AgentNamespaceDeps): void {
  const { auth, context, publicUrl } = deps;
  // A recovered connection gets what it missed only once its session passed the check below (issue 6).
  gateRecoveredPackets(namespace as unknown as Namespace);
  listenForProfileChanges(namespace);

  namespace.use(async (socket, next) => {
    const checked = validate(schemas.agentHandshake, socket.handshake.auth);
    if (!checked.ok) return next(handshakeError(checked.error));
    if (checked.value.protocolVersion !== PROTOCOL_VERSION) {
      return next(handshakeError({ code: 'PROTOCOL_MISMATCH', message: `Server speaks protocol ${PROTOCOL_VERSION}` }));
    }
    const { origin, host } = socket.handshake.headers;
    if (origin && !isSameOrigin(origin, host, publicUrl)) {
      return next(handshakeError({ code: 'ORIGIN_NOT_ALLOWED', message: 'The console runs on its own origin only' }));
    }
    try {
      const token = readSessionCookie(socket.handshake.headers.cookie);
      const session = await auth.authenticate(token);
      if (!session || !token) return next(handshakeError({ code: 'UNAUTHORIZED', message: 'Sign in first' }));
      socket.data = { ...session, sessionKey: hashToken(token) };
      next();
    } catch (error) {
      next(handshakeError(toErrorBody(error, context.logger, { stage: 'agent handshake' })));
    }
  });

  namespace.on('connection', (socket: AgentSocket) => {
    const { agent } = socket.data;
    socket.join([tenantRoom(agent.tenantId), agentRoom(agent.id), sessionRoom(socket.data.sessionKey)]);
    // Ready only once the connection counts in presence: with no live connection on record "online"
    // would be stored as "away". The console sets its status on `connect`, before `session:ready`,
    // so `presence:set` waits for the registration too.
    const registered = trackPresence(socket, deps);
    registerAgentEvents(socket, deps, registered);
    void registered.then(() => socket.connected && socket.emit('session:ready', { agent }));
    endWithSession(socket, { auth, clock: deps.clock, logger: context.logger });
  });
}

/**
 * Registers the connection with presence (so routing knows the agent has a live console), keeps it
 * alive while the socket lives, and lets go when it closes: the last console closing makes an
 * online agent away. A process that dies without this cleanup is covered by the connection TTL.
 */
function trackPresence(
  socket: AgentSocket,
  { routing, routingBroadcasts, context, heartbeatMs }: AgentNamespaceDeps,
): Promise<void> {
  const { agent } = socket.data;
  const report = (stage: string) => (error: unknown) =>
    context.logger.warn(`presence ${stage} failed`, { agentId: agent.id, socketId: socket.id, error });
  const connected = routing.connect(agent, socket.id).then((result) => {
    routingBroadcasts.presenceChanged(agent.tenantId, result.presence);
    routingBroadcasts.publish(agent.tenantId, result);
  }, report('connect'));
  const heartbeat = setInterval(() => routing.heartbeat(agent, socket.id).catch(report('heartbeat')), heartbeatMs);
  socket.once('disconnect', () => {
    clearInterval(heartbeat);
    routing.disconnect(agent, socket.id).then((change) => {
      if (change.changed) routingBroadcasts.presenceChanged(agent.tenantId, change.presence);
    }, report('disconnect'));
  });
  return connected;
}

function registerAgentEvents(socket: AgentSocket, deps: AgentNamespaceDeps, registered: Promise<void>): void {
  const { conversations, broadcaster, context, routing, routingBroadcasts } = deps;
  const on = socket as unknown as Parameters<typeof defineHandler>[0];
  const agent = socket.data.agent;
  const actor: Actor = { kind: 'agent', agent };

  defineHandler(on, context, 'conversation:list', schemas.conversationList, async (payload) => ({
    data: await conversations.listForAgent(agent, payload),
  }));

  defineHandler(on, context, 'conversation:open', schemas.conversationRef, async ({ conversationId }) => ({
    data: await conversations.openForAgent(agent, conversationId),
  }));

  defineHandler(on, context, 'conversation:resolve', schemas.conversationRef, async ({ conversationId }) => {
    const result = await conversations.setStatus(agent, conversationId, 'resolved');
    // The agent gets the slot back and the line moves on; a routing failure must not undo the resolve.
    const outcome = result.changed
      ? await routing.conversationResolved(result.conversation).catch(logRoutingFailure)
      : null;
    return {
      data: { conversation: result.conversation },
      broadcast: () => {
        if (result.changed) broadcaster.conversationUpdated(result.conversation, socket.id);
        if (outcome) routingBroadcasts.publish(agent.tenantId, outcome);
        // Asks the shopper for a rating if the site wants it (its failures are logged, not the agent's).
        if (result.changed) void deps.afterSales.conversationResolved(result.conversation);
      },
    };
  });

  defineHandler(on, context, 'conversation:reopen', schemas.conversationRef, async ({ conversationId }) => {
    const result = await conversations.setStatus(agent, conversationId, 'open');
    const outcome = result.changed
      ? await routing.conversationReopened(result.conversation).catch(logRoutingFailure)
      : null;
    const conversation = outcome?.assigned.find((item) => item.id === conversationId) ?? result.conversation;
    return {
      data: { conversation },
      broadcast: () => {
        if (result.changed) broadcaster.conversationUpdated(conversation, socket.id);
        if (outcome) routingBroadcasts.publish(agent.tenantId, outcome);
      },
    };
  });

  defineHandler(on, context, 'conversation:transfer', schemas.conversationTransfer, async (payload) => {
    const { conversationId, toAgentId, toTeamId, note } = payload;
    // To a team: one of its members with room, else it waits for them. To an agent: supervisors and
    // admins move any chat (even over capacity); agents hand over their own.
    const { outcome, updated } =
      toTeamId !== undefined
        ? await routing.transferToTeam(agent, conversationId, toTeamId)
        : {
            outcome:
              agent.role === 'agent'
                ? await routing.transfer(agent, conversationId, toAgentId as string)
                : await routing.reassign(agent, conversationId, toAgentId as string),
            updated: [],
          };
    // The note is written once the transfer happened, so a refused transfer leaves no note behind.
    const noted = note
      ? await conversations.send(actor, { conversationId, clientId: newId(), text: note, internal: true })
      : null;
    const conversation =
      noted?.conversation ??
      outcome.assigned.find((item) => item.id === conversationId) ??
      updated.find((item) => item.id === conversationId) ??
      (await conversations.load(actor, conversationId));
    return {
      data: { conversation },
      broadcast: () => {
        for (const item of updated) broadcaster.conversationUpdated(item);
        routingBroadcasts.publish(agent.tenantId, outcome);
        if (noted?.created) broadcaster.noteCreated(noted.conversation, noted.message);
      },
    };
  });

  defineHandler(on, context, 'note:add', schemas.messageSend, async (payload) => {
    const result = await conversations.send(actor, { ...payload, internal: true });
    return {
      data: { message: result.message },
      broadcast: () => {
        if (result.created) broadcaster.noteCreated(result.conversation, result.message, socket.id);
      },
    };
  });

  defineHandler(on, context, 'presence:set', schemas.presenceSet, async ({ status }) => {
    await registered;
    const result = await routing.setStatus(agent, status);
    return {
      data: { presence: result.change.presence },
      broadcast: () => {
        if (result.change.changed) routingBroadcasts.presenceChanged(agent.tenantId, result.change.presence);
        routingBroadcasts.publish(agent.tenantId, result);
      },
    };
  });

  defineHandler(on, context, 'presence:list', schemas.emptyPayload, async () => {
    const [agents, queue] = await Promise.all([routing.listPresence(agent.tenantId), routing.queueOf(agent.tenantId)]);
    return { data: { agents, queueLength: queue.length } };
  });

  defineHandler(on, context, 'agent:set-capacity', schemas.agentCapacity, async ({ agentId, capacity }) => {
    const outcome = await routing.setCapacity(agent, agentId, capacity);
    return { data: {}, broadcast: () => routingBroadcasts.publish(agent.tenantId, outcome) };
  });

  function logRoutingFailure(error: unknown): null {
    context.logger.warn('routing after a status change failed', { agentId: agent.id, error });
    return null;
  }

  registerConversationEvents(on, () => actor, deps);
  registerCustomerEvents(socket, deps);
  registerCannedEvents(socket, deps);
  registerSearchEvents(socket, deps);
  registerReportEvents(socket, deps);
  registerAdminEvents(socket, deps);
  registerTicketEvents(socket, deps);
  registerAfterSalesEvents(socket, deps);
  registerAlertEvents(socket, deps);
  registerSiteIdentityEvents(socket, deps);
}
