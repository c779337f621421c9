import type { FollowUpPolicy } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';
import {
  type AfterSalesDraft,
  type AfterSalesField,
  MAX_FOLLOW_UP_DAYS,
  MAX_UPDATE_WINDOW_DAYS,
} from './after-sales-draft.js';
import { errorId, FieldError } from './field-error.js';
import { PromisesField } from './promises-field.js';
import { TimeZoneSelect } from './time-zone-select.js';
import { WarrantyField } from './warranty-field.js';

export interface AfterSalesFieldsProps {
  draft: AfterSalesDraft;
  onChange(patch: Partial<AfterSalesDraft>): void;
  /** The message of a field's error, or null. */
  problem(field: AfterSalesField): string | null;
}

const FOLLOW_UP_KEYS: readonly (keyof FollowUpPolicy)[] = ['firstAfterDays', 'firstWithinDays', 'secondAfterDays'];
const SCORES = [0, 1, 2, 3, 4, 5] as const;

/**
 * The site's after-sales terms: the shop's time zone, warranty, service promises, follow-up calls
 * and rating requests. The server applies them to tickets, due times, escalation and ratings.
 */
export function AfterSalesFields({ draft, onChange, problem }: AfterSalesFieldsProps) {
  const { t } = useI18n();
  const numberInput = (field: AfterSalesField, value: string, max: number, onInput: (value: string) => void) => {
    const error = problem(field);
    return (
      <input
        id={`site-${field}`}
        class="field__input settings-form__number"
        type="number"
        min={0}
        max={max}
        step={field === 'updateWindow' ? 'any' : 1}
        value={value}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId(field) : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    );
  };
  return (
    <fieldset class="settings-form__group" data-part="after-sales">
      <legend>{t('settings.site.afterSales')}</legend>
      <p class="settings-form__hint">{t('settings.site.afterSalesHint')}</p>
      <div class="settings-form__field">
        <label class="settings-form__label" for="site-shop-timezone">
          {t('settings.site.shopTimeZone')}
        </label>
        <TimeZoneSelect
          id="site-shop-timezone"
          value={draft.timeZone}
          describedBy="site-shop-timezone-hint"
          onChange={(timeZone) => onChange({ timeZone })}
        />
        <p id="site-shop-timezone-hint" class="settings-form__hint">
          {t('settings.site.shopTimeZoneHint')}
        </p>
        <FieldError field="timeZone" message={problem('timeZone')} />
      </div>
      <WarrantyField warranty={draft.warranty} categories={draft.categories} onChange={onChange} problem={problem} />
      <PromisesField draft={draft} onChange={onChange} problem={problem} />
      <fieldset class="settings-form__group">
        <legend>{t('settings.site.followUps')}</legend>
        <p class="settings-form__hint">{t('settings.site.followUpsHint')}</p>
        {FOLLOW_UP_KEYS.map((key) => (
          <div key={key} class="settings-form__field">
            <label class="settings-form__label" for={`site-${key}`}>
              {t(`settings.site.followUp.${key}`)}
            </label>
            {numberInput(key, draft.followUps[key], MAX_FOLLOW_UP_DAYS, (value) =>
              onChange({ followUps: { ...draft.followUps, [key]: value } }),
            )}
            <FieldError field={key} message={problem(key)} />
          </div>
        ))}
      </fieldset>
      <fieldset class="settings-form__group">
        <legend>{t('settings.site.ratings')}</legend>
        <label class="settings-form__check">
          <input
            type="checkbox"
            checked={draft.askAfterChat}
            onChange={(event) => onChange({ askAfterChat: event.currentTarget.checked })}
          />
          {t('settings.site.askAfterChat')}
        </label>
        <label class="settings-form__check">
          <input
            type="checkbox"
            checked={draft.askAfterTicket}
            onChange={(event) => onChange({ askAfterTicket: event.currentTarget.checked })}
          />
          {t('settings.site.askAfterTicket')}
        </label>
        <div class="settings-form__field">
          <label class="settings-form__label" for="site-updateWindow">
            {t('settings.site.updateWindow')}
          </label>
          {numberInput('updateWindow', draft.updateWindowDays, MAX_UPDATE_WINDOW_DAYS, (updateWindowDays) =>
            onChange({ updateWindowDays }),
          )}
          <FieldError field="updateWindow" message={problem('updateWindow')} />
        </div>
        <div class="settings-form__field">
          <label class="settings-form__label" for="site-alertAtOrBelow">
            {t('settings.site.alertAtOrBelow')}
          </label>
          <select
            id="site-alertAtOrBelow"
            class="field__input"
            value={String(draft.alertAtOrBelow)}
            aria-describedby={problem('alertAtOrBelow') ? errorId('alertAtOrBelow') : undefined}
            onChange={(event) => onChange({ alertAtOrBelow: Number(event.currentTarget.value) })}
          >
            {SCORES.map((score) => (
              <option key={score} value={String(score)}>
                {score === 0 ? t('settings.site.alertNever') : t('settings.site.alertScore', { score })}
              </option>
            ))}
          </select>
          <FieldError field="alertAtOrBelow" message={problem('alertAtOrBelow')} />
        </div>
      </fieldset>
    </fieldset>
  );
}
