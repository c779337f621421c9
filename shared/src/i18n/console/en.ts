import type { Catalog } from '../locale.js';

/**
 * English texts of the agent console. This catalog defines the keys: every other console
 * catalog must have exactly these (see `ConsoleMessageKey`).
 */
export const en = {
  'app.name': 'Aftercare',
  'app.title': 'Aftercare console',
  'app.loading': 'Loading…',
  'app.skipToConversation': 'Skip to conversation',
  'app.startFailed': 'Could not reach the server.',
  'app.retry': 'Try again',

  'locale.label': 'Language',
  'locale.en': 'English',
  'locale.zh-CN': '简体中文',

  'signIn.title': 'Sign in to the console',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.error.INVALID_CREDENTIALS': 'The email or password is wrong.',
  'signIn.error.RATE_LIMITED': 'Too many attempts. Try again in {seconds} s.',
  'signIn.error.INVALID_PAYLOAD': 'Enter a valid email address and a password.',
  'signIn.error.generic': 'Signing in failed. Try again.',
  'signIn.error.network': 'The server cannot be reached. Check the connection and try again.',

  'header.signedInAs': 'Signed in as {name}',
  'header.signOut': 'Sign out',
  'connection.online': 'Connected',
  'connection.connecting': 'Connecting…',
  'connection.offline': 'Offline: reconnecting…',
  'connection.protocolMismatch': 'A new version of the console is available.',
  'connection.reload': 'Reload',
  'connection.sessionExpired': 'Your session has ended. Sign in again.',

  'inbox.label': 'Conversations',
  'inbox.tabs': 'Conversation status',
  'inbox.tab.open': 'Open',
  'inbox.tab.resolved': 'Resolved',
  'inbox.empty.open': 'No open conversations.',
  'inbox.empty.resolved': 'No resolved conversations.',
  'inbox.loading': 'Loading conversations…',
  'inbox.loadFailed': 'Conversations could not be loaded.',
  'inbox.unread': 'Unread',
  'inbox.loadMore': 'Load more conversations',
  'inbox.loadingMore': 'Loading…',
  'inbox.noProduct': 'No product',
  'inbox.lastActivity': 'Last activity',

  'customer.visitor': 'Visitor',

  'conversation.label': 'Conversation',
  'conversation.none': 'Select a conversation from the inbox.',
  'conversation.loading': 'Loading conversation…',
  'conversation.loadFailed': 'The conversation could not be opened.',
  'conversation.messages': 'Messages',
  'conversation.loadOlder': 'Load earlier messages',
  'conversation.loadingOlder': 'Loading earlier messages…',
  'conversation.start': 'Start of the conversation',
  'conversation.empty': 'No messages yet.',
  'conversation.resolve': 'Resolve',
  'conversation.reopen': 'Reopen',
  'conversation.status.open': 'Open',
  'conversation.status.resolved': 'Resolved',
  'conversation.resolvedNotice': 'This conversation is resolved. Reopen it to reply.',
  'conversation.typing': '{name} is typing…',
  'conversation.newMessage': 'New message from {name}: {text}',
  'conversation.actionFailed': 'That did not work. Try again.',

  'message.you': 'You',
  'message.system': 'System',
  'message.sending': 'Sending…',
  'message.failed': 'Not sent',
  'message.retry': 'Retry',
  'message.sent': 'Sent',
  'message.delivered': 'Delivered',
  'message.read': 'Read',
  'message.error.PAYLOAD_TOO_LARGE': 'Not sent: the message is too long.',
  'message.error.CONVERSATION_CLOSED': 'Not sent: the conversation is resolved.',
  'message.error.RATE_LIMITED': 'Not sent: too many messages. Retry in a moment.',

  'composer.label': 'Reply',
  'composer.placeholder': 'Type a reply. Enter sends, Shift+Enter adds a line.',
  'composer.send': 'Send',
  'composer.tooLong': '{count} / {max} characters',

  'details.label': 'Customer details',
  'details.customer': 'Customer',
  'details.name': 'Name',
  'details.email': 'Email',
  'details.phone': 'Phone',
  'details.unknown': 'Not given',
  'details.product': 'Product',
  'details.sku': 'SKU',
  'details.price': 'Price',
  'details.openProduct': 'Open product page',
  'details.noProduct': 'This chat did not start on a product page.',
} as const satisfies Catalog;

/** Keys of the console catalogs. */
export type ConsoleMessageKey = keyof typeof en;
