import { LIMITS } from '@aftercare/shared';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';

/** How long typing pauses before the search runs. */
const TYPING_PAUSE_MS = 350;

/**
 * The search field (`/` focuses it from anywhere outside a text field). Searches after a pause
 * in typing or on Enter; Escape clears the search and the inbox shows again.
 */
export function SearchBox({ workspace, query }: { workspace: Workspace; query: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(query);

  useEffect(() => {
    if (text.trim() === query) return;
    const timer = setTimeout(() => workspace.search(text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, query, workspace]);

  return (
    <search>
      <form
        class="search-box"
        onSubmit={(event) => {
          event.preventDefault();
          workspace.search(text);
        }}
      >
        <input
          id="inbox-search"
          class="search-box__input"
          type="search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          aria-keyshortcuts="/"
          autocomplete="off"
          maxLength={LIMITS.searchQuery}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Escape' || text === '') return;
            event.preventDefault();
            setText('');
            workspace.clearSearch();
          }}
        />
        <button type="submit" class="button button--small search-box__submit">
          {t('search.submit')}
        </button>
      </form>
    </search>
  );
}
