import { CUSTOMER_TIERS } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';
import {
  type AfterSalesDraft,
  type AfterSalesField,
  type DurationDraft,
  durationMinutes,
  MAX_TARGET_MINUTES,
  TARGET_KEYS,
} from './after-sales-draft.js';
import { errorId, FieldError } from './field-error.js';

export interface PromisesFieldProps {
  draft: Pick<AfterSalesDraft, 'targets' | 'escalateAfter' | 'tiers'>;
  onChange(patch: Pick<Partial<AfterSalesDraft>, 'targets' | 'escalateAfter' | 'tiers'>): void;
  problem(field: AfterSalesField): string | null;
}

interface DurationInputProps {
  /** Error field and id suffix (`site-<field>` is the hours input). */
  field: AfterSalesField;
  label: string;
  value: DurationDraft;
  onChange(value: DurationDraft): void;
  error: string | null;
}

/** A duration as hours and minutes, grouped under one label. */
function DurationInput({ field, label, value, onChange, error }: DurationInputProps) {
  const { t } = useI18n();
  const describedBy = error ? errorId(field) : undefined;
  return (
    <fieldset class="settings-form__field settings-form__duration">
      <legend class="settings-form__label">{label}</legend>
      <div class="settings-form__inline">
        <input
          id={`site-${field}`}
          class="field__input settings-form__number"
          type="number"
          min={0}
          step={1}
          value={value.hours}
          aria-label={t('settings.site.durationHours', { target: label })}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          onInput={(event) => onChange({ ...value, hours: event.currentTarget.value })}
        />
        <span aria-hidden="true">{t('settings.site.hoursUnit')}</span>
        <input
          class="field__input settings-form__number"
          type="number"
          min={0}
          step={1}
          value={value.minutes}
          aria-label={t('settings.site.durationMinutes', { target: label })}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          onInput={(event) => onChange({ ...value, minutes: event.currentTarget.value })}
        />
        <span aria-hidden="true">{t('settings.site.minutesUnit')}</span>
      </div>
      <FieldError field={field} message={error} />
    </fieldset>
  );
}

/**
 * Service promises: the site's targets (business time), when unresolved work escalates (calendar
 * time), and optional per-tier targets in minutes, where a blank cell keeps the site's target.
 */
export function PromisesField({ draft, onChange, problem }: PromisesFieldProps) {
  const { t } = useI18n();
  const tierError = problem('tierTargets');
  return (
    <fieldset class="settings-form__group">
      <legend>{t('settings.site.promises')}</legend>
      <p class="settings-form__hint">{t('settings.site.promisesHint')}</p>
      {TARGET_KEYS.map((key) => (
        <DurationInput
          key={key}
          field={key}
          label={t(`settings.site.target.${key}`)}
          value={draft.targets[key]}
          error={problem(key)}
          onChange={(value) => onChange({ targets: { ...draft.targets, [key]: value } })}
        />
      ))}
      <DurationInput
        field="escalateAfterMinutes"
        label={t('settings.site.escalateAfter')}
        value={draft.escalateAfter}
        error={problem('escalateAfterMinutes')}
        onChange={(escalateAfter) => onChange({ escalateAfter })}
      />
      <div class="settings-table__wrap">
        <table class="settings-table" aria-describedby="site-tiers-hint">
          <caption class="settings-form__label">{t('settings.site.tierTargets')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.site.tier')}</th>
              {TARGET_KEYS.map((key) => (
                <th key={key} scope="col">
                  {t(`settings.site.target.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CUSTOMER_TIERS.map((tier) => (
              <tr key={tier} data-tier={tier}>
                <th scope="row">{t(`customerFile.tier.${tier}`)}</th>
                {TARGET_KEYS.map((key) => {
                  const siteMinutes = durationMinutes(draft.targets[key]);
                  return (
                    <td key={key}>
                      <input
                        class="field__input settings-form__number"
                        type="number"
                        min={1}
                        max={MAX_TARGET_MINUTES}
                        step={1}
                        value={draft.tiers[tier][key]}
                        placeholder={siteMinutes === null ? '' : String(siteMinutes)}
                        aria-label={t('settings.site.tierTarget', {
                          tier: t(`customerFile.tier.${tier}`),
                          target: t(`settings.site.target.${key}`),
                        })}
                        aria-invalid={Boolean(tierError)}
                        aria-describedby={tierError ? errorId('tierTargets') : 'site-tiers-hint'}
                        onInput={(event) =>
                          onChange({
                            tiers: {
                              ...draft.tiers,
                              [tier]: { ...draft.tiers[tier], [key]: event.currentTarget.value },
                            },
                          })
                        }
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="site-tiers-hint" class="settings-form__hint">
        {t('settings.site.tierTargetsHint')}
      </p>
      <FieldError field="tierTargets" message={tierError} />
    </fieldset>
  );
}
