import * as v from 'valibot';
import * as field from './fields.js';

/** Schemas of the admin-only identity verification events (`site-identity:*`). */

export const siteIdentityRef = v.strictObject({ siteId: field.id });

export const siteIdentityUpdate = v.strictObject({ siteId: field.id, required: v.boolean() });
