import type { Agent } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { agentName } from '../display.js';
import { mergeAgentNames } from './team-actions.js';

const agent = (id: string, name: string): Agent => ({
  id,
  tenantId: 't',
  email: `${id}@shop.example`,
  name,
  role: 'agent',
  active: true,
  avatarUrl: null,
  createdAt: 0,
});
const i18n = { t: (key: string, values?: Record<string, string | number>) => `${key}:${values?.id ?? ''}` };

describe('mergeAgentNames', () => {
  it('names every colleague of the directory, corrects stale names and keeps ones learnt live', () => {
    const names = mergeAgentNames({ a1: 'Old name', live: 'Written since' }, [agent('a1', 'Ann'), agent('b2', 'Bob')]);
    expect(names).toEqual({ a1: 'Ann', b2: 'Bob', live: 'Written since' });
    expect(agentName(i18n, names, 'b2')).toBe('Bob');
    // Only an agent nobody has heard of falls back to the short id.
    expect(agentName(i18n, names, 'c3c3c3c3')).toBe('agent.unknown:c3c3c3');
  });
});
