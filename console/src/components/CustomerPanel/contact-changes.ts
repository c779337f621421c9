import type { ContactDetails, CustomerUpdatePayload } from '@aftercare/shared';

/** The contact fields the edit form offers, in form order. */
export const CONTACT_FIELDS = ['name', 'email', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** What the agent typed, one string per field (empty means "not given"). */
export type ContactForm = Record<ContactField, string>;

/** The form's starting values for a customer. */
export function contactForm(customer: ContactDetails): ContactForm {
  return { name: customer.name ?? '', email: customer.email ?? '', phone: customer.phone ?? '' };
}

/**
 * Only what the agent changed: a field emptied that had a value becomes `null` (cleared), an
 * untouched or whitespace-only-changed field is left out. Null when nothing changed at all.
 */
export function contactChanges(
  customer: ContactDetails,
  form: ContactForm,
): Omit<CustomerUpdatePayload, 'customerId'> | null {
  const changes: Partial<Record<ContactField, string | null>> = {};
  for (const field of CONTACT_FIELDS) {
    const typed = form[field].trim();
    const stored = customer[field] ?? '';
    if (typed === stored) continue;
    changes[field] = typed === '' ? null : typed;
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

/**
 * Which fields the server refused, read from its `INVALID_PAYLOAD` / `PAYLOAD_TOO_LARGE` issues
 * (`"email: Invalid email"`). An issue naming no form field is reported as `form`.
 */
export function refusedFields(issues: readonly string[] | undefined): (ContactField | 'form')[] {
  const fields = new Set<ContactField | 'form'>();
  for (const issue of issues ?? []) {
    const path = issue.split(':', 1)[0]?.trim() ?? '';
    fields.add((CONTACT_FIELDS as readonly string[]).includes(path) ? (path as ContactField) : 'form');
  }
  if (fields.size === 0) fields.add('form');
  return [...fields];
}
