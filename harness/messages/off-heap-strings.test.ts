import { describe, expect, it } from 'vitest';
import { OffHeapStrings } from './off-heap-strings.js';

describe('OffHeapStrings', () => {
  it('gives back every string as put, across chunks, with characters of every width and a string larger than a chunk', () => {
    const strings = new OffHeapStrings();
    const texts = Array.from({ length: 12_000 }, (_, i) => `[${i},"é€😀\\u0000",${'x'.repeat(i % 300)}]`);
    texts.splice(5_000, 0, '', 'ü'.repeat(700_000), '😀'.repeat(300_000));
    const handles = texts.map((t) => strings.put(t));
    expect(new Set(handles).size).toBe(texts.length);
    expect(handles.map((h) => strings.get(h))).toEqual(texts);
    expect(strings.heldBytes).toBeGreaterThan(2 ** 20);
  });

  it('lets a chunk go once all its strings are released, and keeps the others readable', () => {
    const strings = new OffHeapStrings();
    const texts = Array.from({ length: 20_000 }, (_, i) => `${i}:${'y'.repeat(200)}`);
    const handles = texts.map((t) => strings.put(t));
    const held = strings.heldBytes;
    for (let i = 0; i < 10_000; i += 1) strings.release(handles[i] as number);
    expect(strings.heldBytes).toBeLessThan(held);
    expect(handles.slice(10_000).map((h) => strings.get(h))).toEqual(texts.slice(10_000));
    for (let i = 10_000; i < 20_000; i += 1) strings.release(handles[i] as number);
    // The current chunk stays, emptied, for what comes next.
    expect(strings.heldBytes).toBe(2 ** 20);
    const again = strings.put('again');
    expect(strings.get(again)).toBe('again');
  });

  it('names a handle it does not hold', () => {
    const strings = new OffHeapStrings();
    const h = strings.put('one');
    strings.release(h);
    expect(() => strings.get(h)).toThrow(/holds no string under 0.*released.*Fix/);
    expect(() => strings.get(-1)).toThrow(RangeError);
    expect(() => strings.get(2.5)).toThrow(RangeError);
  });
});
