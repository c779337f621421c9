/**
 * Limits shared by clients (to stop bad input before it is sent) and the server (to enforce them).
 * Characters are counted as JavaScript string length (UTF-16 code units).
 */
export const LIMITS = {
  /** A chat message's text. */
  messageText: 5_000,
  /** Client-generated ids (message ids, request ids). */
  clientId: 64,
  /** Shopper's name as typed in the pre-chat form or sent by the shop. */
  name: 120,
  email: 254,
  phone: 40,
  /** Product context fields taken from the page. */
  productName: 300,
  productSku: 100,
  url: 2_048,
  currency: 3,
  /** Messages returned by one `messages:sync` page. */
  syncPageMax: 500,
  syncPageDefault: 200,
  /** Conversations returned by one list request. */
  listPageMax: 200,
  password: 200,
  /** A canned response's shortcut (typed after `/`), title and text. */
  cannedShortcut: 32,
  cannedTitle: 120,
  cannedText: 5_000,
} as const;
