/**
 * A group of agents (e.g. "Repairs", "Refunds"). A conversation transferred to a team goes to one of
 * its online members with free capacity, or waits in the queue for the first member who has room.
 */
export interface Team {
  id: string;
  tenantId: string;
  name: string;
  /** Agent ids, each at most once; an agent may belong to several teams. */
  memberIds: string[];
  createdAt: number;
}
