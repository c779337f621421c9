import type { identityEn } from './identity-en.js';

/** Simplified Chinese texts of identity verification (spread into `zh-CN.ts`). */
export const identityZhCN: Record<keyof typeof identityEn, string> = {
  'identity.title': '身份验证',
  'identity.hint':
    '您的商城服务器用此密钥对每位已登录顾客的用户 ID 签名（HMAC-SHA256，十六进制），页面将结果作为 hash 传给 Aftercare.identify。请把密钥保存在服务器上，切勿写入页面。',
  'identity.secret': '身份密钥',
  'identity.loading': '正在加载密钥…',
  'identity.copy': '复制密钥',
  'identity.copied': '密钥已复制到剪贴板。',
  'identity.copyFailed': '复制失败：请选中密钥后手动复制。',
  'identity.required': '要求身份验证',
  'identity.requiredHint':
    '开启后，未提供有效 hash 的已识别顾客会收到提示，并以匿名访客身份咨询。未登录的顾客始终可以咨询。',
  'identity.requiredOn': '现已要求身份验证。',
  'identity.requiredOff': '已不再要求身份验证。',
  'identity.rotate': '更换密钥',
  'identity.rotateTitle': '更换身份密钥？',
  'identity.rotateBody':
    '用当前密钥生成的 hash 将立即失效：在您的服务器改用新密钥签名之前，已登录顾客都会被视为匿名访客。',
  'identity.rotated': '已生成新密钥，请在您的商城服务器上更新。',
  'identity.rotatedAt': '当前密钥生成于 {time}。',
  'identity.error.FORBIDDEN': '只有管理员可以查看和修改身份密钥。',
  'identity.error.NOT_FOUND': '该站点已不存在。',
  'identity.error.OFFLINE': '当前离线，请在重新连接后再试。',
  'identity.error.generic': '无法加载或修改身份验证设置，请重试。',
  'identity.retry': '重试',
  'identity.verified': '已验证',
  'identity.verifiedTitle': '您的商城已验证此顾客为其用户 {id}',
};
