import type { FollowUp, FollowUpView } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';
import { OutcomeForm } from './outcome-form.js';

/** One follow-up in the list; in the "due" view with its "record the call" action and form. */
export function FollowUpRow(props: {
  followUp: FollowUp;
  customerName: string | null;
  view: FollowUpView;
  recording: boolean;
  onRecord(): void;
  onCancel(): void;
  onSave: Parameters<typeof OutcomeForm>[0]['onSave'];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { followUp, view } = props;
  const late = view === 'due' && followUp.lateAt <= Date.now();
  return (
    <>
      <tr class={late ? 'follow-ups__row follow-ups__row--late' : 'follow-ups__row'} data-follow-up={followUp.id}>
        <td>
          <a href={`#/tickets/${followUp.ticketId}`}>{followUp.ticketNumber}</a>
        </td>
        <td>{props.customerName ?? t('followUps.noName')}</td>
        <td>{followUp.product?.name ?? '—'}</td>
        <td>{t('followUps.sequenceValue', { sequence: followUp.sequence })}</td>
        <td>
          {view === 'done' ? (
            <>
              {followUp.outcome && t(`followUps.outcome.${followUp.outcome}`)}
              {followUp.note && <span class="follow-ups__note">{followUp.note}</span>}
              {followUp.doneAt && (
                <span class="follow-ups__meta">
                  {t('followUps.doneAt', { when: i18n.formatTime(followUp.doneAt) })}
                </span>
              )}
            </>
          ) : (
            <>
              {i18n.formatTime(followUp.dueAt)}
              {late && (
                <span class="follow-ups__late">{t('followUps.late', { when: i18n.formatTime(followUp.lateAt) })}</span>
              )}
            </>
          )}
        </td>
        {view === 'due' && (
          <td>
            {!props.recording && (
              <button
                type="button"
                class="button button--small"
                aria-label={t('followUps.recordFor', { number: followUp.ticketNumber })}
                onClick={props.onRecord}
              >
                {t('followUps.record')}
              </button>
            )}
          </td>
        )}
      </tr>
      {props.recording && (
        <tr class="follow-ups__form-row">
          <td colSpan={6}>
            <OutcomeForm followUp={followUp} onSave={props.onSave} onCancel={props.onCancel} />
          </td>
        </tr>
      )}
    </>
  );
}
