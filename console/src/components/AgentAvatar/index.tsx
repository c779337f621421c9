import { useState } from 'preact/hooks';
import { safeWebUrl } from '../../lib/display.js';
import './style.css';

export interface AgentAvatarProps {
  name: string;
  /** The agent's picture; without one (or when it fails to load) the initials show. */
  url: string | null | undefined;
  size?: 'small' | 'medium';
}

/**
 * Up to two initials of a name: first letters of the first and last words, or the first
 * character for a single word (so a Chinese name 李伟 shows 李).
 * @example initials('Bob Baker') // 'BB'
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]!][0] ?? '';
  if (words.length === 1) return first.toUpperCase();
  return `${first}${[...words[words.length - 1]!][0] ?? ''}`.toUpperCase();
}

/**
 * An agent's picture or initials. Decorative: the name always stands beside it, so screen readers
 * skip it rather than read the name twice.
 */
export function AgentAvatar({ name, url, size = 'small' }: AgentAvatarProps) {
  const src = safeWebUrl(url ?? undefined);
  // A broken link falls back to the initials instead of the browser's broken-image icon.
  const [failed, setFailed] = useState<string | null>(null);
  const showImage = src !== undefined && failed !== src;
  return (
    <span class={`agent-avatar agent-avatar--${size}`} aria-hidden="true">
      {showImage ? (
        <img class="agent-avatar__image" src={src} alt="" referrerpolicy="no-referrer" onError={() => setFailed(src)} />
      ) : (
        initials(name)
      )}
    </span>
  );
}
