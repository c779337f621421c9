import type { CannedResponse } from '@aftercare/shared';

/** Storage port for canned responses. A shortcut is unique within its tenant. */
export interface CannedResponseRepository {
  /** Throws `CONFLICT` if the tenant already has this shortcut (or the id is taken). */
  create(response: CannedResponse): Promise<CannedResponse>;
  /** The response, or null when unknown or of another tenant. */
  getById(tenantId: string, id: string): Promise<CannedResponse | null>;
  /** Every response of the tenant, sorted by shortcut. */
  listByTenant(tenantId: string): Promise<CannedResponse[]>;
  /**
   * Replaces shortcut, title, text and `updatedAt` of the tenant's response; null when there is
   * none. Throws `CONFLICT` if the new shortcut belongs to another response of the tenant.
   */
  update(
    tenantId: string,
    id: string,
    changes: Pick<CannedResponse, 'shortcut' | 'title' | 'text' | 'updatedAt'>,
  ): Promise<CannedResponse | null>;
  /** True when the tenant's response existed and was deleted. */
  delete(tenantId: string, id: string): Promise<boolean>;
}
