import { describe, expect, it } from 'vitest';
import { WallClock } from './wall-clock.js';

describe('WallClock', () => {
  it('shows the injected time in its zone and never runs backwards', () => {
    let ms = Date.UTC(2026, 11, 1, 13, 0, 0);
    const clock = new WallClock('Europe/Amsterdam', () => ms);
    expect(clock.now().toISO()).toBe('2026-12-01T14:00:00.000+01:00');
    ms -= 5_000; // the machine's clock stepped back
    expect(clock.now().toISO()).toBe('2026-12-01T14:00:00.000+01:00');
    ms += 10_000;
    expect(clock.now().toISO()).toBe('2026-12-01T14:00:05.000+01:00');
  });

  it('waits until a moment, and not at all for one that passed', async () => {
    const clock = new WallClock('Europe/Amsterdam');
    const target = clock.now().plus({ milliseconds: 60 });
    await clock.until(target);
    expect(clock.now().toMillis()).toBeGreaterThanOrEqual(target.toMillis());
    expect(clock.msUntil(target.minus({ seconds: 1 }))).toBe(0);
  });

  it('stops waiting when aborted', async () => {
    const clock = new WallClock('Europe/Amsterdam');
    const controller = new AbortController();
    const waiting = clock.until(clock.now().plus({ minutes: 5 }), controller.signal);
    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
  });
});
