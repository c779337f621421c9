import { useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { normalizeOrigin } from './site-draft.js';

export interface OriginsFieldProps {
  origins: string[];
  onChange(origins: string[]): void;
  /** A server refusal about the list. */
  error: string | null;
}

/** The site's origin allowlist: add one (checked and reduced to its origin), remove any. */
export function OriginsField({ origins, onChange, error }: OriginsFieldProps) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<'origin' | 'duplicate' | null>(null);

  function add() {
    const origin = normalizeOrigin(typed);
    if (!origin) return setProblem('origin');
    if (origins.includes(origin)) return setProblem('duplicate');
    onChange([...origins, origin]);
    setTyped('');
    setProblem(null);
  }

  const message = problem ? t(`settings.site.error.${problem}`) : error;
  return (
    <fieldset class="settings-form__group">
      <legend>{t('settings.site.origins')}</legend>
      <p class="settings-form__hint" id="site-origins-hint">
        {t('settings.site.originsHint')}
      </p>
      {origins.length === 0 ? (
        <p class="settings-form__muted">{t('settings.site.anyOrigin')}</p>
      ) : (
        <ul class="settings-form__chips" aria-label={t('settings.site.origins')}>
          {origins.map((origin) => (
            <li key={origin} class="settings-form__chip">
              <span>{origin}</span>
              <button
                type="button"
                class="button button--small"
                aria-label={t('settings.site.removeOrigin', { origin })}
                onClick={() => onChange(origins.filter((item) => item !== origin))}
              >
                {t('settings.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="settings-form__inline">
        <label class="sr-only" for="site-origins">
          {t('settings.site.newOrigin')}
        </label>
        <input
          id="site-origins"
          class="field__input"
          type="url"
          inputMode="url"
          placeholder="https://shop.example"
          value={typed}
          aria-invalid={Boolean(message)}
          aria-describedby={message ? 'site-origins-hint site-origins-error' : 'site-origins-hint'}
          onInput={(event) => {
            setTyped(event.currentTarget.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            // Enter adds the origin instead of submitting the whole site form.
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add();
          }}
        />
        <button type="button" class="button" onClick={add}>
          {t('settings.site.addOrigin')}
        </button>
      </div>
      {message && (
        <p id="site-origins-error" class="settings-form__error">
          {message}
        </p>
      )}
    </fieldset>
  );
}
