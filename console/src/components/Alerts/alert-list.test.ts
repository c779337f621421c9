import type { Alert } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { ALERTS_KEPT, alertReceived, alertsLoaded, alertsRead } from './alert-list.js';

const alert = (id: string, read = false): Alert => ({
  id,
  kind: 'escalation',
  tenantId: 't',
  siteId: 's',
  subject: { kind: 'conversation', id: `c-${id}` },
  label: 'Vera',
  escalateAt: 1,
  createdAt: 2,
  read,
});

describe('the alerts bell', () => {
  it('adds live alerts newest first, counts them once, and keeps a bounded list', () => {
    const loaded = alertsLoaded({ alerts: [alert('a', true), alert('b')], unreadCount: 3 });
    const next = alertReceived(loaded, alert('c'));
    expect(next.alerts.map((item) => item.id)).toEqual(['c', 'a', 'b']);
    expect(next.unreadCount).toBe(4);
    expect(alertReceived(next, alert('c'))).toBe(next);
    let full = loaded;
    for (let index = 0; index < ALERTS_KEPT + 5; index++) full = alertReceived(full, alert(`n${index}`));
    expect(full.alerts).toHaveLength(ALERTS_KEPT);
  });

  it('marks one or all alerts read, preferring the server’s count', () => {
    const state = alertsLoaded({ alerts: [alert('a'), alert('b'), alert('c', true)], unreadCount: 5 });
    const one = alertsRead(state, ['a']);
    expect(one.alerts.map((item) => item.read)).toEqual([true, false, true]);
    expect(one.unreadCount).toBe(4);
    expect(alertsRead(one, ['a']).unreadCount).toBe(4);
    expect(alertsRead(state, null, 0)).toMatchObject({ unreadCount: 0 });
    expect(alertsRead(state, null).alerts.every((item) => item.read)).toBe(true);
  });
});
