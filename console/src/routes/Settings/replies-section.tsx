import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';

const selectCanned = (state: WorkspaceState) => state.canned;

/** Saved replies are managed in the existing dialog (the same one the top bar opens); this links to it. */
export function RepliesSection({ workspace, onManage }: { workspace: Workspace; onManage(): void }) {
  const { t } = useI18n();
  const canned = useStore(workspace.store, selectCanned);
  return (
    <div class="settings-form settings-form--compact">
      <p>{t('canned.intro')}</p>
      <p class="settings-form__muted">{t('settings.replies.count', { count: canned.length })}</p>
      <button type="button" class="button button--primary" aria-haspopup="dialog" onClick={onManage}>
        {t('settings.replies.manage')}
      </button>
    </div>
  );
}
