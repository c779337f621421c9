import type { Catalog } from '../locale.js';

/**
 * English texts of the widget's attachment tray. A catalog of its own because it ships in the
 * lazily loaded upload chunk, not in the first open's budget.
 */
export const en: Catalog = {
  attachFiles: 'Files to send',
  attachUploading: 'Uploading {name}',
  attachUploaded: '{name} is ready to send',
  attachFailed: '{name} could not be uploaded.',
  attachRetry: 'Retry {name}',
  attachRemove: 'Remove {name}',
  attachTooLarge: '{name} is larger than {max} MB and cannot be sent.',
  attachBadType: '{name} cannot be sent: only images (PNG, JPEG, GIF, WebP), PDF and text files.',
  attachRefused: '{name} was refused: its contents do not match its type.',
  attachTooMany: 'At most {max} files per message.',
  attachLost: '{name} was lost when the page reloaded before it was sent: remove this message and attach it again.',
};
