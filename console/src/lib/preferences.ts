import { AGENT_STATUSES, type AgentStatus } from '@aftercare/shared';

/** One signed-in agent's remembered choices. Reading or writing never throws. */
export interface Preferences {
  /** The status chosen last time (default `online`); sent after every (re)connect. */
  status(): AgentStatus;
  saveStatus(status: AgentStatus): void;
  /** Whether new chats and shopper messages ring and badge (default on). */
  notificationsEnabled(): boolean;
  saveNotificationsEnabled(enabled: boolean): void;
}

/**
 * Preferences kept in `storage` under keys of `agentId`, so two agents sharing a browser keep
 * their own. Without storage (blocked by privacy settings) the defaults apply and choices last
 * for the page's lifetime only.
 */
export function createPreferences(storage: Pick<Storage, 'getItem' | 'setItem'> | null, agentId: string): Preferences {
  const memory = new Map<string, string>();
  const key = (name: string) => `aftercare.console.${name}.${agentId}`;
  const read = (name: string): string | null => {
    try {
      return storage?.getItem(key(name)) ?? memory.get(name) ?? null;
    } catch {
      return memory.get(name) ?? null;
    }
  };
  const write = (name: string, value: string) => {
    memory.set(name, value);
    try {
      storage?.setItem(key(name), value);
    } catch {
      // Storage full or blocked: the in-memory copy still serves this page.
    }
  };
  return {
    status() {
      const saved = read('status');
      return (AGENT_STATUSES as readonly string[]).includes(saved ?? '') ? (saved as AgentStatus) : 'online';
    },
    saveStatus: (status) => write('status', status),
    notificationsEnabled: () => read('notifications') !== 'off',
    saveNotificationsEnabled: (enabled) => write('notifications', enabled ? 'on' : 'off'),
  };
}
