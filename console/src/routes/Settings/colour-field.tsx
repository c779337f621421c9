import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { contrastWithWhite, MIN_CONTRAST } from './colour.js';
import { HEX_COLOR } from './site-draft.js';

export interface ColourFieldProps {
  color: string;
  siteName: string;
  greeting: string;
  onChange(color: string): void;
  error: string | null;
}

/**
 * The widget colour: a colour picker and a hex field kept in step, a live preview of the
 * launcher and the chat header, and the contrast of their white text on it.
 */
export function ColourField({ color, siteName, greeting, onChange, error }: ColourFieldProps) {
  const { t, locale } = useI18n();
  // The hex field may hold a half-typed value; the picker and preview follow once it is valid.
  const [typed, setTyped] = useState(color);
  useEffect(() => setTyped(color), [color]);
  const valid = HEX_COLOR.test(color);
  const ratio = valid ? contrastWithWhite(color) : null;
  const ratioText = ratio === null ? '' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(ratio);
  const message = error ?? (HEX_COLOR.test(typed) ? null : t('settings.site.error.color'));
  return (
    <fieldset class="settings-form__group">
      <legend>{t('settings.site.color')}</legend>
      <div class="settings-form__inline">
        <label class="settings-form__label" for="site-color-picker">
          {t('settings.site.colorPicker')}
        </label>
        <input
          id="site-color-picker"
          type="color"
          class="settings-form__swatch"
          value={valid ? color.toLowerCase() : '#000000'}
          onInput={(event) => onChange(event.currentTarget.value)}
        />
        <label class="settings-form__label" for="site-color">
          {t('settings.site.colorHex')}
        </label>
        <input
          id="site-color"
          class="field__input settings-form__hex"
          value={typed}
          maxLength={7}
          spellcheck={false}
          aria-invalid={Boolean(message)}
          aria-describedby={message ? 'site-color-error' : undefined}
          onInput={(event) => {
            const value = event.currentTarget.value.trim();
            setTyped(value);
            if (HEX_COLOR.test(value)) onChange(value.toLowerCase());
          }}
        />
      </div>
      {message && (
        <p id="site-color-error" class="settings-form__error">
          {message}
        </p>
      )}
      {valid && (
        <figure class="widget-preview" aria-label={t('settings.site.preview')}>
          <div class="widget-preview__panel">
            <div class="widget-preview__header" style={{ background: color }}>
              {siteName || t('settings.site.previewName')}
            </div>
            <p class="widget-preview__greeting">{greeting || t('settings.site.previewGreeting')}</p>
          </div>
          <span class="widget-preview__launcher" style={{ background: color }} aria-hidden="true">
            <svg
              viewBox="0 0 24 24"
              width="24"
              height="24"
              fill="none"
              stroke="#fff"
              stroke-width="2"
              aria-hidden="true"
            >
              <title>{t('settings.site.preview')}</title>
              <path d="M4 5h16v11H9l-5 4z" stroke-linejoin="round" />
            </svg>
          </span>
        </figure>
      )}
      {ratio !== null && (
        <p
          class={`settings-form__contrast${ratio < MIN_CONTRAST ? ' settings-form__contrast--low' : ''}`}
          data-contrast={ratio.toFixed(2)}
        >
          {ratio < MIN_CONTRAST
            ? t('settings.site.contrastLow', { ratio: ratioText })
            : t('settings.site.contrastOk', { ratio: ratioText })}
        </p>
      )}
    </fieldset>
  );
}
