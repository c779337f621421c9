import { LIMITS } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';
import type { AttachmentDrafts } from './use-attachment-drafts.js';
import './style.css';

const MAX_MB = LIMITS.attachmentBytes / 1024 / 1024;

/** The composer's picked files: name, upload progress, retry, remove (which also cancels). */
export function DraftList({ drafts }: { drafts: AttachmentDrafts }) {
  const { t } = useI18n();
  const { refused } = drafts;
  return (
    <div class="attachment-drafts">
      {refused && (
        <p class="attachment-drafts__refused" role="alert">
          {refused.reason === 'tooLarge'
            ? t('attachments.tooLarge', { name: refused.name, max: MAX_MB })
            : refused.reason === 'type'
              ? t('attachments.type', { name: refused.name })
              : t('attachments.tooMany', { max: LIMITS.attachmentsPerMessage })}
        </p>
      )}
      {drafts.drafts.length > 0 && (
        <ul aria-label={t('attachments.drafts')}>
          {drafts.drafts.map((draft) => {
            const name = draft.file.name;
            const finalRefusal = draft.errorCode === 'UNSUPPORTED_FILE_TYPE' || draft.errorCode === 'PAYLOAD_TOO_LARGE';
            return (
              <li key={draft.key} class="attachment-drafts__item" data-status={draft.status}>
                <span class="attachment-drafts__name">{name}</span>
                {draft.status === 'uploading' && (
                  <progress max={1} value={draft.progress} aria-label={t('attachments.uploading', { name })} />
                )}
                {draft.status === 'done' && <span class="sr-only">{t('attachments.uploaded', { name })}</span>}
                {draft.status === 'failed' && (
                  <span class="attachment-drafts__error" role="alert">
                    {t(finalRefusal ? 'attachments.refused' : 'attachments.failed', { name })}
                  </span>
                )}
                {draft.status === 'failed' && !finalRefusal && (
                  <button type="button" class="button button--small" onClick={() => drafts.retry(draft.key)}>
                    {t('attachments.retry', { name })}
                  </button>
                )}
                <button
                  type="button"
                  class="button button--small"
                  aria-label={t('attachments.remove', { name })}
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
