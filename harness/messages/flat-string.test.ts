import { describe, expect, it } from 'vitest';
import { flatString } from './flat-string.js';

describe('flatString', () => {
  it('gives back the same characters, a lone surrogate, quotes, controls and the empty string included', () => {
    const pieces = ['retour:', 'SVB', ':', 'CSVB00000001', '\ud800', '"\\\u0000\n', 'é€😀', ''];
    for (const piece of pieces) {
      const rope = `${piece}|${'x'.repeat(20)}|${piece}`;
      expect(flatString(rope)).toBe(rope);
    }
    expect(flatString('')).toBe('');
  });
});
