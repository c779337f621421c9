import { LOCALES, type Locale, useI18n } from '../../lib/i18n.js';

export interface LocaleSwitcherProps {
  onChange(locale: Locale): void;
}

/** A labelled select of the console languages; each option is named in its own language. */
export function LocaleSwitcher({ onChange }: LocaleSwitcherProps) {
  const { t, locale } = useI18n();
  return (
    <label class="locale-switcher bar-select">
      <span class="locale-switcher__label">{t('locale.label')}</span>
      <select
        class="bar-select__select"
        value={locale}
        onChange={(event) => onChange(event.currentTarget.value as Locale)}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`locale.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
