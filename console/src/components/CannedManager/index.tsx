import type { CannedResponse, CannedResponseInput } from '@aftercare/shared';
import { useState } from 'preact/hooks';
import { type CannedFieldError, validateCannedInput } from '../../lib/canned.js';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import { useModalDialog } from '../../lib/use-modal-dialog.js';
import type { CannedResult } from '../../lib/workspace/canned-actions.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { CannedForm } from './canned-form.js';
import './style.css';

export interface CannedManagerProps {
  workspace: Workspace;
  open: boolean;
  onClose(): void;
}

const selectCanned = (state: WorkspaceState) => state.canned;
const EMPTY: CannedResponseInput = { shortcut: '', title: '', text: '' };

/**
 * Supervisors and admins manage the shop's saved replies: a modal dialog (opened from the top bar)
 * with the list, edit and delete per row, and one form for a new reply or the one being edited.
 * Fields are checked before sending; the server's refusals (a taken shortcut) show on the field.
 */
export function CannedManager({ workspace, open, onClose }: CannedManagerProps) {
  const { t } = useI18n();
  const dialog = useModalDialog(open, '#canned-shortcut');
  const responses = useStore(workspace.store, selectCanned);
  const [editing, setEditing] = useState<CannedResponse | null>(null);
  const [values, setValues] = useState<CannedResponseInput>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof CannedResponseInput, CannedFieldError | 'CONFLICT'>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  function startEdit(response: CannedResponse | null) {
    setEditing(response);
    setValues(response ? { shortcut: response.shortcut, title: response.title, text: response.text } : EMPTY);
    setErrors({});
    setFormError(null);
    dialog.ref.current?.querySelector<HTMLElement>('#canned-shortcut')?.focus();
  }

  function explain(result: Exclude<CannedResult, { ok: true }>) {
    if (result.code === 'CONFLICT') setErrors({ shortcut: 'CONFLICT' });
    else if (result.code === 'FORBIDDEN' || result.code === 'OFFLINE') setFormError(t(`canned.error.${result.code}`));
    else setFormError(t('canned.error.generic'));
  }

  async function submit() {
    const input = { shortcut: values.shortcut.trim(), title: values.title.trim(), text: values.text };
    const invalid = validateCannedInput(input);
    setErrors(invalid);
    setFormError(null);
    if (Object.keys(invalid).length > 0) {
      const first = (['shortcut', 'title', 'text'] as const).find((name) => invalid[name]);
      dialog.ref.current?.querySelector<HTMLElement>(`#canned-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const result = await workspace.saveCanned(input, editing?.id);
    setBusy(false);
    if (!result.ok) return explain(result);
    setNotice(t('canned.saved', { shortcut: input.shortcut }));
    startEdit(null);
  }

  async function remove(response: CannedResponse) {
    const result = await workspace.deleteCanned(response.id);
    if (!result.ok) return explain(result);
    if (editing?.id === response.id) startEdit(null);
    setNotice(t('canned.deleted', { shortcut: response.shortcut }));
  }

  if (!open) return null;
  return (
    <dialog
      ref={dialog.ref}
      class="canned-manager modal-dialog"
      aria-labelledby="canned-manager-title"
      aria-describedby="canned-manager-intro"
      onKeyDown={dialog.onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div class="canned-manager__head">
        <h2 id="canned-manager-title" class="canned-manager__title">
          {t('canned.title')}
        </h2>
        <button type="button" class="button button--small" onClick={onClose}>
          {t('canned.close')}
        </button>
      </div>
      <p id="canned-manager-intro" class="canned-manager__intro">
        {t('canned.intro')}
      </p>
      <p class="canned-manager__notice" role="status">
        {notice}
      </p>
      {responses.length === 0 ? (
        <p class="canned-manager__empty">{t('canned.empty')}</p>
      ) : (
        <ul class="canned-manager__list" aria-label={t('canned.list')}>
          {responses.map((response) => (
            <li key={response.id} class="canned-manager__item">
              <div class="canned-manager__summary">
                <span class="canned-manager__shortcut">/{response.shortcut}</span>
                <span class="canned-manager__item-title">{response.title}</span>
                <span class="canned-manager__text">{response.text}</span>
              </div>
              <div class="canned-manager__actions">
                <button
                  type="button"
                  class="button button--small"
                  aria-label={t('canned.editLabel', { shortcut: response.shortcut })}
                  onClick={() => startEdit(response)}
                >
                  {t('canned.edit')}
                </button>
                <button
                  type="button"
                  class="button button--small"
                  aria-label={t('canned.deleteLabel', { shortcut: response.shortcut })}
                  onClick={() => void remove(response)}
                >
                  {t('canned.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <CannedForm
        editing={editing}
        values={values}
        errors={errors}
        formError={formError}
        busy={busy}
        onChange={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
        onSubmit={() => void submit()}
        onCancel={() => startEdit(null)}
      />
    </dialog>
  );
}
