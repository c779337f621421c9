import { CHAT_LIMITS, type ErrorCode, type RatingRequest } from '@aftercare/shared';
import { format } from '@aftercare/shared/i18n/locale.js';
import { en } from '@aftercare/shared/i18n/widget-ratings/en.js';
import { zhCN } from '@aftercare/shared/i18n/widget-ratings/zh-CN.js';
import { useState } from 'preact/hooks';
import { chunkStyles } from '../lib/chunk-styles.js';
import { useI18n } from '../lib/i18n.js';
import css from './rating.css?inline';
import type { RatingRequests } from './rating-requests.js';

const SCORES = [1, 2, 3, 4, 5] as const;

/** The card's styles go into the shadow root when it first shows (they are not in the first open's budget). */
const withRatingStyles = chunkStyles('rt', css);

/**
 * Asks the shopper to rate a resolved chat or a closed repair: 1–5 stars as a radio group (arrow
 * keys move between them, each labelled in words), an optional comment, then a thank-you with
 * "change my rating" while the site's window lasts.
 */
export function RatingCard({ request, ratings }: { request: RatingRequest; ratings: RatingRequests }) {
  const { locale } = useI18n();
  const t = (key: string, values?: Record<string, string | number>) =>
    format((locale === 'zh-CN' ? zhCN : en)[key] ?? key, values);
  const given = request.rating;
  const [editing, setEditing] = useState(given === null);
  const [score, setScore] = useState<number>(given?.score ?? 0);
  const [comment, setComment] = useState(given?.comment ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `rt-${request.subject.id}`;
  const changeable = given !== null && given.changeableUntil > Date.now();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!score) return setError(t('rateChooseScore'));
    setBusy(true);
    setError(null);
    const code: ErrorCode | null = await ratings.submit(request.subject, score, comment);
    setBusy(false);
    if (code === null) setEditing(false);
    else setError(t(code === 'CONFLICT' ? 'rateFinal' : 'rateFailed'));
  };

  return (
    <section class="rt" aria-labelledby={`${id}-h`} ref={withRatingStyles}>
      <h3 id={`${id}-h`}>
        {request.ticketNumber ? t('rateTicketTitle', { number: request.ticketNumber }) : t('rateChatTitle')}
      </h3>
      {request.agentName && <p class="rt-k">{t('rateWithAgent', { name: request.agentName })}</p>}
      {request.product && <p class="rt-k">{t('rateAbout', { product: request.product.name })}</p>}
      {!editing && given ? (
        <div class="rt-done">
          <p role="status">
            {t('rateThanks')} {t('rateGiven', { score: given.score })}
          </p>
          {changeable && (
            <>
              <p class="rt-k">
                {t('rateChangeUntil', {
                  when: new Date(given.changeableUntil).toLocaleString(locale, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  }),
                })}
              </p>
              <button type="button" class="btn ghost" onClick={() => setEditing(true)}>
                {t('rateChange')}
              </button>
            </>
          )}
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <fieldset class="rt-s">
            <legend>{t('rateScoreLegend')}</legend>
            {SCORES.map((value) => (
              <span key={value}>
                <input
                  type="radio"
                  id={`${id}-${value}`}
                  name={`${id}-score`}
                  value={value}
                  checked={score === value}
                  onChange={() => setScore(value)}
                />
                <label for={`${id}-${value}`} class={value <= score ? 'on' : undefined} title={t(`rateStar${value}`)}>
                  <span aria-hidden="true">★</span>
                  <span class="sr">{t(`rateStar${value}`)}</span>
                </label>
              </span>
            ))}
          </fieldset>
          <label class="rt-c">
            {t('rateComment')}
            <textarea
              rows={2}
              maxLength={CHAT_LIMITS.ratingComment}
              value={comment}
              onInput={(event) => setComment(event.currentTarget.value)}
            />
          </label>
          {error && (
            <p class="err" role="alert">
              {error}
            </p>
          )}
          <div class="rt-b">
            <button type="submit" class="btn" disabled={busy}>
              {busy ? t('rateSending') : t('rateSend')}
            </button>
            {given === null && (
              <button type="button" class="btn ghost" onClick={() => ratings.putOffRequest(request.subject)}>
                {t('rateLater')}
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
