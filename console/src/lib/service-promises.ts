import { type Conversation, type PromiseState, promiseState } from '@aftercare/shared';
import type { I18n } from './i18n.js';

/** One promise of a chat as the console shows it. */
export interface PromiseBadge {
  promise: 'firstReply' | 'resolution';
  state: PromiseState;
  dueAt: number;
}

/**
 * A chat's promises with a due time, in the order agents act on them: the first reply, then the
 * resolution. Chats from before service promises (no due times) have none.
 */
export function conversationPromises(conversation: Conversation, now: number): PromiseBadge[] {
  const badges: PromiseBadge[] = [];
  const since = conversation.createdAt;
  // Copies from an older server lack the fields: treat them as no promise.
  const firstDue = conversation.firstReplyDueAt ?? null;
  if (firstDue !== null) {
    const state = promiseState(since, firstDue, conversation.firstReplyAt ?? null, now);
    badges.push({ promise: 'firstReply', state, dueAt: firstDue });
  }
  const resolutionDue = conversation.resolutionDueAt ?? null;
  if (resolutionDue !== null) {
    const resolvedAt = conversation.status === 'resolved' ? conversation.resolvedAt : null;
    badges.push({
      promise: 'resolution',
      state: promiseState(since, resolutionDue, resolvedAt, now),
      dueAt: resolutionDue,
    });
  }
  return badges;
}

/**
 * The one badge an inbox row has room for: the promise the agent must act on next (a pending
 * first reply, else a pending resolution), or none once both are kept or the chat is resolved.
 */
export function pressingPromise(conversation: Conversation, now: number): PromiseBadge | null {
  if (conversation.status !== 'open') return null;
  return conversationPromises(conversation, now).find((badge) => isPending(badge.state)) ?? null;
}

export function isPending(state: PromiseState): boolean {
  return state === 'on-track' || state === 'due-soon' || state === 'overdue';
}

/** The badge's words: the colour alone must never carry the state. */
export function promiseText(i18n: Pick<I18n, 't'>, badge: PromiseBadge, now: number): string {
  const key = `promise.${badge.promise}.${badge.state}` as const;
  return i18n.t(key, { duration: formatSpan(i18n, Math.abs(badge.dueAt - now)) });
}

/**
 * A span of time, coarse enough to read at a glance: minutes (at least one), hours and minutes, or
 * days and hours. Rounded to the nearest minute: the inbox's clock ticks every few seconds, so a
 * count rounded up would read a minute long for most of each minute.
 */
export function formatSpan(i18n: Pick<I18n, 't'>, ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return i18n.t('duration.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return i18n.t('duration.hours', { hours, minutes: minutes % 60 });
  return i18n.t('duration.days', { days: Math.floor(hours / 24), hours: hours % 24 });
}
