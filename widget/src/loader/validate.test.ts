import { afterEach, describe, expect, it, vi } from 'vitest';
import { isIdentity, isLocale, isProduct, isSubscription } from './validate.js';

describe('public API argument checks', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  afterEach(() => error.mockClear());

  it('accepts well-formed calls silently', () => {
    expect(isIdentity({ id: 'u1', name: 'Li', email: 'li@example.com', hash: 'abc' })).toBe(true);
    expect(isIdentity(null)).toBe(true);
    expect(isProduct({ name: 'Kettle', price: 199, currency: 'CNY' })).toBe(true);
    expect(isLocale('zh-CN')).toBe(true);
    expect(isSubscription('on', 'unread', () => {})).toBe(true);
    expect(error).not.toHaveBeenCalled();
  });

  it('rejects bad calls with a console error naming the method, never a throw', () => {
    expect(isIdentity(42)).toBe(false);
    expect(isIdentity({ name: 'no id' })).toBe(false);
    expect(isIdentity({ id: 'u1', shoeSize: 42 })).toBe(false);
    expect(isProduct({ name: 'Kettle', price: '199' })).toBe(false);
    expect(isProduct({ name: '  ' })).toBe(false);
    expect(isLocale('fr')).toBe(false);
    expect(isSubscription('on', 'click', () => {})).toBe(false);
    expect(isSubscription('off', 'open', 'not a function')).toBe(false);
    expect(error).toHaveBeenCalledTimes(8);
    expect(error.mock.calls.map(([text]) => String(text).split(':')[0])).toEqual([
      '[Aftercare] identify',
      '[Aftercare] identify',
      '[Aftercare] identify',
      '[Aftercare] setProduct',
      '[Aftercare] setProduct',
      '[Aftercare] setLocale',
      '[Aftercare] on',
      '[Aftercare] off',
    ]);
  });
});
