/**
 * Limits shared by clients (to stop bad input before it is sent) and the server (to enforce them).
 * Characters are counted as JavaScript string length (UTF-16 code units).
 *
 * `CHAT_LIMITS` are the ones the shopper's widget checks before sending: a separate object so the
 * widget's bundle carries these few numbers, not every limit of the console and server.
 */
export const CHAT_LIMITS = {
  /** A chat message's text. */
  messageText: 5_000,
  /** Shopper's name as typed in the pre-chat form or sent by the shop. */
  name: 120,
  email: 254,
  phone: 40,
  /** Bytes of one attached file (`POST /api/attachments` answers PAYLOAD_TOO_LARGE beyond it). */
  attachmentBytes: 10 * 1024 * 1024,
  /** Files attached to one message. */
  attachmentsPerMessage: 5,
  /** Product context fields taken from the page. */
  productName: 300,
  productSku: 100,
  url: 2_048,
  currency: 3,
  /** A shopper's comment on a rating, and an agent's note on a follow-up call. */
  ratingComment: 2_000,
} as const;

export const LIMITS = {
  ...CHAT_LIMITS,
  /** Client-generated ids (message ids, request ids). */
  clientId: 64,
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
  /** A console search: the query's length, and message hits per page. */
  searchQuery: 200,
  searchPageMax: 50,
  /** A site's name, and how many page origins its allowlist may hold. */
  siteName: 120,
  allowedOrigins: 50,
  /** An origin is `scheme://host[:port]`. */
  origin: 300,
  /** The shop's own user id a page passes to `Aftercare.identify` (identity verification). */
  externalUserId: 200,
  /** A site's greeting and offline message, per language. */
  greeting: 500,
  offlineMessage: 1_000,
  /** Business hours: opening intervals per week and closed dates (holidays) per site. */
  openingIntervals: 70,
  closedDates: 366,
  /** The longest "usually replies within" a site may promise: one week, in minutes. */
  expectedReplyMinutesMax: 10_080,
  /** Shortest password an admin may set for an agent. */
  passwordMin: 8,
  /** A team's name, how many teams a tenant may have, and how many agents one team may hold. */
  teamName: 80,
  teamsPerTenant: 50,
  teamMembers: 200,
  /** Uploads one sender may hold that no message has taken yet (each is deleted after a day). */
  attachmentsUnsent: 20,
  /** An attached file's name, after sanitising. */
  attachmentName: 200,
  followUpNote: 2_000,
  /** Repair tickets. */
  ticketReference: 100,
  ticketText: 5_000,
  ticketReason: 1_000,
  ticketPhotos: 10,
  ticketParts: 50,
  ticketListPageMax: 100,
} as const;
