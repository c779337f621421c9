import type { Catalog } from '../locale.js';

/**
 * English texts of the shopper widget. `enLauncher` holds the few texts the loader shows before
 * the app exists; it is a separate export so the loader's bundle takes only those, and the app's
 * catalog chunk does not repeat them.
 */
export const enLauncher = {
  launcherOpen: 'Chat with us',
  launcherOpenUnread: 'Chat with us ({count} unread)',
  launcherHide: 'Hide the chat button',
} satisfies Catalog;

/** Every text of the widget app (the panel), in English. */
export const en: Catalog = {
  title: 'Customer care',
  subtitle: 'We usually reply within a few minutes',
  close: 'Close chat',
  statusConnecting: 'Connecting…',
  statusOffline: 'You are offline. Your messages will be sent when the connection is back.',
  statusReconnecting: 'Reconnecting…',
  queueNext: "You're next in line — an agent will be with you shortly.",
  queuePosition: "You're number {position} in line — an agent will be with you shortly.",
  queueWaiting: 'Please wait a moment — an agent will be with you shortly.',
  unavailable: 'Chat is not available on this page right now.',
  loading: 'Loading…',
  prechatIntro: 'Tell us who you are and an agent will be with you shortly.',
  fieldName: 'Your name',
  fieldEmail: 'Email (optional)',
  fieldPhone: 'Phone (optional)',
  prechatStart: 'Start chat',
  prechatStarting: 'Starting…',
  errorName: 'Please enter your name.',
  errorEmail: 'Please enter a valid email address.',
  errorPhone: 'Please enter a valid phone number.',
  errorStart: 'The chat could not be started. Please try again.',
  productAbout: 'Chatting about',
  productSku: 'SKU {sku}',
  messagesLabel: 'Conversation',
  you: 'You',
  agentFallback: 'Support',
  systemAuthor: 'Notice',
  composerLabel: 'Your message',
  composerPlaceholder: 'Type a message…',
  send: 'Send',
  emoji: 'Insert an emoji',
  stateQueued: 'Waiting for network',
  stateSending: 'Sending…',
  stateSent: 'Sent',
  stateDelivered: 'Delivered',
  stateRead: 'Read',
  stateFailed: 'Not sent',
  removeFailed: 'Remove',
  typingNamed: '{name} is typing…',
  typingAnonymous: 'An agent is typing…',
  announceMessage: 'New message from {name}: {text}',
  emptyChat: 'Ask us anything about your order or product — an agent will reply here.',
  tooLong: 'A message can be at most {max} characters.',
  resolvedTitle: 'This conversation has been resolved. Thank you for contacting us!',
  resolvedTranscript: 'View the transcript',
  resolvedNew: 'Start a new conversation',
};
