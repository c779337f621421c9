import { useLazy } from '../lib/lazy.js';

/**
 * The renderer of messages' files, loaded (with the upload chunk) once a message with files is on
 * screen: most chats have none, and the first open has a size budget.
 */
export const useAttachmentView = (needed: boolean) =>
  useLazy(needed, () => import('./drafts.js').then((module) => module.AttachmentView));
