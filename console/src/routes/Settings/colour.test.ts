import { describe, expect, it } from 'vitest';
import { contrastWithWhite, MIN_CONTRAST } from './colour.js';

describe('contrastWithWhite', () => {
  it('matches the WCAG figures at both ends and for the default blue', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#2563eb')).toBeGreaterThan(MIN_CONTRAST);
    expect(contrastWithWhite('#facc15')).toBeLessThan(MIN_CONTRAST);
  });
});
