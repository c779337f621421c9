import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AGENT_NAMESPACE, type HealthStatus, PROTOCOL_VERSION, VISITOR_NAMESPACE } from '@aftercare/shared';
import { Server } from 'socket.io';
import type { Config } from './config/config.js';
import { createAfterSales } from './domain/after-sales/after-sales-services.js';
import { createAgentAdminService } from './domain/agents/agent-admin-service.js';
import { createAgentDirectory } from './domain/agents/agent-directory.js';
import { createAuthService } from './domain/agents/auth-service.js';
import { createAlertService } from './domain/alerts/alert-service.js';
import { createAttachmentService } from './domain/attachments/attachment-service.js';
import { createCannedResponseService } from './domain/canned/canned-response-service.js';
import type { AdjustableClock, Clock } from './domain/clock.js';
import { createConversationService } from './domain/conversations/conversation-service.js';
import { createCustomerFileService } from './domain/customers/customer-file-service.js';
import { createVisitorService } from './domain/customers/visitor-service.js';
import { createReportService } from './domain/reports/report-service.js';
import type { PresencePort } from './domain/routing/presence-port.js';
import { createRoutingService } from './domain/routing/routing-service.js';
import { createSearchService } from './domain/search/search-service.js';
import { createEscalationService } from './domain/service-promises/escalation-service.js';
import { createSitePromises } from './domain/service-promises/site-promises.js';
import { createSiteIdentityService } from './domain/sites/site-identity-service.js';
import { createSiteService } from './domain/sites/site-service.js';
import { createWidgetConfigService } from './domain/sites/widget-config.js';
import type { Store } from './domain/store.js';
import { createTeamService } from './domain/teams/team-service.js';
import { createTicketPhotoResolver } from './domain/tickets/ticket-photos.js';
import { createTicketService, ticketPoliciesOf } from './domain/tickets/ticket-service.js';
import { createEventRateLimit } from './lib/event-rate-limit.js';
import { Inflight } from './lib/inflight.js';
import type { Logger } from './lib/logger.js';
import { createMemoryRateLimits } from './lib/rate-limit/memory-rate-limit.js';
import type { RateLimitStore } from './lib/rate-limit/rate-limit.js';
import { createAttachmentRoutes } from './transport/http/attachment-routes.js';
import { registerAuthRoutes } from './transport/http/auth-routes.js';
import { registerMetricsRoute } from './transport/http/metrics-route.js';
import { createReportRoutes } from './transport/http/report-routes.js';
import { createRouter, sendJson } from './transport/http/router.js';
import { setSecurityHeaders } from './transport/http/security-headers.js';
import { createStaticFiles } from './transport/http/static-files.js';
import { registerTestClockRoute } from './transport/http/test-clock-route.js';
import { createAfterSalesBroadcasts } from './transport/socket/after-sales-broadcasts.js';
import { registerAgentNamespace } from './transport/socket/agent-namespace.js';
import { agentRoom, createBroadcaster, sessionRoom } from './transport/socket/broadcaster.js';
import { closeClientTransports, startClusterResync } from './transport/socket/cluster-resync.js';
import { releaseUpgradeRequests } from './transport/socket/connection-memory.js';
import { screenEvents } from './transport/socket/define-handler.js';
import { startEscalationScanner } from './transport/socket/escalation-scanner.js';
import { clientAddress, withAddressLimit } from './transport/socket/ip-rate-limit.js';
import type { AgentNamespace, VisitorNamespace, VisitorSocket } from './transport/socket/namespaces.js';
import type { OpenedSocketAdapter } from './transport/socket/redis-streams-adapter.js';
import { createRoutingBroadcasts } from './transport/socket/routing-broadcasts.js';
import { registerVisitorNamespace } from './transport/socket/visitor-namespace.js';

export interface AppDeps {
  store: Store;
  /** Presence, load and the waiting line: in process memory, or in Redis shared by several processes. */
  presence: PresencePort;
  clock: Clock;
  logger: Logger;
  /** Extra HTTP pages by path (the demo product page and its image), tried before static files. */
  pages?: Record<string, () => { contentType: string; body: string }>;
  /** Tests only (`TEST_CLOCK`): the same clock as `clock`, which `POST /api/test/clock` moves forward. */
  adjustableClock?: AdjustableClock;
  /**
   * Per-address and sign-in budgets (`openRateLimits`): shared through Redis in scale-out mode, so
   * N processes do not give a client N budgets. Without it, this process's memory.
   */
  limits?: RateLimitStore;
  /**
   * Scale-out mode: socket.io's Redis Streams adapter (`openSocketAdapter`), so broadcasts, room
   * operations and connection state recovery span every server process. Without it, one process.
   */
  socketAdapter?: OpenedSocketAdapter;
}

export type AppConfig = Pick<
  Config,
  | 'port'
  | 'host'
  | 'publicUrl'
  | 'sessionTtlMs'
  | 'maxFrameBytes'
  | 'shutdownTimeoutMs'
  | 'widgetDistDir'
  | 'consoleDistDir'
  | 'metricsToken'
  | 'visitorEventRate'
  | 'agentEventRate'
  | 'visitorIpConnectionRate'
  | 'visitorIpEventRate'
  | 'trustProxy'
> & {
  /** How often consoles heartbeat their presence and expired connections are swept. */
  presenceHeartbeatMs: number;
  /** How often uploads never attached to a message (older than a day) are deleted; default hourly. */
  attachmentSweepMs?: number;
  /** How often chats and tickets due to escalate are looked for; default every minute. */
  escalationScanMs?: number;
  /** Scale-out mode: how often the number of server processes is checked (see `cluster-resync.ts`). */
  clusterCheckMs?: number;
  /** How often consoles are told about follow-ups that fell due; default a minute. */
  followUpCheckMs?: number;
};

export interface App {
  http: HttpServer;
  io: Server;
  /** Starts listening; resolves with the base URL actually bound (port 0 picks a free port). */
  listen(): Promise<string>;
  /**
   * Graceful stop: refuse new work, wait for in-flight writes to finish (so every acked message is
   * durable and every started write gets its ack), then close sockets and the HTTP server.
   * The store is the caller's to close.
   */
  shutdown(): Promise<void>;
}

export const VERSION = '0.1.0';

/** Builds the HTTP server, socket.io namespaces and services from the given dependencies. */
export function createApp(deps: AppDeps, config: AppConfig): App {
  const { store, clock, logger } = deps;
  const startedAt = clock.now();
  const inflight = new Inflight();
  const context = { inflight, logger };
  const limits = deps.limits ?? createMemoryRateLimits(() => clock.now());

  const auth = createAuthService({
    agents: store.agents,
    sessions: store.sessions,
    clock,
    sessionTtlMs: config.sessionTtlMs,
    limits,
  });
  const visitors = createVisitorService({
    sites: store.sites,
    customers: store.customers,
    identities: store.siteIdentities,
    clock,
  });
  const attachments = createAttachmentService({
    attachments: store.attachments,
    blobs: store.attachmentBlobs,
    clock,
  });
  const conversations = createConversationService({
    conversations: store.conversations,
    messages: store.messages,
    customers: store.customers,
    attachments,
    promisesFor: createSitePromises(store.sites),
    clock,
  });

  const routing = createRoutingService({
    presence: deps.presence,
    conversations: store.conversations,
    agents: store.agents,
    teams: store.teams,
    clock,
  });

  const reports = createReportService({ reports: store.reports, sites: store.sites, agents: store.agents, clock });
  const reportRoutes = createReportRoutes({ reports, auth, publicUrl: config.publicUrl, logger });
  const router = createRouter();
  const attachmentRoutes = createAttachmentRoutes({
    attachments,
    visitors,
    auth,
    publicUrl: config.publicUrl,
    logger,
  });
  const staticFiles = createStaticFiles(config);
  const http = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    setSecurityHeaders(res, path);
    handleHttp(req, res, path).catch((error: unknown) => {
      logger.error('http handler failed', { path, error });
      sendJson(res, 500, { error: { code: 'INTERNAL', message: 'Something went wrong on the server' } });
    });
  });

  async function handleHttp(
    req: Parameters<typeof router.dispatch>[0],
    res: Parameters<typeof router.dispatch>[1],
    path: string,
  ) {
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    if (path === '/healthz') {
      if (!isRead) return sendJson(res, 405, { error: { code: 'NOT_FOUND', message: 'Method not allowed' } });
      const health: HealthStatus = {
        status: inflight.draining ? 'draining' : 'ok',
        version: VERSION,
        protocolVersion: PROTOCOL_VERSION,
        storage: store.mode,
        uptimeSeconds: Math.round((clock.now() - startedAt) / 1000),
      };
      return sendJson(res, inflight.draining ? 503 : 200, health);
    }
    if (await attachmentRoutes(req, res, path)) return;
    if (await reportRoutes(req, res, path)) return;
    if (await router.dispatch(req, res)) return;
    const page = deps.pages?.[path];
    if (page && req.method === 'GET') {
      const { contentType, body } = page();
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' });
      return res.end(body);
    }
    if (path === '/') {
      res.writeHead(302, { location: deps.pages?.['/demo/'] ? '/demo/' : '/console/' });
      return res.end();
    }
    const notFound = () => sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'Not found' } });
    // Files and pages are read-only: other methods get 405 rather than the file.
    if (!isRead) {
      if (path === '/widget.js' || path.startsWith('/widget/') || path.startsWith('/console')) {
        return sendJson(res, 405, { error: { code: 'NOT_FOUND', message: 'Method not allowed' } });
      }
      return notFound();
    }
    staticFiles(req, res, notFound);
  }

  const io = new Server(http, {
    maxHttpBufferSize: config.maxFrameBytes,
    // Scale-out mode: missed events are replayed after short outages, read back from the Redis
    // stream. Not in embedded mode, where socket.io would keep every broadcast in this process's
    // heap for the whole window (~2 KB a message: at 1,000 messages/s most of the heap, and long GC
    // pauses). Clients resync from storage by sequence after every reconnect either way, which also
    // covers restarts and recoveries that fail.
    ...(deps.socketAdapter
      ? { connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false } }
      : {}),
    serveClient: false,
    ...(deps.socketAdapter ? { adapter: deps.socketAdapter.adapter } : {}),
  });
  releaseUpgradeRequests(io);
  const visitorNamespace = io.of(VISITOR_NAMESPACE) as unknown as VisitorNamespace;
  const agentNamespace = io.of(AGENT_NAMESPACE) as unknown as AgentNamespace;
  const broadcaster = createBroadcaster(visitorNamespace, agentNamespace);
  visitorNamespace.on('connection', (socket) => screenEvents(socket));
  agentNamespace.on('connection', (socket) => screenEvents(socket));
  const routingBroadcasts = createRoutingBroadcasts({
    broadcaster,
    visitors: visitorNamespace,
    agents: agentNamespace,
    conversations: store.conversations,
    logger,
  });
  // Shoppers are anonymous, so their budget is tighter than agents'. They also share one budget per
  // address, so opening more sockets buys nothing (issue 6). Agents have none: they are signed in,
  // and a shop's whole team often sits behind one office address.
  const visitorAddress = (socket: object) => clientAddress((socket as VisitorSocket).handshake, config.trustProxy);
  const visitorContext = {
    ...context,
    rateLimit: withAddressLimit(
      createEventRateLimit(config.visitorEventRate),
      // Leased five at a time from Redis in scale-out mode: one round trip per five events, not per event.
      limits.limit('visitor-ip-events', { ...config.visitorIpEventRate, lease: 5 }),
      visitorAddress,
    ),
  };
  const visitorConnections = limits.limit('visitor-ip-connections', config.visitorIpConnectionRate);
  const agentContext = { ...context, rateLimit: createEventRateLimit(config.agentEventRate) };
  const tickets = createTicketService({
    tickets: store.tickets,
    conversations: store.conversations,
    customers: store.customers,
    isActiveAgent: async (tenantId, agentId) => {
      const agent = await store.agents.getById(agentId);
      return agent !== null && agent.tenantId === tenantId && agent.active;
    },
    policiesFor: (siteId) => ticketPoliciesOf(store.sites, siteId),
    resolvePhotos: createTicketPhotoResolver(store.attachments),
    clock,
  });
  const afterSalesBroadcasts = createAfterSalesBroadcasts(visitorNamespace, agentNamespace);
  const afterSales = createAfterSales({
    store,
    clock,
    logger,
    announce: afterSalesBroadcasts,
    track: (work) => void inflight.track(work),
    ...(config.followUpCheckMs === undefined ? {} : { followUpCheckMs: config.followUpCheckMs }),
  });
  registerVisitorNamespace(visitorNamespace, {
    ratings: afterSales.ratings,
    afterSalesBroadcasts,
    tickets,
    visitors,
    conversations,
    broadcaster,
    context: visitorContext,
    connectionLimit: (handshake) => visitorConnections.take(clientAddress(handshake, config.trustProxy)),
    routing,
    routingBroadcasts,
    widgetConfig: createWidgetConfigService({
      sites: store.sites,
      listPresence: (tenantId) => routing.listPresence(tenantId),
      clock,
    }),
  });
  registerAgentNamespace(agentNamespace, {
    auth,
    alerts: createAlertService({ alerts: store.alerts, clock }),
    ratings: afterSales.ratings,
    followUps: afterSales.followUps,
    afterSales: afterSales.reactions,
    ticketChanged: afterSales.reactions.ticketChanged,
    afterSalesBroadcasts,
    tickets,
    visitorNamespace,
    clock,
    conversations,
    customerFiles: createCustomerFileService({
      customers: store.customers,
      conversations: store.conversations,
      clock,
    }),
    broadcaster,
    context: agentContext,
    routing,
    routingBroadcasts,
    heartbeatMs: config.presenceHeartbeatMs,
    publicUrl: config.publicUrl,
    agentDirectory: createAgentDirectory({ agents: store.agents }),
    cannedResponses: createCannedResponseService({ cannedResponses: store.cannedResponses, clock }),
    search: createSearchService({
      search: store.search,
      conversations: store.conversations,
      customers: store.customers,
    }),
    reports,
    sites: createSiteService({ sites: store.sites, clock }),
    siteIdentity: createSiteIdentityService({ sites: store.sites, identities: store.siteIdentities, clock }),
    agentAdmin: createAgentAdminService({
      agents: store.agents,
      sessions: store.sessions,
      agentDeactivated: (agent) => routing.agentDeactivated(agent),
      clock,
    }),
    teams: createTeamService({ teams: store.teams, agents: store.agents, routing, clock }),
  });
  // Chats and tickets unresolved past their site's escalation time go to the supervisors (issue 5).
  // Scale-out mode: clients resync from storage after faults that cost them live events.
  const clusterResync = deps.socketAdapter
    ? startClusterResync({
        io,
        adapter: deps.socketAdapter,
        namespace: VISITOR_NAMESPACE,
        intervalMs: config.clusterCheckMs ?? 1_000,
        logger,
      })
    : null;
  const escalationScanner = startEscalationScanner({
    escalations: createEscalationService({
      conversations: store.conversations,
      tickets: store.tickets,
      customers: store.customers,
      alerts: store.alerts,
      clock,
    }),
    agents: agentNamespace,
    intervalMs: config.escalationScanMs ?? 60_000,
    logger,
  });
  // Agents whose server process died without saying goodbye go away when their connections expire.
  const sweeper = setInterval(() => {
    routing.sweepExpiredConnections().then(
      (swept) => {
        for (const { tenantId, agents } of swept)
          for (const presence of agents) routingBroadcasts.presenceChanged(tenantId, presence);
      },
      (error: unknown) => logger.warn('presence sweep failed', { error }),
    );
  }, config.presenceHeartbeatMs);
  sweeper.unref();
  // Uploads that no message took within a day (the shopper closed the tab, the agent changed their mind).
  const sweepAbandonedUploads = () =>
    attachments.deleteAbandoned().then(
      (deleted) => deleted > 0 && logger.info('deleted unattached uploads', { deleted }),
      (error: unknown) => logger.warn('attachment clean-up failed', { error }),
    );
  const attachmentJanitor = setInterval(sweepAbandonedUploads, config.attachmentSweepMs ?? 60 * 60_000);
  attachmentJanitor.unref();
  registerAuthRoutes(router, {
    auth,
    secureCookies: config.publicUrl.startsWith('https:'),
    disconnectAgent: (agentId) => agentNamespace.in(agentRoom(agentId)).disconnectSockets(true),
    disconnectSession: (sessionKey) => agentNamespace.in(sessionRoom(sessionKey)).disconnectSockets(true),
  });

  if (deps.adjustableClock) registerTestClockRoute(router, deps.adjustableClock);

  if (config.metricsToken) {
    registerMetricsRoute(router, {
      token: config.metricsToken,
      connections: () => ({ visitors: visitorNamespace.sockets.size, agents: agentNamespace.sockets.size }),
    });
  }

  return {
    http,
    io,
    listen() {
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.port, config.host, () => {
          const { port } = http.address() as AddressInfo;
          resolve(`http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`);
        });
      });
    },
    async shutdown() {
      clearInterval(sweeper);
      clearInterval(attachmentJanitor);
      await escalationScanner.stop();
      afterSales.stop();
      const { timedOut } = await inflight.drain(config.shutdownTimeoutMs);
      if (timedOut) logger.warn('shutdown timed out waiting for in-flight work', { pending: inflight.size });
      await closeConnectionsGracefully(io, 2_000);
      // Said last, once drained and noted by the others, just before `io.close()` drops this process
      // from their count: a goodbye is only valid for seconds (see `cluster-resync.ts`).
      await clusterResync?.leave();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

/**
 * Closes every client's transport after its pending packets (the acks just sent) are written.
 * `io.close()` alone discards unsent packets, which would lose acks of stored messages. Closing
 * the transport rather than disconnecting the socket makes clients reconnect by themselves
 * (to this server once restarted, or to another one).
 */
async function closeConnectionsGracefully(io: Server, timeoutMs: number): Promise<void> {
  const engine = io.engine as unknown as { clientsCount: number };
  closeClientTransports(io, Number.POSITIVE_INFINITY);
  const deadline = Date.now() + timeoutMs;
  while (engine.clientsCount > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
