import type { Team } from '@aftercare/shared';

/** Storage port for teams. A name is unique per tenant, ignoring case. */
export interface TeamRepository {
  /** Throws `CONFLICT` if the tenant already has a team of this name (or the id is taken). */
  create(team: Team): Promise<Team>;
  /** The team, or null when unknown or of another tenant. */
  getById(tenantId: string, id: string): Promise<Team | null>;
  /** The tenant's teams, by name. */
  listByTenant(tenantId: string): Promise<Team[]>;
  /** Replaces name and members; null when there is no such team. Throws `CONFLICT` for a taken name. */
  update(tenantId: string, id: string, changes: Pick<Team, 'name' | 'memberIds'>): Promise<Team | null>;
  /** True when the tenant's team existed and was deleted. */
  delete(tenantId: string, id: string): Promise<boolean>;
}
