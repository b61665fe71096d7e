import { describe, expect, it } from 'vitest';
import { busyCoresOfOthers, cpuSample, MIN_WINDOW_MS, parseSample } from './busy-cores.js';

describe('busyCoresOfOthers', () => {
  const at = (atMs: number, busyMs: number, ownMs: number) => ({ atMs, busyMs, ownMs });

  it('counts the busy time of all cores less this process’s own, per ms of the window', () => {
    // 1 s: the cores were busy 1,700 ms, 900 of them this process: others kept 0.8 of a core busy.
    expect(busyCoresOfOthers(at(0, 10_000, 100), at(1_000, 11_700, 1_000))).toBeCloseTo(0.8);
  });

  it('says nothing for a window too short for the kernel’s ticks', () => {
    expect(busyCoresOfOthers(at(0, 0, 0), at(MIN_WINDOW_MS - 1, 100, 0))).toBeUndefined();
    expect(busyCoresOfOthers(at(0, 0, 0), at(MIN_WINDOW_MS, 100, 0))).toBeCloseTo(100 / MIN_WINDOW_MS);
  });

  it('never goes below zero (the tick rounding can make own CPU exceed the cores’ count)', () => {
    expect(busyCoresOfOthers(at(0, 0, 0), at(500, 480, 500))).toBe(0);
  });
});

describe('cpuSample and parseSample', () => {
  it('round-trips through the environment variable and refuses anything else', () => {
    const sample = cpuSample();
    expect(parseSample(JSON.stringify(sample))).toEqual(sample);
    expect(parseSample(undefined)).toBeUndefined();
    expect(parseSample('not json')).toBeUndefined();
    expect(parseSample(JSON.stringify({ atMs: 1, busyMs: 'x', ownMs: 0 }))).toBeUndefined();
  });

  it('moves forward: later samples are no earlier and count no less busy time', () => {
    const first = cpuSample();
    let spin = 0;
    for (let i = 0; i < 2_000_000; i += 1) spin += i % 7;
    const second = cpuSample();
    expect(spin).toBeGreaterThan(0);
    expect(second.atMs).toBeGreaterThanOrEqual(first.atMs);
    expect(second.busyMs).toBeGreaterThanOrEqual(first.busyMs);
    expect(second.ownMs).toBeGreaterThanOrEqual(first.ownMs);
  });
});
