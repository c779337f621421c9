import { schemas } from '@aftercare/shared/schemas';
import type { SiteIdentityService } from '../../domain/sites/site-identity-service.js';
import { defineHandler, type HandlerContext } from './define-handler.js';
import type { AgentSocket } from './namespaces.js';

export interface SiteIdentityEventDeps {
  siteIdentity: SiteIdentityService;
  context: HandlerContext;
}

/**
 * Identity verification settings (`site-identity:*`), admins only (the service refuses others).
 * Nothing is broadcast: the tenant room holds every role, and the secret must reach admins only;
 * an admin's other open settings screens read the current secret when they next open the site.
 */
export function registerSiteIdentityEvents(socket: AgentSocket, { siteIdentity, context }: SiteIdentityEventDeps) {
  const on = socket as unknown as Parameters<typeof defineHandler>[0];
  const { agent } = socket.data;

  defineHandler(on, context, 'site-identity:get', schemas.siteIdentityRef, async ({ siteId }) => ({
    data: { identity: await siteIdentity.get(agent, siteId) },
  }));

  defineHandler(on, context, 'site-identity:update', schemas.siteIdentityUpdate, async ({ siteId, required }) => ({
    data: { identity: await siteIdentity.setRequired(agent, siteId, required) },
  }));

  defineHandler(on, context, 'site-identity:rotate', schemas.siteIdentityRef, async ({ siteId }) => ({
    data: { identity: await siteIdentity.rotate(agent, siteId) },
  }));
}
