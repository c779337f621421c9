import type { CannedResponse, CannedResponseInput } from '@aftercare/shared';
import { CANNED_FIELD_MAX, type CannedFieldError } from '../../lib/canned.js';
import { useI18n } from '../../lib/i18n.js';

export interface CannedFormProps {
  /** The reply being edited, or null for a new one. */
  editing: CannedResponse | null;
  values: CannedResponseInput;
  errors: Partial<Record<keyof CannedResponseInput, CannedFieldError | 'CONFLICT'>>;
  formError: string | null;
  busy: boolean;
  onChange(name: keyof CannedResponseInput, value: string): void;
  onSubmit(): void;
  onCancel(): void;
}

/** The form for a new saved reply or the one being edited; each error is tied to its field. */
export function CannedForm({
  editing,
  values,
  errors,
  formError,
  busy,
  onChange,
  onSubmit,
  onCancel,
}: CannedFormProps) {
  const { t } = useI18n();
  const message = (name: keyof CannedResponseInput) => {
    const error = errors[name];
    if (!error) return null;
    if (error === 'CONFLICT') return t('canned.error.CONFLICT');
    return t(`canned.error.${error}`, { max: CANNED_FIELD_MAX[name] });
  };
  const describedBy = (name: keyof CannedResponseInput, hint?: string) =>
    [hint, errors[name] ? `canned-${name}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const errorLine = (name: keyof CannedResponseInput) =>
    errors[name] ? (
      <p id={`canned-${name}-error`} class="canned-form__error">
        {message(name)}
      </p>
    ) : null;

  return (
    <form
      class="canned-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <fieldset class="canned-form__fields">
        <legend class="canned-form__legend">
          {editing ? t('canned.formEdit', { shortcut: editing.shortcut }) : t('canned.formNew')}
        </legend>
        <label class="canned-form__label" for="canned-shortcut">
          {t('canned.shortcut')}
        </label>
        <input
          id="canned-shortcut"
          class="canned-form__input"
          value={values.shortcut}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={Boolean(errors.shortcut)}
          aria-describedby={describedBy('shortcut', 'canned-shortcut-hint')}
          onInput={(event) => onChange('shortcut', event.currentTarget.value)}
        />
        <p id="canned-shortcut-hint" class="canned-form__hint">
          {t('canned.shortcutHint', { max: CANNED_FIELD_MAX.shortcut })}
        </p>
        {errorLine('shortcut')}
        <label class="canned-form__label" for="canned-title">
          {t('canned.titleField')}
        </label>
        <input
          id="canned-title"
          class="canned-form__input"
          value={values.title}
          aria-invalid={Boolean(errors.title)}
          aria-describedby={describedBy('title')}
          onInput={(event) => onChange('title', event.currentTarget.value)}
        />
        {errorLine('title')}
        <label class="canned-form__label" for="canned-text">
          {t('canned.text')}
        </label>
        <textarea
          id="canned-text"
          class="canned-form__input canned-form__text"
          rows={4}
          value={values.text}
          aria-invalid={Boolean(errors.text)}
          aria-describedby={describedBy('text')}
          onInput={(event) => onChange('text', event.currentTarget.value)}
        />
        {errorLine('text')}
      </fieldset>
      {formError && (
        <p class="canned-form__error" role="alert">
          {formError}
        </p>
      )}
      <div class="canned-form__buttons">
        {editing && (
          <button type="button" class="button" onClick={onCancel}>
            {t('canned.cancel')}
          </button>
        )}
        <button type="submit" class="button button--primary" disabled={busy}>
          {editing ? t('canned.save') : t('canned.create')}
        </button>
      </div>
    </form>
  );
}
