import { describe, expect, it } from 'vitest';
import { contactChanges, contactForm, refusedFields } from './contact-changes.js';

describe('contactChanges', () => {
  const customer = { name: 'Li Lei', email: 'li@example.com' };

  it('is null when nothing changed, even with extra spaces', () => {
    expect(contactChanges(customer, contactForm(customer))).toBeNull();
    expect(contactChanges(customer, { name: ' Li Lei ', email: 'li@example.com', phone: '  ' })).toBeNull();
  });

  it('sends only changed fields, trimmed, and null for a field emptied', () => {
    expect(contactChanges(customer, { name: '', email: ' new@example.com ', phone: '+86 138' })).toEqual({
      name: null,
      email: 'new@example.com',
      phone: '+86 138',
    });
  });
});

describe('refusedFields', () => {
  it('names the form fields in the server issues', () => {
    expect(refusedFields(['email: Invalid email', 'phone: must be a phone number'])).toEqual(['email', 'phone']);
  });

  it('reports issues about no form field, or no issues at all, as the whole form', () => {
    expect(refusedFields(['must change at least one field'])).toEqual(['form']);
    expect(refusedFields(undefined)).toEqual(['form']);
  });
});
