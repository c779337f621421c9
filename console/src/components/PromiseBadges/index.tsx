import type { Conversation } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';
import { conversationPromises, type PromiseBadge, pressingPromise, promiseText } from '../../lib/service-promises.js';
import './style.css';

/** One promise as a badge: its state in words (amber when due soon, red when overdue), its due time on hover. */
function Badge({ badge, now }: { badge: PromiseBadge; now: number }) {
  const i18n = useI18n();
  return (
    <span
      class={`sla-badge sla-badge--${badge.state}`}
      data-promise={badge.promise}
      data-state={badge.state}
      title={i18n.t('promise.dueAt', { time: i18n.formatTime(badge.dueAt) })}
    >
      {promiseText(i18n, badge, now)}
    </span>
  );
}

function EscalatedBadge({ conversation }: { conversation: Conversation }) {
  const i18n = useI18n();
  if (conversation.escalatedAt == null || conversation.status !== 'open') return null;
  return (
    <span
      class="sla-badge sla-badge--escalated"
      data-escalated
      title={i18n.t('promise.escalatedAt', { time: i18n.formatTime(conversation.escalatedAt) })}
    >
      {i18n.t('promise.escalated')}
    </span>
  );
}

/** The inbox row's badges: the promise to act on next, and whether the chat was escalated. */
export function RowPromiseBadges({ conversation, now }: { conversation: Conversation; now: number }) {
  const badge = pressingPromise(conversation, now);
  return (
    <>
      {badge && <Badge badge={badge} now={now} />}
      <EscalatedBadge conversation={conversation} />
    </>
  );
}

/** The conversation header's badges: every promise of the chat (kept, broken or pending) and escalation. */
export function HeaderPromiseBadges({ conversation, now }: { conversation: Conversation; now: number }) {
  const { t } = useI18n();
  const badges = conversationPromises(conversation, now);
  if (badges.length === 0 && conversation.escalatedAt == null) return null;
  return (
    <span class="sla-badges">
      <span class="sr-only">{t('promise.label')}: </span>
      {badges.map((badge) => (
        <Badge key={badge.promise} badge={badge} now={now} />
      ))}
      <EscalatedBadge conversation={conversation} />
    </span>
  );
}
