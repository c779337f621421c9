import { ATTACHMENT_TYPES, type Attachment, CHAT_LIMITS } from '@aftercare/shared';
import { format } from '@aftercare/shared/i18n/locale.js';
import { en } from '@aftercare/shared/i18n/widget-attachments/en.js';
import { zhCN } from '@aftercare/shared/i18n/widget-attachments/zh-CN.js';
import { randomId } from '../lib/ids.js';
import { withChunkStyles } from './chunk-styles.js';
import type { LocalFiles, OutboxFile, UploadTarget } from './files.js';
import { pageId } from './page-id.js';
import { UploadError, uploadFile } from './upload.js';

export { AttachmentView } from './AttachmentView.js';

/**
 * The upload chunk: loaded when the shopper first clicks the attach button, pastes or drops a
 * file. Files are checked here (size, type) before anything is sent, upload at once with
 * progress, can be cancelled or retried, and go with the next message.
 */

interface Draft {
  key: string;
  file: File;
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  attachment?: Attachment;
  /** Text key of the failure; `attachRefused` means retrying cannot help. */
  error?: string;
  cancel?: AbortController;
}

const catalogs = { en, 'zh-CN': zhCN };
const MAX_MB = CHAT_LIMITS.attachmentBytes / 1024 / 1024;
const ACCEPTED: readonly string[] = ATTACHMENT_TYPES;

/** The files the shopper picked for the next message, with their uploads. */
export class Drafts {
  items: Draft[] = [];
  /** Why the last picked file was refused (text key and values), shown until the next pick. */
  notice: [string, Record<string, string | number>] | null = null;

  constructor(
    private readonly files: LocalFiles,
    private readonly target: UploadTarget,
    private readonly changed: () => void,
  ) {}

  /** Adds picked, pasted or dropped files: each is checked, then uploads at once. */
  add(picked: readonly File[]): void {
    this.notice = null;
    for (const file of picked) {
      if (this.items.length >= CHAT_LIMITS.attachmentsPerMessage) {
        this.notice = ['attachTooMany', { max: CHAT_LIMITS.attachmentsPerMessage }];
        break;
      }
      // Browsers leave `type` empty for unknown extensions; the server judges the bytes anyway.
      if (file.size > CHAT_LIMITS.attachmentBytes) this.notice = ['attachTooLarge', { name: file.name, max: MAX_MB }];
      else if (!ACCEPTED.includes(file.type)) this.notice = ['attachBadType', { name: file.name }];
      else {
        const draft: Draft = { key: randomId(), file, progress: 0, state: 'uploading' };
        this.items = [...this.items, draft];
        this.start(draft);
      }
    }
    this.changed();
  }

  retry(key: string): void {
    const draft = this.items.find((item) => item.key === key);
    if (draft) this.start(draft);
    this.changed();
  }

  /** Cancels the upload (if running) and forgets the file. */
  remove(key: string): void {
    const draft = this.items.find((item) => item.key === key);
    draft?.cancel?.abort();
    this.files.delete(key);
    this.items = this.items.filter((item) => item !== draft);
    this.changed();
  }

  /** The tray, rendered by the composer. */
  view(locale: string) {
    return <Tray drafts={this} locale={locale} />;
  }

  /** Whether something can go with a message (files the server refused for good do not count). */
  get sendable(): boolean {
    return this.items.some((item) => item.error !== 'attachRefused');
  }

  /**
   * Hands the files to the outbox and empties the tray. Uploads still running keep running: the
   * outbox waits for them (or uploads again once online) before it sends the message.
   */
  take(): OutboxFile[] {
    const taken = this.items.filter((item) => item.error !== 'attachRefused');
    for (const item of this.items) if (!taken.includes(item)) this.files.delete(item.key);
    this.items = [];
    this.notice = null;
    this.changed();
    const page = pageId();
    return taken.map(({ key, file, attachment }) => {
      // Uploaded already: the entry carries the server's record and the bytes can go.
      if (attachment) this.files.delete(key);
      return { key, name: file.name, size: file.size, mimeType: file.type, page, ...(attachment && { attachment }) };
    });
  }

  private start(draft: Draft): void {
    draft.state = 'uploading';
    draft.error = undefined;
    draft.progress = 0;
    draft.cancel = new AbortController();
    const upload = uploadFile(
      this.target,
      draft.file,
      (fraction) => {
        draft.progress = fraction;
        this.changed();
      },
      draft.cancel.signal,
    );
    this.files.set(draft.key, { file: draft.file, upload });
    upload.then(
      (attachment) => {
        draft.attachment = attachment;
        draft.state = 'done';
        this.changed();
      },
      (error: unknown) => {
        const local = this.files.get(draft.key);
        if (local) local.upload = undefined;
        if (error instanceof UploadError && error.code === 'ABORTED') return;
        draft.state = 'failed';
        draft.error = error instanceof UploadError && !error.retryable ? 'attachRefused' : 'attachFailed';
        this.changed();
      },
    );
  }
}

/** Creates the tray's state for one composer of the chat client `uploads`. */
export function createDrafts(uploads: { files: LocalFiles; uploadTarget: UploadTarget }, changed: () => void): Drafts {
  return new Drafts(uploads.files, uploads.uploadTarget, changed);
}

/** The picked files above the message box: name, progress, retry and remove (which also cancels). */
export function Tray({ drafts, locale }: { drafts: Drafts; locale: string }) {
  const catalog = catalogs[locale as keyof typeof catalogs] ?? en;
  const t = (key: string, values?: Record<string, string | number>) => format(catalog[key] ?? key, values);

  return (
    <div class="tr" ref={withChunkStyles}>
      {drafts.notice && (
        <p class="err" role="alert">
          {t(...drafts.notice)}
        </p>
      )}
      {drafts.items.length > 0 && (
        <ul aria-label={t('attachFiles')}>
          {drafts.items.map((draft) => {
            const name = draft.file.name;
            return (
              <li key={draft.key} data-state={draft.state}>
                <span class="fn">{name}</span>
                {draft.state === 'uploading' && (
                  <progress max={1} value={draft.progress} aria-label={t('attachUploading', { name })} />
                )}
                {draft.state === 'done' && <span class="sr">{t('attachUploaded', { name })}</span>}
                {draft.error && (
                  <span class="fe" role="alert">
                    {t(draft.error, { name })}
                  </span>
                )}
                {draft.error === 'attachFailed' && (
                  <button type="button" class="link" onClick={() => drafts.retry(draft.key)}>
                    {t('attachRetry', { name })}
                  </button>
                )}
                <button
                  type="button"
                  class="x"
                  aria-label={t('attachRemove', { name })}
                  onClick={() => drafts.remove(draft.key)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
