/**
 * Version of the wire protocol between the widget/console and the server.
 * Clients send it in the socket.io handshake (`auth.protocolVersion`); the server refuses
 * a different version with `PROTOCOL_MISMATCH` so an outdated cached widget fails loudly
 * instead of sending payloads the server no longer understands.
 * Bump it on any incompatible change to an event name or payload.
 */
export const PROTOCOL_VERSION = 1;

/** socket.io namespace used by shoppers' widgets. */
export const VISITOR_NAMESPACE = '/visitor';
/** socket.io namespace used by the agent console. */
export const AGENT_NAMESPACE = '/agent';
/** Name of the httpOnly cookie that carries an agent's session token. */
export const SESSION_COOKIE = 'aftercare_session';
