import type { AgentRole } from '@aftercare/shared';
import { useEffect, useState } from 'preact/hooks';

/** The settings screen's sections, in navigation order. */
export type SettingsSection = 'sites' | 'agents' | 'teams' | 'replies' | 'profile';
export const SETTINGS_SECTIONS: readonly SettingsSection[] = ['sites', 'agents', 'teams', 'replies', 'profile'];

/**
 * Where the signed-in console is: the inbox, a settings section (`null`: the role's first one), or
 * the repair tickets (one open, or the list alone).
 */
export type ConsoleRoute =
  | { screen: 'inbox' }
  | { screen: 'settings'; section: SettingsSection | null }
  | { screen: 'tickets'; ticketId: string | null }
  | { screen: 'reports' }
  | { screen: 'follow-ups' };

/** Ids as the server makes them; anything else in a hash is not a ticket. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Sections each role sees. Agents only have their own profile; supervisors see the shop's setup
 * (read-only, so they can answer questions about it) and manage saved replies; admins change all.
 */
export function sectionsFor(role: AgentRole): SettingsSection[] {
  return role === 'agent' ? ['profile'] : [...SETTINGS_SECTIONS];
}

/** The link of a route, e.g. `#/settings/sites`. */
export function routeHash(route: ConsoleRoute): string {
  if (route.screen === 'inbox') return '#/inbox';
  if (route.screen === 'reports') return '#/reports';
  if (route.screen === 'follow-ups') return '#/follow-ups';
  if (route.screen === 'tickets') return route.ticketId ? `#/tickets/${route.ticketId}` : '#/tickets';
  return route.section ? `#/settings/${route.section}` : '#/settings';
}

/**
 * Reads a location hash. Routes start with `#/`; any other hash (a skip link's `#conversation`)
 * is an in-page jump, answered `undefined` so the current route stays.
 */
export function parseRoute(hash: string): ConsoleRoute | undefined {
  if (hash === '' || hash === '#') return { screen: 'inbox' };
  if (!hash.startsWith('#/')) return undefined;
  const [screen, section] = hash.slice(2).split('/');
  if (screen === 'tickets')
    return { screen: 'tickets', ticketId: section && ID_PATTERN.test(section) ? section : null };
  if (screen === 'reports') return { screen: 'reports' };
  if (screen === 'follow-ups') return { screen: 'follow-ups' };
  if (screen !== 'settings') return { screen: 'inbox' };
  return { screen: 'settings', section: SETTINGS_SECTIONS.find((item) => item === section) ?? null };
}

/** The route in the address bar, followed through back/forward and links. */
export function useConsoleRoute(): ConsoleRoute {
  const [route, setRoute] = useState<ConsoleRoute>(() => parseRoute(location.hash) ?? { screen: 'inbox' });
  useEffect(() => {
    const onChange = () => {
      const next = parseRoute(location.hash);
      if (next) setRoute(next);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
