import { AGENT_ROLES, type AgentRole, LIMITS } from '@aftercare/shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { settingsErrorText } from './settings-errors.js';

/** Shortest password the server accepts. */
export const MIN_PASSWORD = LIMITS.passwordMin;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Field = 'name' | 'email' | 'password';
const EMPTY = { name: '', email: '', role: 'agent' as AgentRole, password: '' };

/** Admins add a colleague: name, email, role and the first password they will pass on. */
export function AgentCreateForm({ workspace }: { workspace: Workspace }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof EMPTY>) => setValues((current) => ({ ...current, ...patch }));

  async function submit(form: HTMLFormElement) {
    const input = { ...values, name: values.name.trim(), email: values.email.trim() };
    const invalid: Partial<Record<Field, string>> = {};
    if (!input.name) invalid.name = t('settings.agent.error.name');
    if (!EMAIL.test(input.email)) invalid.email = t('settings.agent.error.email');
    if (input.password.length < MIN_PASSWORD)
      invalid.password = t('settings.agent.error.password', { min: MIN_PASSWORD });
    setErrors(invalid);
    setFormError(null);
    setNotice('');
    if (Object.keys(invalid).length > 0) {
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    const result = await workspace.settings.createAgent(input);
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'CONFLICT') setErrors({ email: t('settings.agent.error.emailTaken') });
      else setFormError(settingsErrorText(i18n, result.error));
      return;
    }
    setValues(EMPTY);
    setNotice(t('settings.agent.created', { name: result.value.name }));
  }

  const field = (name: Field, label: string, type: string, maxLength: number, autocomplete: string) => (
    <div class="settings-form__field">
      <label class="settings-form__label" for={`new-agent-${name}`}>
        {label}
      </label>
      <input
        id={`new-agent-${name}`}
        class="field__input"
        type={type}
        maxLength={maxLength}
        autocomplete={autocomplete}
        value={values[name]}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={errors[name] ? `new-agent-${name}-error` : undefined}
        onInput={(event) => set({ [name]: event.currentTarget.value })}
      />
      {errors[name] && (
        <p id={`new-agent-${name}-error`} class="settings-form__error">
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <form
      class="settings-form settings-form--compact"
      noValidate
      aria-labelledby="new-agent-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <h2 id="new-agent-title" class="settings-form__title">
        {t('settings.agent.new')}
      </h2>
      <fieldset class="settings-form__body" disabled={busy}>
        {field('name', t('settings.agent.name'), 'text', LIMITS.name, 'off')}
        {field('email', t('settings.agent.email'), 'email', LIMITS.email, 'off')}
        <div class="settings-form__field">
          <label class="settings-form__label" for="new-agent-role">
            {t('settings.agent.role')}
          </label>
          <select
            id="new-agent-role"
            class="field__input"
            value={values.role}
            onChange={(event) => set({ role: event.currentTarget.value as AgentRole })}
          >
            {AGENT_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`settings.role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        {field('password', t('settings.agent.password'), 'password', LIMITS.password, 'new-password')}
      </fieldset>
      {formError && (
        <p class="settings-form__form-error" role="alert">
          {formError}
        </p>
      )}
      <div class="settings-form__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {t('settings.agent.create')}
        </button>
        <span class="settings-form__status" role="status">
          {notice}
        </span>
      </div>
    </form>
  );
}
