/** Validation schemas for every inbound payload. Server-side (and console forms); the widget does not import these. */
export * as schemas from './payloads.js';
export * from './validate.js';
