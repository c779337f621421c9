import type { CannedResponse } from '@aftercare/shared';
import { useEffect, useState } from 'preact/hooks';
import { filterCanned, insertCanned, moveActive, slashQuery } from '../../lib/canned.js';
import { useI18n } from '../../lib/i18n.js';

const LISTBOX_ID = 'composer-canned';
const optionId = (index: number) => `${LISTBOX_ID}-${index}`;

export interface CannedSuggestions {
  /** Attributes for the reply box: it keeps focus and points at the highlighted option. */
  fieldProps: Record<string, string | undefined>;
  /** Handles the list's keys; true when the key was used (the composer must not act on it). */
  onKeyDown(event: KeyboardEvent): boolean;
  /** The listbox, or null while closed. */
  list: preact.JSX.Element | null;
}

/**
 * The saved-reply picker: a draft starting with `/` opens a listbox of matching replies under the
 * reply box (the WAI-ARIA combobox pattern with `aria-activedescendant`: focus stays in the text,
 * arrows move the highlight, Enter or Tab inserts, Escape closes). Clicks work too.
 */
export function useCannedSuggestions(
  draft: string,
  responses: readonly CannedResponse[],
  setDraft: (text: string) => void,
): CannedSuggestions {
  const { t } = useI18n();
  const query = slashQuery(draft);
  const matches = query === null ? [] : filterCanned(responses, query);
  const [active, setActive] = useState(0);
  // Escape closes the list for this very draft; typing on opens it again.
  const [dismissed, setDismissed] = useState<string | null>(null);
  const open = matches.length > 0 && dismissed !== draft;

  useEffect(() => setActive(0), [query]);

  const pick = (response: CannedResponse) => {
    setDismissed(null);
    setDraft(insertCanned(draft, response));
  };

  function onKeyDown(event: KeyboardEvent): boolean {
    if (!open || event.isComposing || event.keyCode === 229) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      setActive((current) => moveActive(current, event.key === 'ArrowDown' ? 1 : -1, matches.length));
    } else if ((event.key === 'Enter' && !event.shiftKey) || (event.key === 'Tab' && !event.shiftKey)) {
      const chosen = matches[active];
      if (!chosen) return false;
      pick(chosen);
    } else if (event.key === 'Escape') {
      setDismissed(draft);
    } else {
      return false;
    }
    event.preventDefault();
    event.stopPropagation();
    return true;
  }

  const list = open ? (
    <div class="composer__canned">
      <div id={LISTBOX_ID} class="composer__canned-list" role="listbox" aria-label={t('canned.suggestions')}>
        {matches.map((response, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard drives the listbox from the reply box (aria-activedescendant).
          <div
            key={response.id}
            id={optionId(index)}
            role="option"
            // Focus stays in the reply box (aria-activedescendant); -1 only makes the option a valid target.
            tabIndex={-1}
            aria-selected={index === active}
            class={`composer__canned-option${index === active ? ' composer__canned-option--active' : ''}`}
            // Keep the focus (and the caret) in the reply box.
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => pick(response)}
          >
            <span class="composer__canned-shortcut">/{response.shortcut}</span>
            <span class="composer__canned-title">{response.title}</span>
          </div>
        ))}
      </div>
      <p class="composer__canned-hint" aria-hidden="true">
        {t('canned.hint')}
      </p>
      <p class="sr-only" role="status">
        {t('canned.count', { count: matches.length })}
      </p>
    </div>
  ) : null;

  return {
    fieldProps: {
      'aria-autocomplete': 'list',
      'aria-controls': open ? LISTBOX_ID : undefined,
      'aria-activedescendant': open && matches[active] ? optionId(active) : undefined,
    },
    onKeyDown,
    list,
  };
}
