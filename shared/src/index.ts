/**
 * @aftercare/shared: the wire protocol and domain types. Types and constants only, so clients
 * can import it without pulling validators into their bundles; schemas live in `@aftercare/shared/schemas`.
 */
export * from './domain/canned-response.js';
export * from './domain/types.js';
export * from './protocol/agent-events.js';
export * from './protocol/customer-events.js';
export * from './protocol/errors.js';
export * from './protocol/http.js';
export * from './protocol/limits.js';
export * from './protocol/shared-events.js';
export * from './protocol/version.js';
export * from './protocol/visitor-events.js';
