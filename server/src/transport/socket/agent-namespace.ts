import { PROTOCOL_VERSION } from '@aftercare/shared';
import { schemas, validate } from '@aftercare/shared/schemas';
import type { AuthService } from '../../domain/agents/auth-service.js';
import type { Actor } from '../../domain/conversations/access.js';
import type { ConversationService } from '../../domain/conversations/conversation-service.js';
import { hashToken } from '../../lib/tokens.js';
import { readSessionCookie } from '../http/cookies.js';
import { isSameOrigin } from '../http/origin.js';
import { agentRoom, type Broadcaster, sessionRoom, tenantRoom } from './broadcaster.js';
import { registerConversationEvents } from './conversation-events.js';
import { defineHandler, type HandlerContext, toErrorBody } from './define-handler.js';
import { handshakeError } from './handshake-error.js';
import type { AgentNamespace, AgentSocket } from './namespaces.js';

export interface AgentNamespaceDeps {
  auth: AuthService;
  conversations: ConversationService;
  broadcaster: Broadcaster;
  context: HandlerContext;
  /** The console's own origin; browsers on other origins may not open agent sockets. */
  publicUrl: string;
}

/** The console's namespace: handshake by session cookie, then the agent's events. */
export function registerAgentNamespace(namespace: AgentNamespace, deps: AgentNamespaceDeps): void {
  const { auth, context, publicUrl } = deps;

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
    registerAgentEvents(socket, deps);
    socket.emit('session:ready', { agent });
  });
}

function registerAgentEvents(socket: AgentSocket, deps: AgentNamespaceDeps): void {
  const { conversations, broadcaster, context } = deps;
  const on = socket as unknown as Parameters<typeof defineHandler>[0];
  const agent = socket.data.agent;
  const actor: Actor = { kind: 'agent', agent };

  defineHandler(on, context, 'conversation:list', schemas.conversationList, async (payload) => ({
    data: await conversations.listForAgent(agent, payload),
  }));

  defineHandler(on, context, 'conversation:open', schemas.conversationRef, async ({ conversationId }) => ({
    data: await conversations.openForAgent(agent, conversationId),
  }));

  for (const [event, status] of [
    ['conversation:resolve', 'resolved'],
    ['conversation:reopen', 'open'],
  ] as const) {
    defineHandler(on, context, event, schemas.conversationRef, async ({ conversationId }) => {
      const result = await conversations.setStatus(agent, conversationId, status);
      return {
        data: { conversation: result.conversation },
        broadcast: () => {
          if (result.changed) broadcaster.conversationUpdated(result.conversation, socket.id);
        },
      };
    });
  }

  registerConversationEvents(on, () => actor, deps);
}
