import { LIMITS } from '@aftercare/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { useCannedSuggestions } from './canned-suggestions.js';
import './style.css';

export interface ComposerProps {
  workspace: Workspace;
  conversationId: string;
}

/** Shows the character count once a reply gets this close to the limit. */
const COUNT_FROM = LIMITS.messageText - 500;
const selectCanned = (state: WorkspaceState) => state.canned;

/** The reply box: Enter sends, Shift+Enter adds a line; typing is reported to the shopper (throttled). */
export function Composer({ workspace, conversationId }: ComposerProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  // Note mode: the text goes to colleagues only, and the shopper is not told anyone is typing.
  const [note, setNote] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const canned = useCannedSuggestions(text, useStore(workspace.store, selectCanned), setText);

  // A draft belongs to one conversation; switching clears it rather than sending it to another shopper.
  useEffect(() => setText(''), [conversationId]);

  const tooLong = text.length > LIMITS.messageText;
  const canSend = text.trim() !== '' && !tooLong;

  function send() {
    if (!canSend) return;
    workspace.sendReply(conversationId, text, note);
    setText('');
    field.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (canned.onKeyDown(event)) return;
    // While an IME is composing (pinyin, for one), Enter picks a candidate and must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    send();
  }

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <div class="composer__mode">
        <button
          type="button"
          class={`button button--small${note ? ' composer__note-toggle--on' : ''}`}
          aria-pressed={note}
          onClick={() => {
            setNote(!note);
            workspace.stopTyping();
            field.current?.focus();
          }}
        >
          {t('composer.noteToggle')}
        </button>
      </div>
      <label class="sr-only" for="composer-text">
        {t(note ? 'composer.noteLabel' : 'composer.label')}
      </label>
      <textarea
        id="composer-text"
        ref={field}
        class={`composer__text${note ? ' composer__text--note' : ''}`}
        rows={3}
        placeholder={t(note ? 'composer.notePlaceholder' : 'composer.placeholder')}
        value={text}
        {...canned.fieldProps}
        aria-invalid={tooLong}
        aria-describedby={text.length > COUNT_FROM ? 'composer-count' : undefined}
        onInput={(event) => {
          setText(event.currentTarget.value);
          if (!note) workspace.typing(conversationId);
        }}
        onKeyDown={onKeyDown}
        onBlur={workspace.stopTyping}
      />
      {canned.list}
      <div class="composer__bar">
        {text.length > COUNT_FROM && (
          <span id="composer-count" class={`composer__count${tooLong ? ' composer__count--over' : ''}`}>
            {t('composer.tooLong', { count: text.length, max: LIMITS.messageText })}
          </span>
        )}
        <button type="submit" class="button button--primary" disabled={!canSend}>
          {t(note ? 'composer.addNote' : 'composer.send')}
        </button>
      </div>
    </form>
  );
}
