import type { MessageAuthor } from '@aftercare/shared';
import { avatarColor, initials } from '../lib/avatar.js';

/**
 * An agent's picture (the snapshot stored with the message), or their initials on their colour.
 * The picture comes from wherever the shop keeps it, so no referrer tells that host which shop
 * page the shopper is on.
 */
export function Avatar({ author, name }: { author: MessageAuthor; name: string }) {
  if (author.avatarUrl)
    return <img class="av" src={author.avatarUrl} alt={name} width={28} height={28} referrerpolicy="no-referrer" />;
  return (
    <span class="av" style={{ background: avatarColor(author.id) }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
