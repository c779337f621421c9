import type { Attachment } from '@aftercare/shared';
import { createStore, type Store } from '../store.js';

/** A file the agent picked for the next reply or note, and its upload. */
export interface AttachmentDraft {
  key: number;
  file: File;
  progress: number;
  status: 'uploading' | 'done' | 'failed';
  attachment?: Attachment;
  /** Server error code or `OFFLINE` when the upload failed. */
  errorCode?: string;
  cancel: AbortController;
}

/** The files attached to one conversation's next reply, as a store components subscribe to. */
export type FileShelf = Store<readonly AttachmentDraft[]>;

export function createFileShelf(): FileShelf {
  return createStore<readonly AttachmentDraft[]>([]);
}

/**
 * The files attached to each conversation's reply, kept while the agent looks at other chats (an
 * upload goes on meanwhile and is there, done, on coming back), in this tab's memory only: a File
 * cannot be stored, so unlike the text of a draft they do not survive a reload.
 */
export function createDraftFiles() {
  const shelves = new Map<string, FileShelf>();
  return {
    of(conversationId: string): FileShelf {
      let shelf = shelves.get(conversationId);
      if (!shelf) {
        shelf = createFileShelf();
        shelves.set(conversationId, shelf);
      }
      return shelf;
    },
    /** Calls off every upload and forgets every file: the agent signed out, or the console closed. */
    discardAll(): void {
      for (const shelf of shelves.values()) {
        for (const file of shelf.get()) file.cancel.abort();
        shelf.set(() => []);
      }
      shelves.clear();
    },
  };
}

export type DraftFiles = ReturnType<typeof createDraftFiles>;
