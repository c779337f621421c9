import { useEffect, useRef } from 'preact/hooks';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Behaviour every modal `<dialog>` of the console shares: opened with `showModal()` (the page
 * behind becomes inert), the element matching `initialFocus` focused, Tab kept inside, and focus
 * returned to where it was when the dialog closes. Spread `onKeyDown` on the dialog and give it `ref`.
 */
export function useModalDialog(open: boolean, initialFocus: string) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!open || !element) return;
    const returnTo = document.activeElement as HTMLElement | null;
    element.showModal();
    element.querySelector<HTMLElement>(initialFocus)?.focus();
    return () => {
      if (element.open) element.close();
      returnTo?.focus();
    };
  }, [open, initialFocus]);

  // The modal dialog makes the page inert, but Tab could still leave for the browser's own UI.
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (item) => !item.hasAttribute('disabled'),
    );
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

  return { ref, onKeyDown };
}
