import { LIMITS, type Site } from '@aftercare/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { LOCALES, type Locale, useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { afterSalesMax } from './after-sales-draft.js';
import { AfterSalesFields } from './after-sales-fields.js';
import { BusinessHoursField } from './business-hours-field.js';
import { ColourField } from './colour-field.js';
import { FormMessages } from './form-messages.js';
import { IdentitySection } from './identity-section.js';
import { OriginsField } from './origins-field.js';
import { PreChatField } from './pre-chat-field.js';
import { ScriptTag } from './script-tag.js';
import { settingsErrorText } from './settings-errors.js';
import {
  fieldOfIssue,
  MAX_REPLY_MINUTES,
  type SiteDraft,
  type SiteErrors,
  type SiteField,
  siteDraft,
  siteInput,
  siteUpdate,
  validateSiteDraft,
} from './site-draft.js';
import { TextsField } from './texts-field.js';

export interface SiteEditorProps {
  workspace: Workspace;
  /** The stored site, or null for a new one. */
  site: Site | null;
  /** Admins edit; everyone else reads. */
  editable: boolean;
  /** A new site was stored (the list selects it). */
  onCreated(site: Site): void;
}

/**
 * One site's settings form. The working copy survives a refusal (nothing typed is lost) and a
 * change made elsewhere replaces it only while the admin has not touched it.
 */
export function SiteEditor({ workspace, site, editable, onCreated }: SiteEditorProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState<SiteDraft>(() => siteDraft(site));
  // Refs, not state: the effect below runs after paint, when a save may already have settled.
  const base = useRef<Site | null>(site);
  const dirty = useRef(false);
  const [errors, setErrors] = useState<SiteErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // A broadcast (or our own save) brought a newer copy of the site.
  useEffect(() => {
    if (site === base.current) return;
    base.current = site;
    if (!dirty.current) setDraft(siteDraft(site));
    else setNotice(t('settings.site.changedElsewhere'));
  }, [site]);

  const update = (patch: (draft: SiteDraft) => SiteDraft) => {
    setDraft((current) => patch(current));
    dirty.current = true;
  };
  const updateSettings = (patch: Partial<SiteDraft['settings']>) =>
    update((current) => ({ ...current, settings: { ...current.settings, ...patch } }));
  const problem = (field: SiteField) => {
    const found = errors[field];
    if (!found) return null;
    if (found === 'server') return t('settings.site.error.server');
    const max = field === 'expectedReplyMinutes' ? MAX_REPLY_MINUTES : afterSalesMax(field);
    return t(`settings.site.error.${found}`, { max });
  };

  async function submit() {
    const invalid = validateSiteDraft(draft);
    setErrors(invalid);
    setFormError(null);
    setNotice('');
    if (Object.keys(invalid).length > 0) {
      setFormError(t('settings.site.error.form'));
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    const result = site
      ? await workspace.settings.updateSite({ siteId: site.id, ...siteUpdate(draft, site.settings) })
      : await workspace.settings.createSite(siteInput(draft));
    setBusy(false);
    if (!result.ok) {
      const fields: SiteErrors = {};
      for (const issue of result.error.issues ?? []) {
        const field = fieldOfIssue(issue);
        if (field) fields[field] = 'server';
      }
      setErrors(fields);
      setFormError(settingsErrorText(i18n, result.error));
      return;
    }
    dirty.current = false;
    base.current = result.value;
    setDraft(siteDraft(result.value));
    setNotice(t('settings.site.saved', { name: result.value.name }));
    if (!site) onCreated(result.value);
  }

  const greetingPreview = draft.settings.greeting[i18n.locale] ?? draft.settings.greeting.en ?? '';
  return (
    <form
      ref={form}
      class="settings-form"
      noValidate
      aria-labelledby="site-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id="site-form-title" class="settings-form__title">
        {site ? t('settings.site.edit', { name: site.name }) : t('settings.site.new')}
      </h2>
      {!editable && <p class="settings-form__muted">{t('settings.readOnly')}</p>}
      <FormMessages notice={notice} error={formError} />
      {site && <ScriptTag siteKey={site.key} />}
      {site && editable && <IdentitySection workspace={workspace} siteId={site.id} />}
      <fieldset class="settings-form__body" disabled={!editable || busy}>
        <div class="settings-form__field">
          <label class="settings-form__label" for="site-name">
            {t('settings.site.name')}
          </label>
          <input
            id="site-name"
            class="field__input"
            value={draft.name}
            maxLength={LIMITS.siteName}
            aria-invalid={Boolean(errors.name)}
            aria-describedby={errors.name ? 'site-name-error' : undefined}
            onInput={(event) => {
              const name = event.currentTarget.value;
              update((current) => ({ ...current, name }));
            }}
          />
          {errors.name && (
            <p id="site-name-error" class="settings-form__error">
              {problem('name')}
            </p>
          )}
        </div>
        <OriginsField
          origins={draft.allowedOrigins}
          error={problem('origins')}
          onChange={(allowedOrigins) => update((current) => ({ ...current, allowedOrigins }))}
        />
        <ColourField
          color={draft.settings.color}
          siteName={draft.name}
          greeting={greetingPreview}
          error={problem('color')}
          onChange={(color) => updateSettings({ color })}
        />
        <TextsField
          name="greeting"
          texts={draft.settings.greeting}
          error={problem('greeting')}
          onChange={(greeting) => updateSettings({ greeting })}
        />
        <TextsField
          name="offlineMessage"
          texts={draft.settings.offlineMessage}
          error={problem('offlineMessage')}
          onChange={(offlineMessage) => updateSettings({ offlineMessage })}
        />
        <PreChatField
          rows={draft.preChat}
          error={problem('preChat')}
          onChange={(preChat) => update((current) => ({ ...current, preChat }))}
        />
        <BusinessHoursField
          hours={draft.settings.businessHours}
          errors={{ hours: problem('hours'), closedDates: problem('closedDates') }}
          onChange={(businessHours) => updateSettings({ businessHours })}
        />
        <div class="settings-form__field">
          <label class="settings-form__label" for="site-reply-minutes">
            {t('settings.site.expectedReply')}
          </label>
          <input
            id="site-reply-minutes"
            class="field__input settings-form__number"
            type="number"
            min={1}
            max={MAX_REPLY_MINUTES}
            step={1}
            value={String(draft.settings.expectedReplyMinutes)}
            aria-invalid={Boolean(errors.expectedReplyMinutes)}
            aria-describedby={errors.expectedReplyMinutes ? 'site-reply-minutes-error' : undefined}
            onInput={(event) => updateSettings({ expectedReplyMinutes: event.currentTarget.valueAsNumber })}
          />
          {errors.expectedReplyMinutes && (
            <p id="site-reply-minutes-error" class="settings-form__error">
              {problem('expectedReplyMinutes')}
            </p>
          )}
        </div>
        <div class="settings-form__field">
          <label class="settings-form__label" for="site-locale">
            {t('settings.site.defaultLocale')}
          </label>
          <select
            id="site-locale"
            class="field__input"
            value={draft.settings.defaultLocale ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              updateSettings({ defaultLocale: value === '' ? null : (value as Locale) });
            }}
          >
            <option value="">{t('settings.site.browserLocale')}</option>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {t(`locale.${locale}`)}
              </option>
            ))}
          </select>
        </div>
        <AfterSalesFields
          draft={draft.afterSales}
          problem={problem}
          onChange={(patch) => update((current) => ({ ...current, afterSales: { ...current.afterSales, ...patch } }))}
        />
      </fieldset>
      {editable && (
        <div class="settings-form__actions">
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t('settings.saving') : site ? t('settings.save') : t('settings.site.create')}
          </button>
        </div>
      )}
    </form>
  );
}
