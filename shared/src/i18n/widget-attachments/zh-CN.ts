import type { Catalog } from '../locale.js';

/** Simplified Chinese texts of the widget's attachment tray; the same keys as `en.ts`. */
export const zhCN: Catalog = {
  attachFiles: '待发送的文件',
  attachUploading: '正在上传 {name}',
  attachUploaded: '{name} 已可发送',
  attachFailed: '{name} 上传失败。',
  attachRetry: '重试 {name}',
  attachRemove: '移除 {name}',
  attachTooLarge: '{name} 超过 {max} MB，无法发送。',
  attachBadType: '无法发送 {name}：仅支持图片（PNG、JPEG、GIF、WebP）、PDF 和文本文件。',
  attachRefused: '{name} 被拒绝：文件内容与类型不符。',
  attachTooMany: '每条消息最多 {max} 个文件。',
  attachLost: '{name} 在发送前因页面刷新而丢失：请删除此消息并重新添加附件。',
};
