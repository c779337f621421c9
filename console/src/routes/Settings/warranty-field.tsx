import { useI18n } from '../../lib/i18n.js';
import {
  type AfterSalesDraft,
  type AfterSalesField,
  type CategoryDraft,
  MAX_CATEGORIES,
  MAX_WARRANTY_DAYS,
  MAX_WARRANTY_MONTHS,
  WARRANTY_TERM_KEYS,
  type WarrantyTermKey,
} from './after-sales-draft.js';
import { errorId, FieldError } from './field-error.js';

export interface WarrantyFieldProps {
  warranty: AfterSalesDraft['warranty'];
  categories: CategoryDraft[];
  onChange(patch: Pick<Partial<AfterSalesDraft>, 'warranty' | 'categories'>): void;
  problem(field: AfterSalesField): string | null;
}

const maxOf = (key: WarrantyTermKey) => (key === 'repairMonths' ? MAX_WARRANTY_MONTHS : MAX_WARRANTY_DAYS);

/**
 * The 三包 terms: refund, replacement and repair periods, each offered or not, and per-category
 * overrides (a blank cell keeps the shop's term).
 */
export function WarrantyField({ warranty, categories, onChange, problem }: WarrantyFieldProps) {
  const { t } = useI18n();
  const changeCategory = (index: number, row: CategoryDraft) =>
    onChange({ categories: categories.map((item, at) => (at === index ? row : item)) });
  const categoriesError = problem('categories');
  return (
    <fieldset class="settings-form__group">
      <legend>{t('settings.site.warranty')}</legend>
      <p id="site-warranty-hint" class="settings-form__hint">
        {t('settings.site.warrantyHint')}
      </p>
      {WARRANTY_TERM_KEYS.map((key) => {
        const term = warranty[key];
        const error = problem(key);
        const label = t(`settings.site.term.${key}`);
        return (
          <div key={key} class="settings-form__field">
            <label class="settings-form__label" for={`site-${key}`}>
              {label}
            </label>
            <div class="settings-form__inline">
              <input
                id={`site-${key}`}
                class="field__input settings-form__number"
                type="number"
                min={0}
                max={maxOf(key)}
                step={1}
                value={term.value}
                disabled={!term.offered}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `${errorId(key)} site-warranty-hint` : 'site-warranty-hint'}
                onInput={(event) =>
                  onChange({ warranty: { ...warranty, [key]: { ...term, value: event.currentTarget.value } } })
                }
              />
              <label class="settings-form__check">
                <input
                  type="checkbox"
                  checked={term.offered}
                  onChange={(event) =>
                    onChange({ warranty: { ...warranty, [key]: { ...term, offered: event.currentTarget.checked } } })
                  }
                />
                {t('settings.site.offered', { term: label })}
              </label>
            </div>
            <FieldError field={key} message={error} />
          </div>
        );
      })}
      <div class="settings-form__field">
        <span id="site-categories-label" class="settings-form__label">
          {t('settings.site.categories')}
        </span>
        <p id="site-categories-hint" class="settings-form__hint">
          {t('settings.site.categoriesHint')}
        </p>
        {categories.length === 0 ? (
          <p class="settings-form__muted">{t('settings.site.noCategories')}</p>
        ) : (
          <div class="settings-table__wrap">
            <table class="settings-table" aria-labelledby="site-categories-label">
              <thead>
                <tr>
                  <th scope="col">{t('settings.site.category')}</th>
                  {WARRANTY_TERM_KEYS.map((key) => (
                    <th key={key} scope="col">
                      {t(`settings.site.term.${key}`)}
                    </th>
                  ))}
                  <td />
                </tr>
              </thead>
              <tbody>
                {categories.map((row, index) => {
                  const name = row.name.trim() || `#${index + 1}`;
                  return (
                    <tr key={index}>
                      <td>
                        <input
                          class="field__input"
                          maxLength={100}
                          value={row.name}
                          aria-label={t('settings.site.categoryName', { n: index + 1 })}
                          aria-invalid={Boolean(categoriesError)}
                          aria-describedby={categoriesError ? errorId('categories') : 'site-categories-hint'}
                          onInput={(event) => changeCategory(index, { ...row, name: event.currentTarget.value })}
                        />
                      </td>
                      {WARRANTY_TERM_KEYS.map((key) => {
                        const value = row.terms[key];
                        const shop = warranty[key];
                        return (
                          <td key={key}>
                            <input
                              class="field__input settings-form__number"
                              type="number"
                              min={0}
                              max={maxOf(key)}
                              step={1}
                              value={value ?? ''}
                              placeholder={
                                value === null || !shop.offered
                                  ? t('settings.site.notOffered')
                                  : t('settings.site.siteTerm', { value: shop.value })
                              }
                              aria-label={t('settings.site.categoryTerm', {
                                category: name,
                                term: t(`settings.site.term.${key}`),
                              })}
                              aria-describedby="site-categories-hint"
                              onInput={(event) =>
                                changeCategory(index, {
                                  ...row,
                                  terms: { ...row.terms, [key]: event.currentTarget.value },
                                })
                              }
                            />
                          </td>
                        );
                      })}
                      <td>
                        <button
                          type="button"
                          class="button button--small"
                          aria-label={t('settings.site.removeCategory', { category: name })}
                          onClick={() => onChange({ categories: categories.filter((_, at) => at !== index) })}
                        >
                          {t('settings.remove')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <FieldError field="categories" message={categoriesError} />
        {categories.length < MAX_CATEGORIES && (
          <button
            type="button"
            class="button settings-form__add"
            onClick={() =>
              onChange({
                categories: [...categories, { name: '', terms: { refundDays: '', replaceDays: '', repairMonths: '' } }],
              })
            }
          >
            {t('settings.site.addCategory')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
