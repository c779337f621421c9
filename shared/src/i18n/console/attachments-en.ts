/** Console texts about attached files (composer, message list), in English. */
export const attachmentsEn = {
  'attachments.attach': 'Attach files',
  'attachments.drafts': 'Files to send',
  'attachments.uploading': 'Uploading {name}',
  'attachments.uploaded': '{name} is ready to send',
  'attachments.failed': '{name} could not be uploaded.',
  'attachments.refused': '{name} was refused: its contents are not an accepted file type.',
  'attachments.retry': 'Retry {name}',
  'attachments.remove': 'Remove {name}',
  'attachments.tooLarge': '{name} is larger than {max} MB.',
  'attachments.type': '{name} cannot be attached: images (PNG, JPEG, GIF, WebP), PDF and text files only.',
  'attachments.tooMany': 'At most {max} files per message.',
  'attachments.list': 'Attached files',
} as const;
