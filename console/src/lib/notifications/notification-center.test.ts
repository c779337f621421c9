import { describe, expect, it } from 'vitest';
import { createPreferences } from '../preferences.js';
import type { BrowserAlerts } from './browser-alerts.js';
import { createNotificationCenter, unreadTotal } from './notification-center.js';

/** A stand-in for the browser (a port, not one of our modules): records what it was asked to do. */
function fakeBrowser(attended: boolean) {
  const calls: string[] = [];
  const alerts: BrowserAlerts = {
    permission: () => 'granted',
    requestPermission: async () => 'granted',
    beep: () => calls.push('beep'),
    show: (title) => calls.push(`show:${title}`),
    isAttended: () => attended,
  };
  return { alerts, calls };
}

const alert = { kind: 'assigned' as const, conversationId: 'c1' };
const describeAlert = () => ({ title: 'New', body: 'body' });

describe('notification center', () => {
  it('badges, beeps and shows a desktop notification while the console is out of sight', () => {
    const { alerts, calls } = fakeBrowser(false);
    const center = createNotificationCenter({
      alerts,
      preferences: createPreferences(null, 'me'),
      describe: describeAlert,
      open: () => {},
    });
    center.handle(alert, null);
    center.handle({ ...alert, conversationId: 'c2' }, null);
    expect(unreadTotal(center.store.get())).toBe(2);
    expect(calls).toEqual(['beep', 'show:New', 'beep', 'show:New']);
    center.seen('c1');
    expect(unreadTotal(center.store.get())).toBe(1);
  });

  it('stays quiet about the chat the agent is looking at, and only badges when switched off', async () => {
    const { alerts, calls } = fakeBrowser(true);
    const center = createNotificationCenter({
      alerts,
      preferences: createPreferences(null, 'me'),
      describe: describeAlert,
      open: () => {},
    });
    center.handle(alert, 'c1');
    expect(unreadTotal(center.store.get())).toBe(0);
    await center.setEnabled(false);
    center.handle(alert, 'other');
    expect(unreadTotal(center.store.get())).toBe(1);
    expect(calls).toEqual([]);
  });
});
