import type { Catalog } from '../locale.js';
import type { en } from './en.js';

/** Simplified Chinese texts of the widget's repair status; the same keys as `en`. */
export const zhCN: Record<keyof typeof en, string> & Catalog = {
  repairsTitle: '我的维修',
  repairNumber: '维修单 {number}',
  repairUpdated: '有更新',
  repairAnnounce: '维修单 {number}：{status}',
  repairStepsLabel: '维修单 {number} 的进度',
  repairStepAt: '{status}，{time}',
  'repair.registered': '我们已登记您的维修',
  'repair.diagnosed': '已检测，明确了处理方案',
  'repair.awaiting_parts': '正在等待配件',
  'repair.in_repair': '维修中',
  'repair.repaired': '已修好，准备寄回',
  'repair.returned': '已寄回给您',
  'repair.closed': '已完成',
  'repair.cancelled': '已取消',
  'remedy.repair': '维修',
  'remedy.replace': '换货',
  'remedy.refund': '退货',
};
