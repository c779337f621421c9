import { FOLLOW_UP_VIEWS, type FollowUpView } from '@aftercare/shared';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { createFollowUpList, type FollowUpListState } from './follow-up-list.js';
import { FollowUpRow } from './follow-up-row.js';
import './style.css';

const selectState = (state: FollowUpListState) => state;

/**
 * Follow-up calls on closed repairs (回访): what is due now, what is coming, and what was recorded.
 * Due items are read from the server against its clock, so they are right after any restart.
 */
export function FollowUpsScreen({ workspace }: { workspace: Workspace }) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = useMemo(() => createFollowUpList(workspace.socket), [workspace]);
  useEffect(() => {
    void list.show('due');
    return () => list.dispose();
  }, [list]);
  const state = useStore(list.store, selectState);
  const [recording, setRecording] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const choose = (view: FollowUpView) => {
    setRecording(null);
    void list.show(view);
  };

  return (
    <main id="follow-ups-main" class="follow-ups" tabIndex={-1} aria-labelledby="follow-ups-title">
      <h1 id="follow-ups-title" class="follow-ups__title">
        {t('followUps.title')}
      </h1>
      <nav class="follow-ups__views" aria-label={t('followUps.views')}>
        {FOLLOW_UP_VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            class="button button--small"
            aria-pressed={state.view === view}
            onClick={() => choose(view)}
          >
            {t(`followUps.view.${view}`)}
          </button>
        ))}
      </nav>
      <p class="follow-ups__saved" role="status">
        {saved}
      </p>
      {state.status === 'loading' && <p class="follow-ups__hint">{t('followUps.loading')}</p>}
      {state.status === 'error' && (
        <p class="follow-ups__hint">
          {t('followUps.loadFailed')}{' '}
          <button type="button" class="button button--small" onClick={list.retry}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {state.status === 'ready' && state.followUps.length === 0 && (
        <p class="follow-ups__hint">{t(`followUps.empty.${state.view}`)}</p>
      )}
      {state.status === 'ready' && state.followUps.length > 0 && (
        <table class="follow-ups__table">
          <thead>
            <tr>
              <th scope="col">{t('followUps.ticket')}</th>
              <th scope="col">{t('followUps.customer')}</th>
              <th scope="col">{t('followUps.product')}</th>
              <th scope="col">{t('followUps.sequence')}</th>
              <th scope="col">{state.view === 'done' ? t('followUps.outcomeColumn') : t('followUps.dueAt')}</th>
              {state.view === 'due' && <th scope="col">{t('followUps.record')}</th>}
            </tr>
          </thead>
          <tbody>
            {state.followUps.map((followUp) => (
              <FollowUpRow
                key={followUp.id}
                followUp={followUp}
                customerName={state.customerNames[followUp.customerId] ?? null}
                view={state.view}
                recording={recording === followUp.id}
                onRecord={() => setRecording(followUp.id)}
                onCancel={() => setRecording(null)}
                onSave={async (outcome, note) => {
                  const code = await list.complete({
                    followUpId: followUp.id,
                    outcome,
                    ...(note.trim() ? { note } : {}),
                  });
                  if (code === null) {
                    setRecording(null);
                    setSaved(t('followUps.saved', { number: followUp.ticketNumber }));
                  }
                  return code;
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {state.status === 'ready' && state.hasMore && (
        <button type="button" class="button" onClick={() => void list.more()}>
          {t('followUps.more')}
        </button>
      )}
    </main>
  );
}
