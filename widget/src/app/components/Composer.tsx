import { LIMITS } from '@aftercare/shared';
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../lib/i18n.js';
import { EmojiPicker } from './EmojiPicker.js';

interface ComposerProps {
  onSend(text: string): void;
  onTyping(typing: boolean): void;
}

/** The message box: Enter sends, Shift+Enter starts a new line. Sending never waits for the network. */
export function Composer({ onSend, onTyping }: ComposerProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const tooLong = text.length > LIMITS.messageText;

  const send = (event?: Event) => {
    event?.preventDefault();
    if (!text.trim() || tooLong) return;
    onSend(text);
    setText('');
  };

  return (
    <form class="cp" onSubmit={send}>
      <label class="sr" for="ac-text">
        {t('composerLabel')}
      </label>
      <textarea
        id="ac-text"
        ref={box}
        rows={1}
        value={text}
        placeholder={t('composerPlaceholder')}
        aria-invalid={tooLong ? 'true' : undefined}
        aria-describedby={tooLong ? 'ac-text-error' : undefined}
        onInput={(event) => {
          setText(event.currentTarget.value);
          onTyping(event.currentTarget.value.length > 0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) send(event);
        }}
      />
      <EmojiPicker
        onPick={(emoji) => {
          const field = box.current;
          const start = field?.selectionStart ?? text.length;
          const end = field?.selectionEnd ?? text.length;
          setText(text.slice(0, start) + emoji + text.slice(end));
          field?.focus();
          // After Preact has written the new value, put the caret after the emoji.
          requestAnimationFrame(() => field?.setSelectionRange(start + emoji.length, start + emoji.length));
        }}
      />
      <button class="send" type="submit" aria-label={t('send')} disabled={!text.trim() || tooLong}>
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M3 20.5l18-8.5L3 3.5v6.6l12 1.9-12 1.9z" />
        </svg>
      </button>
      {tooLong && (
        <span class="err" id="ac-text-error" role="alert">
          {t('tooLong', { max: LIMITS.messageText })}
        </span>
      )}
    </form>
  );
}
