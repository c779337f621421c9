import type { AgentPresence } from '@aftercare/shared';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../lib/i18n.js';
import { transferErrorText } from './transfer-error.js';

const presence = (extra: Partial<AgentPresence>): AgentPresence => ({
  agentId: 'bob',
  status: 'online',
  connections: 1,
  capacity: 1,
  load: 1,
  idleSince: 0,
  ...extra,
});

describe('transferErrorText', () => {
  const i18n = createI18n('en');

  it('says why a CONFLICT happened, from the presence the console holds', () => {
    expect(transferErrorText(i18n, 'CONFLICT', 'Bob', presence({}))).toBe('Bob has no free capacity.');
    expect(transferErrorText(i18n, 'CONFLICT', 'Bob', presence({ status: 'away', load: 0 }))).toBe(
      'Bob is not online.',
    );
    expect(transferErrorText(i18n, 'CONFLICT', 'Bob', presence({ load: 0 }))).toBe(
      'The conversation changed meanwhile. Try again.',
    );
  });

  it('says a team cannot take the chat, rather than guessing from presence', () => {
    expect(transferErrorText(i18n, 'CONFLICT', 'Repairs', undefined, true)).toBe(
      'The team Repairs cannot take this conversation now.',
    );
  });

  it('explains FORBIDDEN and falls back to a generic sentence', () => {
    expect(transferErrorText(i18n, 'FORBIDDEN', 'Bob', undefined)).toBe(
      'You can only transfer conversations assigned to you.',
    );
    expect(transferErrorText(createI18n('zh-CN'), 'INTERNAL', '李伟', undefined)).toBe(
      '未能将会话分配给 李伟，请重试。',
    );
  });
});
