import { describe, expect, it } from 'vitest';
import { messageVariant } from './message-variants.test-support.js';
import { PlainPacker } from './plain-packer.js';

describe('PlainPacker', () => {
  it('gives back every generated message model equal, field by field, and as a fresh copy', () => {
    const packer = new PlainPacker();
    for (let seed = 1; seed <= 500; seed += 1) {
      const { bericht } = messageVariant(seed);
      const back = packer.unpack<typeof bericht>(packer.pack(bericht));
      expect(back).toStrictEqual(bericht);
      expect(back).not.toBe(bericht);
      expect(back.header).not.toBe(bericht.header);
    }
  });

  it('keeps empty objects and arrays, nulls, booleans, numbers and key order; leaves out undefined keys as JSON does', () => {
    const packer = new PlainPacker();
    const value = { b: [], a: {}, n: null, t: true, f: false, x: 0, y: -12.5, s: '', u: undefined, nested: [[1, 'two'], { z: [null] }] };
    const back = packer.unpack<Record<string, unknown>>(packer.pack(value));
    const { u: _left, ...expected } = value;
    expect(back).toStrictEqual(expected);
    expect(Object.keys(back)).toEqual(['b', 'a', 'n', 't', 'f', 'x', 'y', 's', 'nested']);
  });

  it('tells apart shapes that share keys: another order, a prefix, one key more', () => {
    const packer = new PlainPacker();
    const values = [{ a: 1, b: 2 }, { b: 3, a: 4 }, { a: 5 }, { a: 6, b: 7, c: 8 }, {}, { a: 9, b: 10 }, { b: { a: [] } }];
    const packed = values.map((v) => packer.pack(v));
    const back = packed.map((p) => packer.unpack<Record<string, unknown>>(p));
    expect(back).toStrictEqual(values);
    expect(back.map((v) => Object.keys(v))).toEqual(values.map((v) => Object.keys(v)));
    // The first and the sixth value share a shape, so they share its index.
    expect(packed[5]?.split(',')[0]).toBe(packed[0]?.split(',')[0]);
  });

  it('writes the keys of a shape once in its table, not in each packed value', () => {
    const packer = new PlainPacker();
    const packed = packer.pack({ budgetIdentificatie: 'B1', afgiftedatum: '2026-03-02' });
    expect(packed).not.toContain('budgetIdentificatie');
    expect(packed.length).toBeLessThan(JSON.stringify({ budgetIdentificatie: 'B1', afgiftedatum: '2026-03-02' }).length / 2);
  });

  it.each([
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['NaN', Number.NaN],
    ['-0', -0],
    ['a function', () => 1],
    ['undefined in an array', [undefined]],
    ['a bigint', 1n],
  ])('refuses %s rather than give back something else', (_label, value) => {
    expect(() => new PlainPacker().pack({ v: value })).toThrow(/PlainPacker cannot keep .*Fix:/);
  });
});
