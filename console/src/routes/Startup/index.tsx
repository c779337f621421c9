import { useI18n } from '../../lib/i18n.js';

export interface StartupScreenProps {
  unreachable: boolean;
  onRetry(): void;
}

/** Shown while the session cookie is checked, or when the server could not be reached at all. */
export function StartupScreen({ unreachable, onRetry }: StartupScreenProps) {
  const { t } = useI18n();
  return (
    <main class="startup">
      <h1 class="startup__brand">{t('app.name')}</h1>
      {unreachable ? (
        <div role="alert" class="startup__error">
          <p>{t('app.startFailed')}</p>
          <button type="button" class="button button--primary" onClick={onRetry}>
            {t('app.retry')}
          </button>
        </div>
      ) : (
        <p role="status">{t('app.loading')}</p>
      )}
    </main>
  );
}
