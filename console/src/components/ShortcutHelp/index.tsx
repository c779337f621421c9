import { useI18n } from '../../lib/i18n.js';
import { SHORTCUTS } from '../../lib/shortcuts.js';
import { useModalDialog } from '../../lib/use-modal-dialog.js';
import './style.css';

export interface ShortcutHelpProps {
  open: boolean;
  onClose(): void;
}

/**
 * The keyboard shortcuts overlay: a modal `<dialog>` (the page behind is inert), Escape closes it,
 * Tab stays inside, and focus returns to where it was when it closes.
 */
export function ShortcutHelp({ open, onClose }: ShortcutHelpProps) {
  const { t } = useI18n();
  const dialog = useModalDialog(open, '.shortcut-help__close');

  if (!open) return null;
  return (
    <dialog
      ref={dialog.ref}
      class="shortcut-help modal-dialog"
      aria-labelledby="shortcut-help-title"
      aria-describedby="shortcut-help-intro"
      onKeyDown={dialog.onKeyDown}
      onCancel={(event) => {
        // Escape: let the component own the closing, so the focus goes back where it was.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="shortcut-help-title" class="shortcut-help__title">
        {t('shortcuts.title')}
      </h2>
      <p id="shortcut-help-intro" class="shortcut-help__intro">
        {t('shortcuts.intro')}
      </p>
      <dl class="shortcut-help__list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action} class="shortcut-help__item">
            <dt>
              {shortcut.keys.map((keyName, index) => (
                <span key={keyName}>
                  {index > 0 && ` ${t('shortcuts.or')} `}
                  <kbd>{keyName}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(shortcut.label)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" class="button shortcut-help__close" onClick={onClose}>
        {t('shortcuts.close')}
      </button>
    </dialog>
  );
}
