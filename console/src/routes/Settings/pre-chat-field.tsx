import { useI18n } from '../../lib/i18n.js';
import { moveRow, type PreChatRow } from './site-draft.js';

export interface PreChatFieldProps {
  rows: PreChatRow[];
  onChange(rows: PreChatRow[]): void;
  error: string | null;
}

/** Which contact fields the widget asks before a chat, whether each is required, and their order. */
export function PreChatField({ rows, onChange, error }: PreChatFieldProps) {
  const { t } = useI18n();
  const update = (index: number, patch: Partial<PreChatRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <fieldset class="settings-form__group">
      <legend>{t('settings.site.preChat')}</legend>
      <p class="settings-form__hint">{t('settings.site.preChatHint')}</p>
      <ol class="settings-form__rows">
        {rows.map((row, index) => {
          const label = t(`settings.site.field.${row.field}`);
          return (
            <li key={row.field} class="settings-form__row" data-field={row.field}>
              <label class="settings-form__check">
                <input
                  type="checkbox"
                  checked={row.asked}
                  onChange={(event) =>
                    update(index, {
                      asked: event.currentTarget.checked,
                      required: event.currentTarget.checked && row.required,
                    })
                  }
                />
                {t('settings.site.ask', { field: label })}
              </label>
              <label class="settings-form__check">
                <input
                  type="checkbox"
                  checked={row.required}
                  disabled={!row.asked}
                  onChange={(event) => update(index, { required: event.currentTarget.checked })}
                />
                {t('settings.site.required', { field: label })}
              </label>
              <span class="settings-form__moves">
                <button
                  type="button"
                  class="button button--small"
                  aria-label={t('settings.site.moveUp', { field: label })}
                  disabled={index === 0}
                  onClick={() => onChange(moveRow(rows, index, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="button button--small"
                  aria-label={t('settings.site.moveDown', { field: label })}
                  disabled={index === rows.length - 1}
                  onClick={() => onChange(moveRow(rows, index, 1))}
                >
                  ↓
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {error && <p class="settings-form__error">{error}</p>}
    </fieldset>
  );
}
