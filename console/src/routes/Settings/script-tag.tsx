import { useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';

/**
 * The tag a shop pastes into its pages. The console is served by the server the widget talks to,
 * so the page's own origin is the server's public origin (`PUBLIC_URL`).
 */
export function scriptTag(origin: string, siteKey: string): string {
  return `<script src="${origin}/widget.js" data-site="${siteKey}" async></script>`;
}

/** The site's script tag with a copy button; the outcome is announced to screen readers. */
export function ScriptTag({ siteKey }: { siteKey: string }) {
  const { t } = useI18n();
  const tag = scriptTag(location.origin, siteKey);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(tag);
      setStatus('copied');
    } catch {
      // Blocked clipboard (permissions, insecure origin): the tag stays selectable by hand.
      setStatus('failed');
    }
  }

  return (
    <section class="settings-form__group script-tag" aria-labelledby="script-tag-heading">
      <h3 id="script-tag-heading" class="settings-form__subheading">
        {t('settings.site.scriptTag')}
      </h3>
      <p class="settings-form__hint">{t('settings.site.scriptTagHint')}</p>
      <pre class="script-tag__code" data-testid="script-tag">
        <code>{tag}</code>
      </pre>
      <div class="settings-form__inline">
        <button type="button" class="button" onClick={() => void copy()}>
          {t('settings.site.copy')}
        </button>
        <span role="status" class="settings-form__status">
          {status === 'copied' ? t('settings.site.copied') : status === 'failed' ? t('settings.site.copyFailed') : ''}
        </span>
      </div>
    </section>
  );
}
