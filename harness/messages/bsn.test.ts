import { describe, expect, it } from 'vitest';
import { isValidBsn, syntheticBsn, syntheticBsnCount } from './bsn.js';

describe('isValidBsn', () => {
  it.each(['999990019', '999990007', '999995017', '999995030'])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });

  it.each([
    ['999990018', 'fails the 11-test'],
    ['999995018', 'fails the 11-test (last digit off by one)'],
    ['99999001', '8 digits'],
    ['9999900190', '10 digits'],
    ['99999001a', 'a letter'],
    [' 99999001', 'white space'],
    ['', 'empty'],
  ])('refuses %s (%s)', (bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
  });
});

describe('syntheticBsn', () => {
  it('gives valid BSNs from the 99999xxxx range, deterministically', () => {
    expect(syntheticBsn(0)).toBe('999990007');
    expect(syntheticBsn(1)).toBe('999990019');
    expect(syntheticBsn(7)).toBe(syntheticBsn(7));
  });

  it('gives a distinct valid BSN for every index', () => {
    const all = Array.from({ length: syntheticBsnCount() }, (_, n) => syntheticBsn(n));
    expect(all.length).toBeGreaterThan(900);
    expect(new Set(all).size).toBe(all.length);
    for (const bsn of all) {
      expect(bsn.startsWith('99999')).toBe(true);
      expect(isValidBsn(bsn)).toBe(true);
    }
  });

  it('refuses an index outside the range, saying how to fix it', () => {
    expect(() => syntheticBsn(-1)).toThrow(/Pass an integer from 0 to/);
    expect(() => syntheticBsn(syntheticBsnCount())).toThrow(RangeError);
    expect(() => syntheticBsn(1.5)).toThrow(RangeError);
  });
});
