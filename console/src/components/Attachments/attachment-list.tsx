import type { Attachment } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';
import './style.css';

/** Largest thumbnail side; the box is reserved from the file's own size so the list does not jump. */
const THUMB = 240;

/** "2.4 MB", "860 KB". */
export function formatFileSize(bytes: number, locale: string): string {
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  return `${value.toLocaleString(locale, { maximumFractionDigits: value < 10 ? 1 : 0 })} ${unit}`;
}

/**
 * A message's files: images as thumbnails that open the full picture in a new tab, other files as
 * links with name and size (the server sends those as downloads).
 */
export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const { t, locale } = useI18n();
  if (attachments.length === 0) return null;
  return (
    <ul class="attachments" aria-label={t('attachments.list')}>
      {attachments.map((file) => {
        if (file.mimeType.startsWith('image/')) {
          const scale = file.width && file.height ? Math.min(1, THUMB / Math.max(file.width, file.height)) : 0;
          return (
            <li key={file.id}>
              <a href={file.url} target="_blank" rel="noopener" class="attachments__image">
                <img
                  src={file.url}
                  alt={file.name}
                  loading="lazy"
                  width={scale ? Math.round(file.width! * scale) : undefined}
                  height={scale ? Math.round(file.height! * scale) : undefined}
                />
              </a>
            </li>
          );
        }
        return (
          <li key={file.id}>
            <a href={file.url} target="_blank" rel="noopener" class="attachments__file">
              {file.name} ({formatFileSize(file.size, locale)})
            </a>
          </li>
        );
      })}
    </ul>
  );
}
