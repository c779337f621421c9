import { useCallback, useState } from 'preact/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog/index.js';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { countUnfinishedDrafts, countUnsentReplies } from '../../lib/workspace/unsent-work.js';

/** Where an explicit sign-out is: nothing asked, waiting for the server, or refused by the network. */
export type SignOutState = 'idle' | 'signing-out' | 'failed';

/** The top bar's Sign out, as the inbox screen runs it (see `useSignOut`). */
export interface SignOutFlow {
  /** The confirmation is shown. */
  confirming: boolean;
  state: SignOutState;
  /** The Sign out button: asks first when there is unsent work, otherwise signs out at once. */
  request(): void;
  /** Keeps everything as it was: still signed in, drafts and outbox intact. */
  cancel(): void;
  /** Ends the session, then discards the tab's unsent work. */
  confirm(): void;
}

/**
 * An explicit sign-out discards this tab's unsent replies and drafts once the session has ended,
 * so the same agent signing in later in the tab never sends stale replies, and a shared computer
 * keeps no text in its storage; when there are any, the agent confirms first. A sign-out the server
 * did not confirm (offline, server down) keeps the agent signed in with their work, and says so:
 * the session is still valid, so showing the sign-in screen would be a lie. A session that ends by
 * itself (revoked, expired) keeps the work: that path is `onSessionEnded`, not this one.
 */
export function useSignOut(
  workspace: Workspace,
  endSession: () => Promise<boolean>,
  onSignedOut: () => void,
): SignOutFlow {
  const [confirming, setConfirming] = useState(false);
  const [state, setState] = useState<SignOutState>('idle');
  const confirm = useCallback(() => {
    setConfirming(false);
    setState('signing-out');
    void endSession().then((ended) => {
      if (!ended) {
        setState('failed');
        return;
      }
      workspace.discardUnsent();
      onSignedOut();
    });
  }, [workspace, endSession, onSignedOut]);
  const request = useCallback(() => {
    const unsent = workspace.unsentWork();
    if (unsent.replies === 0 && unsent.drafts === 0) confirm();
    else setConfirming(true);
  }, [workspace, confirm]);
  const cancel = useCallback(() => setConfirming(false), []);
  return { confirming, state, request, cancel, confirm };
}

export interface SignOutDialogProps {
  workspace: Workspace;
  onCancel(): void;
  onConfirm(): void;
}

/**
 * "Sign out with unsent work?": how many replies are not sent and how many drafts are unfinished
 * (only the kinds there are), counted live, as a reply may still be delivered while it is open.
 */
export function SignOutDialog({ workspace, onCancel, onConfirm }: SignOutDialogProps) {
  const { t } = useI18n();
  const replies = useStore(workspace.store, countUnsentReplies);
  const drafts = useStore(workspace.store, countUnfinishedDrafts);
  if (replies === 0 && drafts === 0) {
    return (
      <ConfirmDialog
        title={t('signOut.nothingLeftTitle')}
        body={t('signOut.nothingLeft')}
        confirmLabel={t('header.signOut')}
        onCancel={onCancel}
        onConfirm={onConfirm}
      />
    );
  }
  const details: string[] = [];
  if (replies > 0) {
    details.push(t(replies === 1 ? 'signOut.unsentReplies.one' : 'signOut.unsentReplies.other', { count: replies }));
  }
  if (drafts > 0) {
    details.push(
      t(drafts === 1 ? 'signOut.unfinishedDrafts.one' : 'signOut.unfinishedDrafts.other', { count: drafts }),
    );
  }
  return (
    <ConfirmDialog
      title={t('signOut.unsentTitle')}
      details={details}
      body={t('signOut.discardWarning')}
      confirmLabel={t('signOut.discard')}
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}
