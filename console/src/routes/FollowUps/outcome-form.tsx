import { FOLLOW_UP_OUTCOMES, type FollowUp, type FollowUpOutcome, LIMITS } from '@aftercare/shared';
import { useState } from 'preact/hooks';
import type { ClientErrorCode } from '../../lib/agent-socket.js';
import { useI18n } from '../../lib/i18n.js';

/** Records how a follow-up call went: one outcome (radio group) and an optional note. */
export function OutcomeForm({
  followUp,
  onSave,
  onCancel,
}: {
  followUp: FollowUp;
  onSave(outcome: FollowUpOutcome, note: string): Promise<ClientErrorCode | null>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<FollowUpOutcome>('satisfied');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const id = `outcome-${followUp.id}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const code = await onSave(outcome, note);
    setBusy(false);
    setError(code);
  };

  return (
    <form
      class="outcome-form"
      onSubmit={submit}
      aria-label={t('followUps.recordFor', { number: followUp.ticketNumber })}
    >
      <fieldset class="outcome-form__choices">
        <legend>{t('followUps.outcomeLegend')}</legend>
        {FOLLOW_UP_OUTCOMES.map((value) => (
          <label key={value} class="outcome-form__choice">
            <input
              type="radio"
              name={`${id}-outcome`}
              value={value}
              checked={outcome === value}
              onChange={() => setOutcome(value)}
            />
            {t(`followUps.outcome.${value}`)}
          </label>
        ))}
      </fieldset>
      <label class="outcome-form__note">
        {t('followUps.note')}
        <textarea
          rows={2}
          maxLength={LIMITS.followUpNote}
          value={note}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </label>
      {error && (
        <p class="outcome-form__error" role="alert">
          {error === 'CONFLICT' ? t('followUps.error.CONFLICT') : t('followUps.error.generic')}
        </p>
      )}
      <div class="outcome-form__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {t('followUps.save')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('followUps.cancel')}
        </button>
      </div>
    </form>
  );
}
