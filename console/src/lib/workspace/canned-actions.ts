import type { CannedResponse, CannedResponseInput } from '@aftercare/shared';
import { type ClientErrorCode, request } from '../agent-socket.js';
import type { WorkspaceContext } from './context.js';

/** What a management action answers: done, or why not (shown next to the form). */
export type CannedResult = { ok: true } | { ok: false; code: ClientErrorCode };

const setCanned = (ctx: WorkspaceContext, responses: CannedResponse[]) =>
  ctx.store.set((state) => ({ ...state, canned: sortByShortcut(responses) }));

/** The server sorts too; sorting again keeps a locally merged list in the same order. */
function sortByShortcut(responses: CannedResponse[]): CannedResponse[] {
  return [...responses].sort((a, b) => (a.shortcut < b.shortcut ? -1 : a.shortcut > b.shortcut ? 1 : 0));
}

/** Loads the tenant's saved replies (after every connect). */
export async function loadCanned(ctx: WorkspaceContext): Promise<void> {
  const res = await request(ctx.socket, 'canned:list', {});
  if (!('error' in res)) setCanned(ctx, res.data.responses);
}

/** Listens for other consoles' changes; returns the unbinding function. */
export function bindCannedEvents(ctx: WorkspaceContext): () => void {
  const changed = ({ responses }: { responses: CannedResponse[] }) => setCanned(ctx, responses);
  ctx.socket.on('canned:changed', changed);
  return () => ctx.socket.off('canned:changed', changed);
}

/** Supervisors and admins: creates (no `id`) or updates a saved reply. */
export async function saveCanned(
  ctx: WorkspaceContext,
  input: CannedResponseInput,
  id?: string,
): Promise<CannedResult> {
  const res =
    id === undefined
      ? await request(ctx.socket, 'canned:create', input)
      : await request(ctx.socket, 'canned:update', { ...input, id });
  if ('error' in res) return { ok: false, code: res.error.code };
  const saved = res.data.response;
  ctx.store.set((state) => ({
    ...state,
    canned: sortByShortcut([...state.canned.filter((item) => item.id !== saved.id), saved]),
  }));
  return { ok: true };
}

/** Supervisors and admins: deletes a saved reply. */
export async function deleteCanned(ctx: WorkspaceContext, id: string): Promise<CannedResult> {
  const res = await request(ctx.socket, 'canned:delete', { id });
  // Already gone is what the agent wanted.
  if ('error' in res && res.error.code !== 'NOT_FOUND') return { ok: false, code: res.error.code };
  ctx.store.set((state) => ({ ...state, canned: state.canned.filter((item) => item.id !== id) }));
  return { ok: true };
}
