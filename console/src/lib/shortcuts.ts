import type { ConsoleMessageKey } from './i18n.js';

/** What a keyboard shortcut does in the inbox. */
export type ShortcutAction = 'next' | 'previous' | 'reply' | 'resolve' | 'search' | 'help';

/**
 * The shortcuts, as the help overlay lists them. `e` resolves, as "done" does in mail clients;
 * j/k follow the convention of mail and feed readers, with Alt+arrows for those who prefer them.
 */
export const SHORTCUTS: readonly { action: ShortcutAction; keys: readonly string[]; label: ConsoleMessageKey }[] = [
  { action: 'next', keys: ['j', 'Alt+↓'], label: 'shortcuts.next' },
  { action: 'previous', keys: ['k', 'Alt+↑'], label: 'shortcuts.previous' },
  { action: 'reply', keys: ['r'], label: 'shortcuts.reply' },
  { action: 'resolve', keys: ['e'], label: 'shortcuts.resolve' },
  // `/` outside a text field, as in mail and chat apps; in the reply box it still opens saved replies.
  { action: 'search', keys: ['/'], label: 'shortcuts.search' },
  { action: 'help', keys: ['?'], label: 'shortcuts.help' },
];

type KeyInfo = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>;

/** The action a key press asks for, or null. Ctrl/Cmd combinations belong to the browser. */
export function shortcutFor(event: KeyInfo): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey) return null;
  if (event.altKey) {
    if (event.key === 'ArrowDown') return 'next';
    if (event.key === 'ArrowUp') return 'previous';
    return null;
  }
  switch (event.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'r':
      return 'reply';
    case 'e':
      return 'resolve';
    case '/':
      return 'search';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** Whether keys typed at `target` are text (inputs, selects, text areas, editable content): no shortcuts there. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as (Element & { isContentEditable?: boolean }) | null;
  if (!element || typeof element.tagName !== 'string') return false;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  // Buttons and checkboxes take no text, so shortcuts still work while one has focus.
  const type = (element.getAttribute('type') ?? 'text').toLowerCase();
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
}
