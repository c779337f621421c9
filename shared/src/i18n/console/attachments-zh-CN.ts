import type { attachmentsEn } from './attachments-en.js';

/** Console texts about attached files, in Simplified Chinese; the same keys as `attachments-en.ts`. */
export const attachmentsZhCN: Record<keyof typeof attachmentsEn, string> = {
  'attachments.attach': '添加附件',
  'attachments.drafts': '待发送的文件',
  'attachments.uploading': '正在上传 {name}',
  'attachments.uploaded': '{name} 已可发送',
  'attachments.failed': '{name} 上传失败。',
  'attachments.refused': '{name} 被拒绝：文件内容不是允许的类型。',
  'attachments.retry': '重试 {name}',
  'attachments.remove': '移除 {name}',
  'attachments.tooLarge': '{name} 超过 {max} MB。',
  'attachments.type': '无法添加 {name}：仅支持图片（PNG、JPEG、GIF、WebP）、PDF 和文本文件。',
  'attachments.tooMany': '每条消息最多 {max} 个文件。',
  'attachments.list': '附件',
};
