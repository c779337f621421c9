import { useState } from 'preact/hooks';

type View = typeof import('./drafts.js').AttachmentView;

/**
 * The renderer of messages' files, loaded (with the upload chunk) once a message with files is on
 * screen: most chats have none, and the first open has a size budget.
 */
export function useAttachmentView(needed: boolean): View | null {
  const [view, setView] = useState<View | null>(null);
  if (needed && !view) void import('./drafts.js').then((module) => setView(() => module.AttachmentView));
  return view;
}
