import type {
  AgentClientEvents,
  AgentServerEvents,
  SessionInfo,
  VisitorClientEvents,
  VisitorServerEvents,
} from '@aftercare/shared';
import type { Namespace, Socket } from 'socket.io';
import type { VisitorIdentity } from '../../domain/customers/visitor-service.js';

/** The typed namespaces and sockets: events from `@aftercare/shared`, socket data set at the handshake. */
export type VisitorNamespace = Namespace<
  VisitorClientEvents,
  VisitorServerEvents,
  Record<string, never>,
  VisitorIdentity
>;
export type VisitorSocket = Socket<VisitorClientEvents, VisitorServerEvents, Record<string, never>, VisitorIdentity>;
/** A console socket's data: its session, and the session's key (the token's hash) to find it on sign-out. */
export type AgentSocketData = SessionInfo & { sessionKey: string };
export type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents, Record<string, never>, AgentSocketData>;
export type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, Record<string, never>, AgentSocketData>;
