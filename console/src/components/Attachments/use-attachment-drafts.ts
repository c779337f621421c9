import { ATTACHMENT_TYPES, LIMITS } from '@aftercare/shared';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useStore } from '../../lib/store.js';
import { type AttachmentDraft, createFileShelf, type FileShelf } from '../../lib/workspace/draft-files.js';
import { UploadError, uploadAttachment } from './upload.js';

/** A file refused before upload: too large or of a type the server never accepts. */
export interface RefusedFile {
  name: string;
  reason: 'tooLarge' | 'type' | 'tooMany';
}

const ACCEPTED: readonly string[] = ATTACHMENT_TYPES;

export type { AttachmentDraft };

const everyFile = (files: readonly AttachmentDraft[]) => files;

/**
 * The composer's files: checked in the browser first (size, type, count), uploaded at once with
 * progress, cancellable and retryable. `attachments` are the uploaded ones, ready to send.
 *
 * They live on `shelf` when given (a conversation's, which outlives its composer: switching chats
 * keeps them, uploads included); otherwise on the component's own, and an upload still running
 * when it unmounts (a dialog closed) is called off.
 */
export function useAttachmentDrafts(shelf?: FileShelf) {
  const own = useMemo(() => createFileShelf(), []);
  const files = shelf ?? own;
  const drafts = useStore(files, everyFile);
  const setDrafts = files.set;
  useEffect(
    () => () => {
      for (const draft of own.get()) draft.cancel.abort();
    },
    [own],
  );
  const [refused, setRefused] = useState<RefusedFile | null>(null);
  const nextKey = useRef(0);
  // Upload callbacks run later: they update the newest list, not the one of the render that started them.
  const update = (key: number, change: Partial<AttachmentDraft>) =>
    setDrafts((list) => list.map((draft) => (draft.key === key ? { ...draft, ...change } : draft)));

  function start(draft: AttachmentDraft) {
    uploadAttachment(draft.file, (progress) => update(draft.key, { progress }), draft.cancel.signal).then(
      (attachment) => update(draft.key, { status: 'done', attachment, progress: 1 }),
      (error: unknown) => {
        const code = error instanceof UploadError ? error.code : 'INTERNAL';
        if (code !== 'ABORTED') update(draft.key, { status: 'failed', errorCode: code });
      },
    );
  }

  function add(files: readonly File[]) {
    setRefused(null);
    const added: AttachmentDraft[] = [];
    for (const file of files) {
      if (drafts.length + added.length >= LIMITS.attachmentsPerMessage) {
        setRefused({ name: file.name, reason: 'tooMany' });
        break;
      }
      if (file.size > LIMITS.attachmentBytes) setRefused({ name: file.name, reason: 'tooLarge' });
      else if (!ACCEPTED.includes(file.type)) setRefused({ name: file.name, reason: 'type' });
      else {
        const draft: AttachmentDraft = {
          key: nextKey.current++,
          file,
          progress: 0,
          status: 'uploading',
          cancel: new AbortController(),
        };
        added.push(draft);
        start(draft);
      }
    }
    if (added.length) setDrafts((list) => [...list, ...added]);
  }

  function retry(key: number) {
    const draft = drafts.find((item) => item.key === key);
    if (!draft) return;
    const again: AttachmentDraft = { ...draft, status: 'uploading', progress: 0, cancel: new AbortController() };
    delete again.errorCode;
    setDrafts((list) => list.map((item) => (item.key === key ? again : item)));
    start(again);
  }

  function remove(key: number) {
    drafts.find((item) => item.key === key)?.cancel.abort();
    setDrafts((list) => list.filter((item) => item.key !== key));
  }

  function clear() {
    for (const draft of drafts) draft.cancel.abort();
    setDrafts(() => []);
    setRefused(null);
  }

  return {
    drafts,
    refused,
    add,
    retry,
    remove,
    clear,
    /** Uploaded and ready to go with the message. */
    attachments: drafts.flatMap((draft) => (draft.attachment ? [draft.attachment] : [])),
    /** Something is still uploading or failed: sending now would leave it behind. */
    unsettled: drafts.some((draft) => draft.status !== 'done'),
  };
}

export type AttachmentDrafts = ReturnType<typeof useAttachmentDrafts>;
