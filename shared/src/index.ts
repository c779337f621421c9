/**
 * @aftercare/shared: the wire protocol and domain types. Types and constants only, so clients
 * can import it without pulling validators into their bundles; schemas live in `@aftercare/shared/schemas`.
 */
export * from './domain/attachment.js';
export * from './domain/canned-response.js';
export * from './domain/rating.js';
export * from './domain/service-promises.js';
export * from './domain/site-settings.js';
export * from './domain/team.js';
export * from './domain/ticket.js';
export * from './domain/ticket-workflow.js';
export * from './domain/types.js';
export * from './domain/warranty.js';
export * from './protocol/admin-events.js';
export * from './protocol/agent-events.js';
export * from './protocol/alert-events.js';
export * from './protocol/customer-events.js';
export * from './protocol/errors.js';
export * from './protocol/follow-up-events.js';
export * from './protocol/http.js';
export * from './protocol/limits.js';
export * from './protocol/rating-events.js';
export * from './protocol/report-events.js';
export * from './protocol/search-events.js';
export * from './protocol/shared-events.js';
export * from './protocol/site-identity-events.js';
export * from './protocol/ticket-events.js';
export * from './protocol/version.js';
export * from './protocol/visitor-events.js';
