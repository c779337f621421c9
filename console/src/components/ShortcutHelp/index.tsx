import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { SHORTCUTS } from '../../lib/shortcuts.js';
import './style.css';

export interface ShortcutHelpProps {
  open: boolean;
  onClose(): void;
}

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The keyboard shortcuts overlay: a modal `<dialog>` (the page behind is inert), Escape closes it,
 * Tab stays inside, and focus returns to where it was when it closes.
 */
export function ShortcutHelp({ open, onClose }: ShortcutHelpProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!open || !element) return;
    const returnTo = document.activeElement as HTMLElement | null;
    element.showModal();
    element.querySelector<HTMLElement>('.shortcut-help__close')?.focus();
    return () => {
      if (element.open) element.close();
      returnTo?.focus();
    };
  }, [open]);

  // The modal dialog makes the page inert, but Tab could still leave for the browser's own UI.
  function trapTab(event: KeyboardEvent) {
    if (event.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  if (!open) return null;
  return (
    <dialog
      ref={dialog}
      class="shortcut-help"
      aria-labelledby="shortcut-help-title"
      aria-describedby="shortcut-help-intro"
      onKeyDown={trapTab}
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
