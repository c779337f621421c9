import type { ProductContext } from '@aftercare/shared';
import type { Locale } from '@aftercare/shared/i18n/locale.js';

/**
 * The contract between the loader (on the host page from the start) and the app (loaded later).
 * The loader owns the public API and its state, so calls made before the app exists are simply
 * state the app reads when it mounts; the app calls back through `emit` and `setUnread`.
 */

/** A logged-in shopper as the shop describes them through `Aftercare.identify`. */
export interface ShopperIdentity {
  /** The shop's own user id. */
  id: string;
  name?: string;
  email?: string;
  phone?: string;
  /** HMAC-SHA256 of `id` with the site's secret; verified by the server in later work. */
  hash?: string;
}

/** Events the public API lets the host page listen to, with their payloads. */
export interface WidgetEvents {
  ready: undefined;
  open: undefined;
  close: undefined;
  message: { text: string; authorName: string | null; createdAt: number };
  unread: { count: number };
}

export type WidgetEventName = keyof WidgetEvents;

/** What the shop (or defaults) asked for; the app re-reads it whenever `onChange` fires. */
export interface WidgetSettings {
  open: boolean;
  /** Set through `setLocale`; otherwise the browser's languages decide. */
  locale?: Locale;
  /** Set through `setProduct`; `undefined` means "read the page's JSON-LD", `null` means "no product". */
  product?: ProductContext | null;
  identity?: ShopperIdentity | null;
}

/** Handed by the loader to the app's `mount`. */
export interface WidgetHost {
  siteKey: string;
  /** Origin and path the loader came from, ending in `/`; the socket and app files live there. */
  baseUrl: string;
  /** The widget's shadow root; the app renders into `container`. */
  root: ShadowRoot;
  container: HTMLElement;
  launcher: HTMLButtonElement;
  settings: WidgetSettings;
  /** Opens or closes the panel as if through the public API (so events fire once, in one place). */
  setOpen(open: boolean): void;
  setUnread(count: number): void;
  emit<E extends WidgetEventName>(event: E, payload: WidgetEvents[E]): void;
  /** Set by the app: called after any API call changed `settings`. */
  onChange: (() => void) | null;
}

/** Storage keys shared by the loader and the app; scoped by site so two widgets never mix. */
export const storageKey = (siteKey: string, name: string) => `aftercare:${siteKey}:${name}`;
