import { LIMITS } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';

/** Whether a typed picture address may be saved: empty (initials) or an http(s) URL. */
export function validAvatarUrl(typed: string): boolean {
  const value = typed.trim();
  if (value === '') return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The value to send: `null` clears the picture (the initials show instead). */
export function avatarUrlValue(typed: string): string | null {
  return typed.trim() === '' ? null : typed.trim();
}

export interface AvatarUrlFieldProps {
  id: string;
  label: string;
  value: string;
  invalid: boolean;
  onInput(value: string): void;
}

/** The picture address input with its hint and error, shared by "my profile" and the agents list. */
export function AvatarUrlField({ id, label, value, invalid, onInput }: AvatarUrlFieldProps) {
  const { t } = useI18n();
  return (
    <div class="settings-form__field">
      <label class="settings-form__label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="field__input"
        type="url"
        inputMode="url"
        maxLength={LIMITS.url}
        value={value}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="settings-form__hint">
        {t('settings.agent.avatarHint')}
      </p>
      {invalid && (
        <p id={`${id}-error`} class="settings-form__error">
          {t('settings.agent.error.avatar')}
        </p>
      )}
    </div>
  );
}
