import { randomId } from '../lib/ids.js';

/**
 * This page's id, kept across reloads of the same tab (sessionStorage), so after a reload the page
 * knows which outbox files were its own, now lost, rather than another open tab's.
 */
export function pageId(): string {
  try {
    const id = sessionStorage.getItem('aftercare:page') ?? randomId();
    sessionStorage.setItem('aftercare:page', id);
    return id;
  } catch {
    return randomId();
  }
}
