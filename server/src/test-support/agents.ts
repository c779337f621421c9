import { type AgentRole, DEFAULT_SITE_SETTINGS } from '@aftercare/shared';
import { hashPassword } from '../domain/agents/passwords.js';
import { type AgentClient, connectAgent, login, requestData } from './clients.js';
import { DEMO, type TestServer } from './test-server.js';

/** The other shop of tenant-isolation tests: its tenant and the key of the site `addRivalShop` adds. */
export const RIVAL = { tenantId: 'rival-shop', siteKey: 'rival-site' } as const;

export interface TestAgent {
  id: string;
  email: string;
  password: string;
  /** Signed in with `email` and `password`, connected to the console namespace. */
  socket: AgentClient;
}

/**
 * Adds an active console user to the store and signs them in over a real socket. The password is
 * `password-of-<name>`; the email defaults to `<name>@<tenantId>.test`. The socket is pushed onto
 * `sockets` when given (for the caller's `afterAll` to close); otherwise the caller closes it.
 */
export async function addAgent(
  server: TestServer,
  {
    name,
    role = 'agent',
    tenantId = DEMO.tenantId,
    email = `${name.toLowerCase()}@${tenantId}.test`,
    createdAt = Date.now(),
    sockets,
  }: {
    name: string;
    role?: AgentRole;
    tenantId?: string;
    email?: string;
    createdAt?: number;
    sockets?: { close(): unknown }[];
  },
): Promise<TestAgent> {
  const id = crypto.randomUUID();
  const password = `password-of-${name}`;
  await server.store.agents.create({
    id,
    tenantId,
    email,
    name,
    role,
    active: true,
    avatarUrl: null,
    passwordHash: await hashPassword(password),
    createdAt,
  });
  const socket = await connectAgent(server.url, await login(server.url, email, password));
  sockets?.push(socket);
  return { id, email, password, socket };
}

/**
 * Adds the rival shop: its site (`RIVAL.tenantId`, key `RIVAL.siteKey`, default settings) and its
 * console user `Rex`, an admin unless `role` says otherwise, signed in as by `addAgent`.
 */
export async function addRivalShop(
  server: TestServer,
  {
    role = 'admin',
    createdAt,
    sockets,
  }: { role?: AgentRole; createdAt?: number; sockets?: { close(): unknown }[] } = {},
): Promise<TestAgent> {
  await server.store.sites.create({
    id: crypto.randomUUID(),
    tenantId: RIVAL.tenantId,
    key: RIVAL.siteKey,
    name: 'Rival',
    allowedOrigins: [],
    settings: DEFAULT_SITE_SETTINGS,
    createdAt: createdAt ?? Date.now(),
  });
  return addAgent(server, { name: 'Rex', role, tenantId: RIVAL.tenantId, createdAt, sockets });
}

/**
 * Adds agents of role `agent` by `names` (as `addAgent`), then has `admin` cap each at `capacity`
 * chats at once; resolves with them in the order of `names`.
 */
export async function addCappedAgents<const Names extends readonly string[]>(
  server: TestServer,
  admin: AgentClient,
  capacity: number,
  names: Names,
): Promise<{ [K in keyof Names]: TestAgent }> {
  const agents: TestAgent[] = [];
  for (const name of names) agents.push(await addAgent(server, { name }));
  for (const { id } of agents) await requestData(admin, 'agent:set-capacity', { agentId: id, capacity });
  return agents as { [K in keyof Names]: TestAgent };
}
