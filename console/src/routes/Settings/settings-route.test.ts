import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, sectionsFor } from './settings-route.js';

describe('console routes', () => {
  it('reads settings sections and falls back to the inbox', () => {
    expect(parseRoute('')).toEqual({ screen: 'inbox' });
    expect(parseRoute('#/settings')).toEqual({ screen: 'settings', section: null });
    expect(parseRoute('#/settings/teams')).toEqual({ screen: 'settings', section: 'teams' });
    expect(parseRoute('#/settings/nope')).toEqual({ screen: 'settings', section: null });
    expect(parseRoute('#/inbox')).toEqual({ screen: 'inbox' });
  });

  it('reads the tickets list and one ticket, refusing ids that are not ids', () => {
    expect(parseRoute('#/tickets')).toEqual({ screen: 'tickets', ticketId: null });
    expect(parseRoute('#/tickets/abc-123')).toEqual({ screen: 'tickets', ticketId: 'abc-123' });
    expect(parseRoute('#/tickets/<script>')).toEqual({ screen: 'tickets', ticketId: null });
    const route = { screen: 'tickets', ticketId: 'abc-123' } as const;
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('leaves the route alone for in-page jumps such as skip links', () => {
    expect(parseRoute('#conversation')).toBeUndefined();
  });

  it('round-trips a route through its link', () => {
    const route = { screen: 'settings', section: 'sites' } as const;
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('gives plain agents their profile only', () => {
    expect(sectionsFor('agent')).toEqual(['profile']);
    expect(sectionsFor('supervisor')).toContain('sites');
    expect(sectionsFor('admin')).toEqual(['sites', 'agents', 'teams', 'replies', 'profile']);
  });
});
