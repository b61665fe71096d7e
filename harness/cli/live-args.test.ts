import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { extractLive, parseOffsets } from './live-args.js';
import { liveCalendar, progressLine } from './live-run.js';
import { isArgError, parseConformanceArgs } from './conformance-args.js';
import { WallClock } from '../clock/wall-clock.js';

describe('--live and --live-offsets', () => {
  it('defaults to T0, T1, T2 two, five and eight minutes after the start', () => {
    expect(extractLive(['--live', '--role', 'svb'])).toEqual({ argv: ['--role', 'svb'], live: { offsetsMs: [120_000, 300_000, 480_000] } });
  });

  it('reads minutes, seconds and plain seconds, with or without =', () => {
    expect(parseOffsets('20s,35s,50')).toEqual({ offsetsMs: [20_000, 35_000, 50_000] });
    expect(extractLive(['--live-offsets=1m,1.5m,3m', '--live'])).toMatchObject({ live: { offsetsMs: [60_000, 90_000, 180_000] } });
  });

  it('refuses offsets that do not grow, are not three, or leave no time before T0', () => {
    expect(parseOffsets('5m,2m,8m')).toMatchObject({ error: expect.stringContaining('does not grow') });
    expect(parseOffsets('2m,5m')).toMatchObject({ error: expect.stringContaining('not three offsets') });
    expect(parseOffsets('1s,5s,9s')).toMatchObject({ error: expect.stringContaining('before the suite can give the party its events') });
    expect(extractLive(['--live-offsets', '2m,5m,8m'])).toMatchObject({ error: expect.stringContaining('without --live') });
  });

  it('is refused beside --calendar and --only: a live run sets its own calendar and runs one cutover', () => {
    const clash = parseConformanceArgs(['--live', '--calendar', 'fixtures/calendars/rehearsal-kto.json'], process.cwd(), {});
    expect(isArgError(clash as never) && (clash as { error: string }).error).toContain('--live and --calendar are both given');
    const ok = parseConformanceArgs(['--live', '--live-offsets', '10s,20s,30s', '--role', 'gemeente'], process.cwd(), {});
    expect(ok).toMatchObject({ roles: ['gemeente'], live: { offsetsMs: [10_000, 20_000, 30_000] } });
  });
});

describe('the live calendar and its progress line', () => {
  const start = Date.UTC(2026, 11, 1, 13, 20, 0, 400);
  const clock = new WallClock('Europe/Amsterdam', () => start);
  const calendar = liveCalendar({ offsetsMs: [120_000, 300_000, 480_000] }, clock);

  it('sets T0, T1, T2 ahead of the wall clock, on whole seconds', () => {
    expect(calendar.heenStop.toISO()).toBe('2026-12-01T14:22:01.000+01:00');
    expect(calendar.goLive.toISO()).toBe('2026-12-01T14:28:01.000+01:00');
  });

  it('shows the phase and the time to the next stop, then the time since the go-live', () => {
    const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' });
    expect(progressLine(calendar, at('2026-12-01T14:20:30+01:00'))).toContain('phase voor-afsluiting · heen stop T0 in 1:31 (at 14:22:01');
    expect(progressLine(calendar, at('2026-12-01T14:22:01+01:00'))).toContain('phase afsluiting · retour stop T1 in 3:00');
    expect(progressLine(calendar, at('2026-12-01T14:27:00+01:00'))).toContain('phase transitie · go-live T2 in 1:01');
    expect(progressLine(calendar, at('2026-12-01T14:28:11+01:00'))).toContain('phase ingebruikname · go-live T2 passed 0:10 ago');
  });
});
