import { useEffect } from 'preact/hooks';
import { isTypingTarget, type ShortcutAction, shortcutFor } from '../../lib/shortcuts.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import { neighbourConversation } from '../../lib/workspace/inbox-views.js';

/**
 * Binds the inbox's keyboard shortcuts (see `SHORTCUTS`) for as long as the screen is mounted.
 * Keys typed into a field stay text. While a modal dialog is open (saved replies, a confirmation)
 * the page behind it is inert and the keys are the dialog's: `e` must not resolve the chat behind
 * it. While the help overlay is open (`helpOpen`, also set where the list is not shown) only `?`
 * works, to close it.
 */
export function useShortcuts(workspace: Workspace, helpOpen: boolean, toggleHelp: () => void): void {
  useEffect(() => {
    function run(action: ShortcutAction): boolean {
      const state = workspace.store.get();
      switch (action) {
        case 'help':
          toggleHelp();
          return true;
        case 'next':
        case 'previous': {
          const target = neighbourConversation(state, state.tab, action === 'next' ? 1 : -1);
          if (!target) return false;
          workspace.openConversation(target.id);
          document.querySelector(`[data-conversation-id="${target.id}"]`)?.scrollIntoView({ block: 'nearest' });
          return true;
        }
        case 'reply': {
          const composer = document.getElementById('composer-text');
          composer?.focus();
          return composer !== null;
        }
        case 'search': {
          const box = document.getElementById('inbox-search');
          box?.focus();
          return box !== null;
        }
        case 'resolve': {
          const conversation = state.active?.conversation;
          if (conversation?.status !== 'open') return false;
          workspace.resolve(conversation.id);
          return true;
        }
      }
    }

    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing || isTypingTarget(event.target)) return;
      // Another modal dialog than the help overlay: its keys are its own, `?` included.
      const modal = document.querySelector('dialog:modal');
      if (modal && !modal.classList.contains('shortcut-help')) return;
      const action = shortcutFor(event);
      if (!action || (helpOpen && action !== 'help')) return;
      // Handled keys must not also type into whatever gets focus next (`r` into the reply box).
      if (run(action)) event.preventDefault();
    }

    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [workspace, helpOpen, toggleHelp]);
}
