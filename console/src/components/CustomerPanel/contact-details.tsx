import type { Customer } from '@aftercare/shared';
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import {
  CONTACT_FIELDS,
  type ContactField,
  type ContactForm,
  contactChanges,
  contactForm,
  refusedFields,
} from './contact-changes.js';

const INPUT_TYPES: Record<ContactField, string> = { name: 'text', email: 'email', phone: 'tel' };
const AUTOCOMPLETE: Record<ContactField, string> = { name: 'off', email: 'off', phone: 'off' };

/** What went wrong with the last save: fields the server refused, or a code for the whole form. */
type SaveError = { fields: (ContactField | 'form')[]; code: string };

/**
 * The customer's name, email and phone, with an inline edit form. Errors come from the server (its
 * validation is the one that counts) and are tied to their fields for screen readers; Escape cancels.
 */
export function ContactDetails({ workspace, customer }: { workspace: Workspace; customer: Customer }) {
  const { t } = useI18n();
  const [form, setForm] = useState<ContactForm | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<SaveError | null>(null);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const firstInput = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const editing = form !== null;

  // Another customer's file: drop a half-typed edit of the previous one.
  useEffect(() => {
    setForm(null);
    setError(null);
    setSaved(false);
  }, [customer.id]);

  useEffect(() => {
    if (editing) firstInput.current?.focus();
  }, [editing]);

  // A refused field takes the focus, so its error (its description) is read out at once.
  useEffect(() => {
    if (error) formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  function open() {
    setForm(contactForm(customer));
    setError(null);
    setSaved(false);
  }

  function close() {
    setForm(null);
    setError(null);
    // Back where the agent started, so keyboard users do not lose their place.
    requestAnimationFrame(() => editButton.current?.focus());
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!form || saving) return;
    const changes = contactChanges(customer, form);
    if (!changes) return close();
    setSaving(true);
    const res = await workspace.updateCustomer({ customerId: customer.id, ...changes });
    setSaving(false);
    if ('data' in res) {
      setSaved(true);
      return close();
    }
    const invalid = res.error.code === 'INVALID_PAYLOAD' || res.error.code === 'PAYLOAD_TOO_LARGE';
    setError({ fields: invalid ? refusedFields(res.error.issues) : ['form'], code: invalid ? 'form' : res.error.code });
  }

  const formMessage = (code: string) => {
    if (code === 'OFFLINE' || code === 'NOT_FOUND' || code === 'FORBIDDEN') return t(`customerFile.error.${code}`);
    return code === 'form' ? t('customerFile.error.form') : t('customerFile.error.generic');
  };

  if (!form) {
    return (
      <div class="contact-details">
        <dl class="details-list">
          {CONTACT_FIELDS.map((field) => (
            <Fragment key={field}>
              <dt>{t(`details.${field}`)}</dt>
              <dd data-field={field}>
                {customer[field] || <span class="details-list__none">{t('details.unknown')}</span>}
              </dd>
            </Fragment>
          ))}
        </dl>
        <button ref={editButton} type="button" class="button button--small contact-details__edit" onClick={open}>
          {t('customerFile.edit')}
        </button>
        <p class="sr-only" role="status">
          {saved ? t('customerFile.saved') : ''}
        </p>
      </div>
    );
  }

  return (
    <form
      ref={formRef}
      class="contact-details contact-details--editing"
      aria-label={t('customerFile.edit')}
      noValidate
      onSubmit={save}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      }}
    >
      {CONTACT_FIELDS.map((field, index) => {
        const id = `customer-${field}`;
        const invalid = error?.fields.includes(field) ?? false;
        return (
          <div class="field" key={field}>
            <label class="field__label" for={id}>
              {t(`details.${field}`)}
            </label>
            <input
              ref={index === 0 ? firstInput : undefined}
              id={id}
              name={field}
              class="field__input"
              type={INPUT_TYPES[field]}
              autocomplete={AUTOCOMPLETE[field]}
              value={form[field]}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${id}-error` : 'customer-form-hint'}
              onInput={(event) => setForm({ ...form, [field]: event.currentTarget.value })}
            />
            {invalid && (
              <p id={`${id}-error`} class="contact-details__error">
                {t(`customerFile.error.${field}`)}
              </p>
            )}
          </div>
        );
      })}
      <p id="customer-form-hint" class="contact-details__hint">
        {t('customerFile.hint')}
      </p>
      {error?.fields.includes('form') && (
        <p class="contact-details__error" role="alert">
          {formMessage(error.code)}
        </p>
      )}
      <div class="contact-details__actions">
        <button type="submit" class="button button--primary button--small" disabled={saving}>
          {saving ? t('customerFile.saving') : t('customerFile.save')}
        </button>
        <button type="button" class="button button--small" onClick={close}>
          {t('customerFile.cancel')}
        </button>
      </div>
    </form>
  );
}
