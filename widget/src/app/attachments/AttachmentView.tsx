import type { Attachment } from '@aftercare/shared';
import { format } from '@aftercare/shared/i18n/locale.js';
import { en } from '@aftercare/shared/i18n/widget-attachments/en.js';
import { zhCN } from '@aftercare/shared/i18n/widget-attachments/zh-CN.js';
import { useI18n } from '../lib/i18n.js';
import { withChunkStyles } from './chunk-styles.js';
import type { OutboxFile } from './files.js';

/** "2.4 MB", "860 KB": units are the same in every locale the widget speaks; the number follows it. */
export function fileSize(bytes: number, locale: string): string {
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  return `${value.toLocaleString(locale, { maximumFractionDigits: value < 10 ? 1 : 0 })} ${unit}`;
}

/** Thumbnails no larger than this; the box is reserved from the file's size so nothing jumps. */
const THUMB = 200;

/**
 * A message's files: images as thumbnails opening the full picture in a new tab, other files as
 * download links with name and size. Pending files (not stored yet) show name and size, and say
 * so when a reload lost their bytes.
 */
export function AttachmentView({ files, base }: { files: readonly (Attachment | OutboxFile)[]; base: string }) {
  const { locale } = useI18n();
  return (
    <ul class="at" ref={withChunkStyles}>
      {files.map((file) => {
        const stored = 'url' in file ? file : null;
        const label = `${file.name} (${fileSize(file.size, locale)})`;
        if (!stored) {
          const lost = 'lost' in file && file.lost;
          return (
            <li key={file.name}>
              {label}
              {lost && <p role="alert">{format((locale === 'zh-CN' ? zhCN : en).attachLost!, { name: file.name })}</p>}
            </li>
          );
        }
        const href = base + stored.url;
        if (stored.mimeType.startsWith('image/')) {
          const { width, height } = stored;
          const scale = width && height ? Math.min(1, THUMB / Math.max(width, height)) : 0;
          return (
            <li key={stored.id}>
              <a href={href} target="_blank" rel="noopener">
                <img
                  src={href}
                  alt={stored.name}
                  width={scale ? Math.round(width! * scale) : undefined}
                  height={scale ? Math.round(height! * scale) : undefined}
                />
              </a>
            </li>
          );
        }
        return (
          <li key={stored.id}>
            <a href={href} target="_blank" rel="noopener">
              {label}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
