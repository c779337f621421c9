import * as v from 'valibot';
import { FOLLOW_UP_OUTCOMES, FOLLOW_UP_VIEWS } from '../protocol/follow-up-events.js';
import { LIMITS } from '../protocol/limits.js';
import * as field from './fields.js';

/** Post-service ratings and follow-ups (issue 5 items 6 and 7). */

const ratingSubject = v.strictObject({ kind: v.picklist(['conversation', 'ticket']), id: field.id });

/** An empty or blank comment counts as no comment. */
const optionalText = (max: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.maxLength(max),
      v.transform((value) => value.trim()),
    ),
  );

/** `rating:submit`: a whole score from 1 to 5 and an optional comment. */
export const ratingSubmit = v.strictObject({
  subject: ratingSubject,
  score: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
  comment: optionalText(LIMITS.ratingComment),
});

/** `rating:request`: exactly one of a conversation or a ticket. */
export const ratingRequest = v.union([
  v.strictObject({ conversationId: field.id }),
  v.strictObject({ ticketId: field.id }),
]);

export const ratingList = v.strictObject({ customerId: field.id });

export const followUpList = v.strictObject({
  view: v.picklist(FOLLOW_UP_VIEWS),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000))),
});

export const followUpComplete = v.strictObject({
  followUpId: field.id,
  outcome: v.picklist(FOLLOW_UP_OUTCOMES),
  note: optionalText(LIMITS.followUpNote),
});
