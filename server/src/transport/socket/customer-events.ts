import { schemas } from '@aftercare/shared/schemas';
import type { CustomerFileService } from '../../domain/customers/customer-file-service.js';
import { tenantRoom } from './broadcaster.js';
import { defineHandler, type HandlerContext } from './define-handler.js';
import type { AgentSocket } from './namespaces.js';

export interface CustomerEventDeps {
  customerFiles: CustomerFileService;
  context: HandlerContext;
}

/** The console's customer file events: reading a customer's file and editing their profile. */
export function registerCustomerEvents(socket: AgentSocket, { customerFiles, context }: CustomerEventDeps): void {
  const on = socket as unknown as Parameters<typeof defineHandler>[0];
  const { agent } = socket.data;

  defineHandler(on, context, 'customer:get', schemas.customerGet, async ({ customerId }) => ({
    data: await customerFiles.get(agent, customerId),
  }));

  defineHandler(on, context, 'customer:update', schemas.customerUpdate, async (payload) => {
    const customer = await customerFiles.update(agent, payload);
    return {
      data: { customer },
      // Every console of the tenant (the caller's other tabs too); the caller has it in the ack.
      broadcast: () =>
        socket.nsp.to(tenantRoom(agent.tenantId)).except(socket.id).emit('customer:updated', { customer }),
    };
  });
}
