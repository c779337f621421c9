import { type Agent, type ErrorBody, LIMITS } from '@aftercare/shared';
import { useState } from 'preact/hooks';
import { LocaleSwitcher } from '../../components/LocaleSwitcher/index.js';
import type { ApiClient } from '../../lib/api-client.js';
import { type I18n, type Locale, useI18n } from '../../lib/i18n.js';
import './style.css';

export interface SignInScreenProps {
  api: ApiClient;
  /** The previous session ended (expired or signed out elsewhere); say so above the form. */
  expired: boolean;
  onSignedIn(agent: Agent): void;
  onLocaleChange(locale: Locale): void;
}

/** Email and password form; on success the server sets the httpOnly session cookie. */
export function SignInScreen({ api, expired, onSignedIn, onLocaleChange }: SignInScreenProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const res = await api.login({ email: email.trim(), password });
    setBusy(false);
    if (res.ok) onSignedIn(res.data.agent);
    else setError(res.status === 0 ? t('signIn.error.network') : describeError(i18n, res.error));
  }

  return (
    <div class="sign-in">
      <header class="sign-in__top">
        <LocaleSwitcher onChange={onLocaleChange} />
      </header>
      <main class="sign-in__main">
        <form class="sign-in__card" onSubmit={submit} aria-labelledby="sign-in-title">
          <p class="sign-in__brand">{t('app.name')}</p>
          <h1 id="sign-in-title" class="sign-in__title">
            {t('signIn.title')}
          </h1>
          {expired && !error && (
            <p class="sign-in__notice" role="status">
              {t('connection.sessionExpired')}
            </p>
          )}
          <label class="field">
            <span class="field__label">{t('signIn.email')}</span>
            <input
              class="field__input"
              type="email"
              name="email"
              autocomplete="username"
              required
              maxLength={LIMITS.email}
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span class="field__label">{t('signIn.password')}</span>
            <input
              class="field__input"
              type="password"
              name="password"
              autocomplete="current-password"
              required
              maxLength={LIMITS.password}
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </label>
          <div class="sign-in__error" role="alert">
            {error}
          </div>
          <button type="submit" class="button button--primary sign-in__submit" disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}

function describeError({ t }: I18n, error: ErrorBody | null): string {
  switch (error?.code) {
    case 'INVALID_CREDENTIALS':
      return t('signIn.error.INVALID_CREDENTIALS');
    case 'INVALID_PAYLOAD':
      return t('signIn.error.INVALID_PAYLOAD');
    case 'RATE_LIMITED':
      return t('signIn.error.RATE_LIMITED', { seconds: Math.max(1, Math.ceil((error.retryAfterMs ?? 60_000) / 1000)) });
    default:
      return t('signIn.error.generic');
  }
}
