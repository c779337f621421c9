import type { Rating } from '@aftercare/shared';
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../lib/agent-socket.js';
import { useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';

type Loaded = { status: 'loading' } | { status: 'error' } | { status: 'ready'; ratings: Rating[] };

/** The customer's post-service ratings in their file: score, what was rated, when, and the comment. */
export function CustomerRatings({ workspace, customerId }: { workspace: Workspace; customerId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoaded({ status: 'loading' });
    void request(workspace.socket, 'rating:list', { customerId }).then((result) => {
      if (current)
        setLoaded('error' in result ? { status: 'error' } : { status: 'ready', ratings: result.data.ratings });
    });
    // A rating given while the file is open shows on the next open; alerts tell about low ones at once.
    return () => {
      current = false;
    };
  }, [workspace, customerId, attempt]);

  return (
    <section class="customer-panel__section" aria-labelledby="ratings-heading" aria-busy={loaded.status === 'loading'}>
      <h2 id="ratings-heading" class="customer-panel__heading">
        {t('rating.section')}
      </h2>
      {loaded.status === 'error' && (
        <p class="contact-details__error">
          {t('rating.loadFailed')}{' '}
          <button type="button" class="button button--small" onClick={() => setAttempt((count) => count + 1)}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {loaded.status === 'ready' && loaded.ratings.length === 0 && <p class="details-list__none">{t('rating.none')}</p>}
      {loaded.status === 'ready' && loaded.ratings.length > 0 && (
        <ul class="customer-ratings">
          {loaded.ratings.map((rating) => (
            <li key={rating.id} class="customer-ratings__item" data-score={rating.score}>
              <span class="customer-ratings__score">{t('rating.score', { score: rating.score })}</span>
              <span class="customer-ratings__meta">
                {t(`rating.subject.${rating.subject.kind}`)} · {i18n.formatTime(rating.updatedAt)}
                {rating.product && ` · ${rating.product.name}`}
              </span>
              {rating.comment && <q class="customer-ratings__comment">{rating.comment}</q>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
