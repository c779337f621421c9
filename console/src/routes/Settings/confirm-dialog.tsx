import { useI18n } from '../../lib/i18n.js';
import { useModalDialog } from '../../lib/use-modal-dialog.js';

export interface ConfirmDialogProps {
  /** The question, e.g. "Deactivate Bob?". */
  title: string;
  /** What will happen. */
  body: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal yes/no for a change that is hard to undo (deactivating an agent, deleting a team).
 * Cancel has the focus first, so a stray Enter does nothing harmful; Escape cancels.
 */
export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useI18n();
  const dialog = useModalDialog(true, '.confirm-dialog__cancel');
  return (
    <dialog
      ref={dialog.ref}
      class="modal-dialog confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onKeyDown={dialog.onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title" class="confirm-dialog__title">
        {title}
      </h2>
      <p id="confirm-body">{body}</p>
      <div class="settings-form__actions">
        <button type="button" class="button confirm-dialog__cancel" onClick={onCancel}>
          {t('settings.cancel')}
        </button>
        <button type="button" class="button button--danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
