import type { Catalog } from '../locale.js';

/** 评价卡片的简体中文文案（按需加载的独立分块，见 `en.ts`）。 */
export const zhCN: Catalog = {
  rateRegion: '服务评价',
  rateChatTitle: '您对本次服务满意吗？',
  rateTicketTitle: '您对维修单 {number} 的服务满意吗？',
  rateWithAgent: '为您服务的是 {name}。',
  rateAbout: '商品：{product}',
  rateScoreLegend: '请评分，1 分（非常不满意）到 5 分（非常满意）',
  rateStar1: '1 星：非常不满意',
  rateStar2: '2 星：不满意',
  rateStar3: '3 星：一般',
  rateStar4: '4 星：满意',
  rateStar5: '5 星：非常满意',
  rateComment: '还有什么想告诉我们的吗？（选填）',
  rateSend: '提交评价',
  rateSending: '正在提交…',
  rateLater: '以后再说',
  rateThanks: '感谢您的评价！',
  rateGiven: '您的评分：{score} 分（满分 5 分）。',
  rateChange: '修改我的评价',
  rateChangeUntil: '您可以在 {when} 之前修改。',
  rateChooseScore: '请先选择 1 到 5 星。',
  rateFinal: '此评价已无法修改。',
  rateFailed: '评价未能提交，请重试。',
};
