import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor } from './shortcuts.js';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

const element = (tagName: string, type?: string) => ({
  tagName,
  isContentEditable: false,
  getAttribute: (name: string) => (name === 'type' ? (type ?? null) : null),
});

describe('shortcutFor', () => {
  it('maps j/k, Alt+arrows, r, e and ?', () => {
    expect(shortcutFor(key('j'))).toBe('next');
    expect(shortcutFor(key('ArrowDown', { altKey: true }))).toBe('next');
    expect(shortcutFor(key('k'))).toBe('previous');
    expect(shortcutFor(key('ArrowUp', { altKey: true }))).toBe('previous');
    expect(shortcutFor(key('r'))).toBe('reply');
    expect(shortcutFor(key('e'))).toBe('resolve');
    expect(shortcutFor(key('?'))).toBe('help');
  });

  it('leaves browser combinations and plain arrows alone', () => {
    expect(shortcutFor(key('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('j', { metaKey: true }))).toBeNull();
    expect(shortcutFor(key('ArrowDown'))).toBeNull();
    expect(shortcutFor(key('x'))).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('is true for text fields and false for buttons', () => {
    expect(isTypingTarget(element('TEXTAREA') as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget(element('INPUT') as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget(element('INPUT', 'number') as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget(element('SELECT') as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget(element('INPUT', 'checkbox') as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(element('BUTTON') as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
