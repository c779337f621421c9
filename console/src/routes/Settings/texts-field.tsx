import { LIMITS, type LocalizedText } from '@aftercare/shared';
import { LOCALES, useI18n } from '../../lib/i18n.js';

export interface TextsFieldProps {
  /** `greeting` or `offlineMessage`: names the inputs (`site-greeting-en`…). */
  name: 'greeting' | 'offlineMessage';
  texts: LocalizedText;
  onChange(texts: LocalizedText): void;
  error: string | null;
}

/** A text the shopper reads, once per language; an empty one uses the widget's built-in text. */
export function TextsField({ name, texts, onChange, error }: TextsFieldProps) {
  const { t } = useI18n();
  return (
    <fieldset class="settings-form__group">
      <legend>{t(`settings.site.${name}`)}</legend>
      <p class="settings-form__hint">{t('settings.site.textsHint')}</p>
      {LOCALES.map((locale) => {
        const id = `site-${name}-${locale}`;
        return (
          <div key={locale} class="settings-form__field">
            <label class="settings-form__label" for={id}>
              {t(`locale.${locale}`)}
            </label>
            <textarea
              id={id}
              class="field__input"
              rows={2}
              maxLength={LIMITS[name]}
              lang={locale}
              value={texts[locale] ?? ''}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? `site-${name}-error` : undefined}
              onInput={(event) => onChange({ ...texts, [locale]: event.currentTarget.value })}
            />
          </div>
        );
      })}
      {error && (
        <p id={`site-${name}-error`} class="settings-form__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
