import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../lib/i18n.js';

/** A few everyday emoji. They are inserted as plain text; each button's name is the emoji itself,
 * which screen readers speak by its Unicode name, so no extra labels need translating. */
const EMOJI = ['😊', '👍', '🙏', '😢', '😠', '🎉', '❓', '✅'];

/** A small emoji menu beside the message box; choosing one inserts it where the caret is. */
export function EmojiPicker({ onPick }: { onPick(emoji: string): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation(); // Close the menu, not the whole panel.
    setOpen(false);
    toggle.current?.focus(); // The focused emoji button is about to disappear.
  };
  return (
    <div class="em">
      <button
        type="button"
        class="send em-t"
        ref={toggle}
        aria-label={t('emoji')}
        aria-expanded={open}
        aria-controls="ac-emoji"
        onClick={() => setOpen(!open)}
        onKeyDown={closeOnEscape}
      >
        ☺
      </button>
      {open && (
        <fieldset class="em-l" id="ac-emoji">
          <legend class="sr">{t('emoji')}</legend>
          {EMOJI.map((emoji) => (
            <button
              key={emoji}
              type="button"
              onKeyDown={closeOnEscape}
              onClick={() => {
                setOpen(false);
                onPick(emoji);
              }}
            >
              {emoji}
            </button>
          ))}
        </fieldset>
      )}
    </div>
  );
}
