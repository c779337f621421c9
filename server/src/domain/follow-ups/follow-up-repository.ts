import type { FollowUp, FollowUpOutcome, FollowUpView } from '@aftercare/shared';

/** What recording a follow-up's outcome stores. */
export interface FollowUpResult {
  outcome: FollowUpOutcome;
  note: string | null;
  doneBy: string;
  doneAt: number;
}

/** Storage port for follow-ups on closed tickets. */
export interface FollowUpRepository {
  /**
   * Stores follow-ups; one already stored for the same ticket and sequence is kept as it is (the
   * UNIQUE rule makes scheduling twice harmless). Answers the ones newly stored.
   */
  schedule(followUps: FollowUp[]): Promise<FollowUp[]>;
  getById(tenantId: string, id: string): Promise<FollowUp | null>;
  /** One page of a view as of `now` (see `FollowUpView` for the order). */
  list(tenantId: string, view: FollowUpView, now: number, page: { offset: number; limit: number }): Promise<FollowUp[]>;
  /** Records the outcome if the follow-up is still pending; null when it is not (done already, or unknown). */
  complete(tenantId: string, id: string, result: FollowUpResult): Promise<FollowUp | null>;
  /** Pending follow-ups of every tenant that fell due in `(after, upTo]`, oldest first. */
  listFallenDue(after: number, upTo: number, limit: number): Promise<FollowUp[]>;
}
