import { ATTACHMENT_TYPES, CHAT_LIMITS } from '@aftercare/shared';
import { useRef, useState } from 'preact/hooks';
import type { Drafts } from '../attachments/drafts.js';
import type { LocalFiles, OutboxFile, UploadTarget } from '../attachments/files.js';
import { useI18n } from '../lib/i18n.js';
import { EmojiPicker } from './EmojiPicker.js';

interface ComposerProps {
  onSend(text: string, files: OutboxFile[]): void;
  onTyping(typing: boolean): void;
  /** Where picked files upload to, and the page's store of their bytes. */
  uploads: { files: LocalFiles; uploadTarget: UploadTarget };
}

/** The message box: Enter sends, Shift+Enter starts a new line. Sending never waits for the network. */
export function Composer({ onSend, onTyping, uploads }: ComposerProps) {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  // The upload code loads on the first attach, paste or drop of a file (size budget of the first open).
  const [drafts, setDrafts] = useState<Drafts | null>(null);
  const [, redraw] = useState(0);
  const tooLong = text.length > CHAT_LIMITS.messageText;
  const hasFiles = drafts?.sendable;

  const loadTray = () => import('../attachments/drafts.js');
  const attach = async (files: File[]) => {
    if (!files.length) return;
    const current = drafts ?? (await loadTray()).createDrafts(uploads, () => redraw(Date.now));
    setDrafts(current);
    current.add(files);
  };

  const send = (event?: Event) => {
    event?.preventDefault();
    if ((!text.trim() && !hasFiles) || tooLong) return;
    onSend(text, drafts?.take() ?? []);
    setText('');
  };

  return (
    <form
      class="cp"
      onSubmit={send}
      onDragOver={(event) => event.dataTransfer?.types.includes('Files') && event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        void attach([...(event.dataTransfer?.files ?? [])]);
      }}
    >
      {drafts?.view(locale)}
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
        // Fetched ahead while the shopper types, so attaching works even if the network drops later.
        onFocus={loadTray}
        onPaste={(event) => {
          const files = [...(event.clipboardData?.files ?? [])];
          if (files.length) event.preventDefault();
          void attach(files);
        }}
      />
      <input
        ref={picker}
        type="file"
        class="sr"
        tabIndex={-1}
        aria-hidden="true"
        multiple
        accept={ATTACHMENT_TYPES.join()}
        onChange={(event) => {
          void attach([...(event.currentTarget.files ?? [])]);
          event.currentTarget.value = ''; // Picking the same file again fires change again.
        }}
      />
      <button class="send em-t" type="button" aria-label={t('attach')} onClick={() => picker.current?.click()}>
        📎
      </button>
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
      <button class="send" type="submit" aria-label={t('send')} disabled={(!text.trim() && !hasFiles) || tooLong}>
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M3 20.5l18-8.5L3 3.5v6.6l12 1.9-12 1.9z" />
        </svg>
      </button>
      {tooLong && (
        <span class="err" id="ac-text-error" role="alert">
          {t('tooLong', { max: CHAT_LIMITS.messageText })}
        </span>
      )}
    </form>
  );
}
