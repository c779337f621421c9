import { useEffect, useReducer, useState } from 'preact/hooks';
import type { RatingRequests } from './rating-requests.js';

type Card = typeof import('./RatingCard.js').RatingCard;

/**
 * Where the rating card appears in the panel. The card (with its texts and styles) is a chunk of
 * its own, loaded only once there is something to rate: most visits never need it.
 */
export function RatingSlot({ ratings }: { ratings: RatingRequests }) {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  useEffect(() => ratings.subscribe(() => rerender(0)), [ratings]);
  const shown = ratings.shown;
  const [card, setCard] = useState<Card | null>(null);
  useEffect(() => {
    if (shown && !card) void import('./RatingCard.js').then((module) => setCard(() => module.RatingCard));
  }, [shown, card]);
  if (!shown || !card) return null;
  const RatingCard = card;
  const subject = shown.subject;
  return <RatingCard key={`${subject.kind}:${subject.id}`} request={shown} ratings={ratings} />;
}
