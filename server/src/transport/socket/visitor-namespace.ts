import { PROTOCOL_VERSION } from '@aftercare/shared';
import { schemas, validate } from '@aftercare/shared/schemas';
import type { Actor } from '../../domain/conversations/access.js';
import type { ConversationService } from '../../domain/conversations/conversation-service.js';
import type { VisitorService } from '../../domain/customers/visitor-service.js';
import { isSameOrigin } from '../http/origin.js';
import { type Broadcaster, customerRoom } from './broadcaster.js';
import { registerConversationEvents } from './conversation-events.js';
import { defineHandler, type HandlerContext, toErrorBody } from './define-handler.js';
import { handshakeError } from './handshake-error.js';
import type { VisitorNamespace, VisitorSocket } from './namespaces.js';

export interface VisitorNamespaceDeps {
  visitors: VisitorService;
  conversations: ConversationService;
  broadcaster: Broadcaster;
  context: HandlerContext;
}

/** The widget's namespace: handshake by site key and visitor token, then the shopper's events. */
export function registerVisitorNamespace(namespace: VisitorNamespace, deps: VisitorNamespaceDeps): void {
  const { visitors, context } = deps;

  namespace.use(async (socket, next) => {
    const checked = validate(schemas.visitorHandshake, socket.handshake.auth);
    if (!checked.ok) return next(handshakeError(checked.error));
    if (checked.value.protocolVersion !== PROTOCOL_VERSION) {
      return next(handshakeError({ code: 'PROTOCOL_MISMATCH', message: `Server speaks protocol ${PROTOCOL_VERSION}` }));
    }
    try {
      // Pages this server serves itself (the demo page) are always allowed; others must be on the allowlist.
      const { origin, host } = socket.handshake.headers;
      const foreignOrigin = origin && !isSameOrigin(origin, host, null) ? origin : null;
      socket.data = await visitors.connect(checked.value.siteKey, checked.value.visitorToken, foreignOrigin);
      next();
    } catch (error) {
      next(handshakeError(toErrorBody(error, context.logger, { stage: 'visitor handshake' })));
    }
  });

  namespace.on('connection', (socket: VisitorSocket) => {
    const { customer, issuedToken } = socket.data;
    socket.join(customerRoom(customer.id));
    registerVisitorEvents(socket, deps);
    deps.conversations.listForVisitor(customer).then(
      (conversations) =>
        socket.emit('session:ready', {
          customer,
          conversations,
          ...(issuedToken ? { visitorToken: issuedToken } : {}),
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
    return {
      data: { conversation: result.conversation, created: result.created },
      broadcast: () => {
        if (result.created) broadcaster.conversationCreated(result.conversation, result.customer, socket.id);
      },
    };
  });

  defineHandler(on, context, 'conversation:list', schemas.emptyPayload, async () => ({
    data: { conversations: await conversations.listForVisitor(socket.data.customer) },
  }));

  registerConversationEvents(on, actor, deps);
}
