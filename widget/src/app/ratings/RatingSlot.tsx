import { useLazy } from '../lib/lazy.js';
import { useChanges } from '../lib/use-changes.js';
import type { RatingRequests } from './rating-requests.js';

/**
 * Where the rating card appears in the panel. The card (with its texts and styles) is a chunk of
 * its own, loaded only once there is something to rate: most visits never need it.
 */
export function RatingSlot({ ratings }: { ratings: RatingRequests }) {
  useChanges(ratings);
  const shown = ratings.shown;
  const RatingCard = useLazy(!!shown, () => import('./RatingCard.js').then((module) => module.RatingCard));
  if (!shown || !RatingCard) return null;
  const subject = shown.subject;
  return <RatingCard key={`${subject.kind}:${subject.id}`} request={shown} ratings={ratings} />;
}
