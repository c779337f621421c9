import type { SiteIdentity } from '@aftercare/shared';
import { useEffect, useState } from 'preact/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog/index.js';
import { type ClientError, type RequestResult, request } from '../../lib/agent-socket.js';
import { type ConsoleMessageKey, useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { FormMessages } from './form-messages.js';

export interface IdentitySectionProps {
  workspace: Workspace;
  siteId: string;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; error: ClientError }
  | { status: 'ready'; identity: SiteIdentity };

const ERROR_CODES_WITH_TEXT = new Set(['FORBIDDEN', 'NOT_FOUND', 'OFFLINE']);

function errorKey(error: Pick<ClientError, 'code'>): ConsoleMessageKey {
  return ERROR_CODES_WITH_TEXT.has(error.code)
    ? (`identity.error.${error.code}` as ConsoleMessageKey)
    : 'identity.error.generic';
}

/**
 * A site's identity verification (admins only): the secret the shop's server signs user ids with,
 * copy and rotate (after a confirmation, since it breaks every hash made so far), and the switch
 * that requires verification. Changes apply at once, apart from the site form's Save button: they
 * are not part of the site record (the secret must never reach other roles).
 */
export function IdentitySection({ workspace, siteId }: IdentitySectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // The switch shows the admin's choice while it is on the wire; a refusal puts the stored value back.
  const [requested, setRequested] = useState<boolean | null>(null);

  async function load() {
    setLoaded({ status: 'loading' });
    const res = await request(workspace.socket, 'site-identity:get', { siteId });
    setLoaded(
      'error' in res ? { status: 'error', error: res.error } : { status: 'ready', identity: res.data.identity },
    );
  }

  useEffect(() => {
    setNotice('');
    setError(null);
    void load();
  }, [workspace, siteId]);

  /** Sends a change; on success shows the stored settings and `done`, else the refusal. */
  async function change(send: () => Promise<RequestResult<{ identity: SiteIdentity }>>, done: string) {
    setBusy(true);
    setNotice('');
    setError(null);
    const res = await send();
    setBusy(false);
    setRequested(null);
    if ('error' in res) return setError(t(errorKey(res.error)));
    setLoaded({ status: 'ready', identity: res.data.identity });
    setNotice(done);
  }

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      setNotice(t('identity.copied'));
    } catch {
      // Blocked clipboard (permissions, insecure origin): the secret stays selectable by hand.
      setNotice(t('identity.copyFailed'));
    }
  }

  return (
    <section class="settings-form__group identity-section" aria-labelledby="identity-heading">
      <h3 id="identity-heading" class="settings-form__subheading">
        {t('identity.title')}
      </h3>
      <p class="settings-form__hint">{t('identity.hint')}</p>
      <FormMessages notice={notice} error={error} />
      {loaded.status === 'loading' && <p class="settings-form__muted">{t('identity.loading')}</p>}
      {loaded.status === 'error' && (
        <p class="settings-form__form-error" role="alert">
          {t(errorKey(loaded.error))}{' '}
          <button type="button" class="button button--small" onClick={() => void load()}>
            {t('identity.retry')}
          </button>
        </p>
      )}
      {loaded.status === 'ready' && (
        <>
          <div class="settings-form__field">
            <label class="settings-form__label" for="identity-secret">
              {t('identity.secret')}
            </label>
            <input
              id="identity-secret"
              class="field__input identity-section__secret"
              readOnly
              spellcheck={false}
              autocomplete="off"
              value={loaded.identity.secret}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
          <p class="settings-form__hint">
            {t('identity.rotatedAt', { time: i18n.formatTime(loaded.identity.rotatedAt) })}
          </p>
          <div class="settings-form__inline">
            <button type="button" class="button" onClick={() => void copy(loaded.identity.secret)}>
              {t('identity.copy')}
            </button>
            <button type="button" class="button button--danger" disabled={busy} onClick={() => setConfirming(true)}>
              {t('identity.rotate')}
            </button>
          </div>
          <label class="settings-form__check">
            <input
              type="checkbox"
              checked={requested ?? loaded.identity.required}
              disabled={busy}
              aria-describedby="identity-required-hint"
              onChange={(event) => {
                const required = event.currentTarget.checked;
                setRequested(required);
                void change(
                  () => request(workspace.socket, 'site-identity:update', { siteId, required }),
                  t(required ? 'identity.requiredOn' : 'identity.requiredOff'),
                );
              }}
            />
            {t('identity.required')}
          </label>
          <p id="identity-required-hint" class="settings-form__hint">
            {t('identity.requiredHint')}
          </p>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('identity.rotateTitle')}
          body={t('identity.rotateBody')}
          confirmLabel={t('identity.rotate')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void change(() => request(workspace.socket, 'site-identity:rotate', { siteId }), t('identity.rotated'));
          }}
        />
      )}
    </section>
  );
}
