import { LIMITS } from '@aftercare/shared';
import { useCallback, useRef } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { AttachButton, filesOf } from '../Attachments/attach-button.js';
import { DraftList } from '../Attachments/draft-list.js';
import { useAttachmentDrafts } from '../Attachments/use-attachment-drafts.js';
import { useCannedSuggestions } from './canned-suggestions.js';
import './style.css';

export interface ComposerProps {
  workspace: Workspace;
  conversationId: string;
}

/** Shows the character count once a reply gets this close to the limit. */
const COUNT_FROM = LIMITS.messageText - 500;
const selectCanned = (state: WorkspaceState) => state.canned;

/**
 * The reply box: Enter sends, Shift+Enter adds a line; typing is reported to the shopper (throttled).
 * Its text and mode are the conversation's draft in the workspace, so they are still there after
 * switching away and back, or a reload. Mount one per conversation (`key`): attached files are the
 * conversation's too (`workspace.draftFiles`), kept while the agent is in other chats (not across
 * a reload), so an upload never goes to another shopper and is not lost by looking elsewhere.
 */
export function Composer({ workspace, conversationId }: ComposerProps) {
  const { t } = useI18n();
  const selectDraft = useCallback((state: WorkspaceState) => state.drafts[conversationId], [conversationId]);
  const draft = useStore(workspace.store, selectDraft);
  const text = draft?.text ?? '';
  // Note mode: the text goes to colleagues only, and the shopper is not told anyone is typing.
  const note = draft?.note ?? false;
  const setText = (next: string) => workspace.setDraft(conversationId, next, note);
  const field = useRef<HTMLTextAreaElement>(null);
  const canned = useCannedSuggestions(text, useStore(workspace.store, selectCanned), setText);
  const files = useAttachmentDrafts(workspace.draftFiles.of(conversationId));

  const tooLong = text.length > LIMITS.messageText;
  // Files still uploading (or failed) hold the send back, so none is silently left out.
  const canSend = (text.trim() !== '' || files.attachments.length > 0) && !tooLong && !files.unsettled;

  function send() {
    if (!canSend) return;
    // Empties the draft too (the mode stays for the next one).
    workspace.sendReply(conversationId, text, note, files.attachments);
    files.clear();
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
      onDragOver={(event) => event.dataTransfer?.types.includes('Files') && event.preventDefault()}
      onDrop={(event) => {
        const dropped = filesOf(event.dataTransfer);
        if (dropped.length === 0) return;
        event.preventDefault();
        files.add(dropped);
      }}
    >
      <div class="composer__mode">
        <button
          type="button"
          class={`button button--small${note ? ' composer__note-toggle--on' : ''}`}
          aria-pressed={note}
          onClick={() => {
            workspace.setDraft(conversationId, text, !note);
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
        onPaste={(event) => {
          const pasted = filesOf(event.clipboardData);
          if (pasted.length === 0) return;
          event.preventDefault();
          files.add(pasted);
        }}
      />
      {canned.list}
      <DraftList drafts={files} />
      <div class="composer__bar">
        <AttachButton onFiles={files.add} />
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
