import { useId } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useModalDialog } from '../../lib/use-modal-dialog.js';
import './style.css';

export interface ConfirmDialogProps {
  /** The question, e.g. "Deactivate Bob?". */
  title: string;
  /** What will happen. */
  body: string;
  /** Facts listed before the body, one per line (e.g. what would be lost). */
  details?: readonly string[];
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal yes/no for a change that is hard to undo (deactivating an agent, deleting a team,
 * signing out with unsent work). Cancel has the focus first, so a stray Enter does nothing
 * harmful; Escape cancels. Show it by rendering it, hide it by not rendering it.
 */
export function ConfirmDialog({ title, body, details, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useI18n();
  const dialog = useModalDialog(true, '.confirm-dialog__cancel');
  const id = useId();
  return (
    <dialog
      ref={dialog.ref}
      class="modal-dialog confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={details?.length ? `${id}-details ${id}-body` : `${id}-body`}
      onKeyDown={dialog.onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`} class="confirm-dialog__title">
        {title}
      </h2>
      {details?.length ? (
        <ul id={`${id}-details`} class="confirm-dialog__details">
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      ) : null}
      <p id={`${id}-body`}>{body}</p>
      <div class="confirm-dialog__actions">
        <button type="button" class="button confirm-dialog__cancel" onClick={onCancel}>
          {t('dialog.cancel')}
        </button>
        <button type="button" class="button button--danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
