import { describe, expect, it } from 'vitest';
import { boundedMemo } from './bounded-memo.js';
import { ledgerInstant } from './ledger-instant.js';
import { describeMoment } from './describe-moment.js';
import { DateTime } from 'luxon';

describe('boundedMemo', () => {
  it('makes a value once per key', () => {
    const memo = boundedMemo<number>();
    let made = 0;
    const make = () => ++made;
    expect([memo('a', make), memo('a', make), memo('b', make), memo('a', make)]).toEqual([1, 1, 2, 1]);
  });

  it('starts afresh past its limit instead of growing', () => {
    const memo = boundedMemo<number>(2);
    let made = 0;
    const make = () => ++made;
    memo('a', make); memo('b', make);
    expect(memo('c', make)).toBe(3);
    expect(memo('a', make)).toBe(4);
    expect(memo('c', make)).toBe(3);
  });
});

describe('ledgerInstant and describeMoment, memoised', () => {
  it('keeps the zone of each caller apart', () => {
    const iso = '2026-03-30T07:00:00.000Z';
    expect(ledgerInstant(iso, 'Europe/Amsterdam').toISO()).toBe('2026-03-30T09:00:00.000+02:00');
    expect(ledgerInstant(iso, 'America/New_York').toISO()).toBe('2026-03-30T03:00:00.000-04:00');
    const t = DateTime.fromISO(iso, { zone: 'utc' });
    expect(describeMoment(t, 'Europe/Amsterdam')).toBe('Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)');
    expect(describeMoment(t, 'Asia/Tokyo')).toBe('Mon 2026-03-30 16:00:00.000 Asia/Tokyo (07:00:00.000Z)');
  });
});
