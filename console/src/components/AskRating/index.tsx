import type { RatingRequestPayload } from '@aftercare/shared';
import { useState } from 'preact/hooks';
import { type ClientErrorCode, request } from '../../lib/agent-socket.js';
import { useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';

type Outcome = { delivered: boolean } | { error: ClientErrorCode } | null;

/**
 * "Ask for rating" of a chat or a repair ticket: sends the shopper the rating card now (on demand,
 * issue 5 item 7). The answer
 * says whether their widget was open; if not, they are asked on their next visit.
 */
export function AskRating({ workspace, target }: { workspace: Workspace; target: RatingRequestPayload }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const ask = async () => {
    setBusy(true);
    const result = await request(workspace.socket, 'rating:request', target);
    setBusy(false);
    setOutcome('error' in result ? { error: result.error.code } : { delivered: result.data.delivered });
  };

  return (
    <div class="ask-rating">
      <button type="button" class="button" disabled={busy} onClick={ask}>
        {t('rating.ask')}
      </button>
      <span role="status" class="ask-rating__outcome">
        {outcome &&
          ('error' in outcome
            ? outcome.error === 'CONFLICT'
              ? t('rating.error.CONFLICT')
              : t('rating.error.generic')
            : outcome.delivered
              ? t('rating.asked')
              : t('rating.askedLater'))}
      </span>
    </div>
  );
}
