/**
 * A saved reply (canned response) of one tenant. Agents type `/` and its shortcut in the composer
 * to insert `text`; a shop answering in two languages keeps one entry per language.
 */
export interface CannedResponse {
  id: string;
  tenantId: string;
  /** What agents type after `/`: lower-case letters, digits and `-`, unique per tenant. */
  shortcut: string;
  title: string;
  text: string;
  createdAt: number;
  updatedAt: number;
}

/** Lower-case letters, digits and dashes; checked by the schemas and the console's form alike. */
export const CANNED_SHORTCUT_PATTERN = /^[a-z0-9-]+$/;
