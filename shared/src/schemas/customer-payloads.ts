import * as v from 'valibot';
import { CUSTOMER_TIERS } from '../domain/types.js';
import * as field from './fields.js';

/** `customer:get`: which customer's file to read. */
export const customerGet = v.strictObject({
  customerId: field.id,
});

/**
 * `customer:update`: a contact field absent keeps its value, `null` clears it, a string must pass
 * the same rules as in the pre-chat form. At least one change is required.
 */
export const customerUpdate = v.pipe(
  v.strictObject({
    customerId: field.id,
    name: v.optional(v.nullable(field.name)),
    email: v.optional(v.nullable(field.email)),
    phone: v.optional(v.nullable(field.phone)),
    tier: v.optional(v.picklist(CUSTOMER_TIERS)),
  }),
  v.check((input) => Object.keys(input).some((key) => key !== 'customerId'), 'must change at least one field'),
);
