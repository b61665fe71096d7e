/**
 * The live rehearsal's side of `npm run conformance -- --live`: the calendar set a few minutes
 * ahead of the wall clock, written where the suites' workers read a calendar from, and the
 * progress line on stderr that shows the phase and the time to the next stop.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DateTime } from 'luxon';
import { calendarToJson, DEFAULT_ZONE, type Calendar } from '../clock/calendar.js';
import { WallClock } from '../clock/wall-clock.js';
import { phaseOf } from '../clock/phase.js';
import type { LiveOptions } from './live-args.js';
import { GO_FILE, readyFile } from '../scenario/live-start.js';

/** The calendar's name in the evidence: the dossier's page one says it was a live rehearsal. */
export const LIVE_CALENDAR_NAME = 'live-repetitie';

/** T0, T1, T2 at the offsets from now, on whole seconds (a person reads them off a clock). */
export function liveCalendar(live: LiveOptions, clock: WallClock): Calendar {
  const start = clock.now().plus({ seconds: 1 }).startOf('second');
  const [t0, t1, t2] = live.offsetsMs;
  return { zone: clock.zone, heenStop: start.plus({ milliseconds: t0 }), retourStop: start.plus({ milliseconds: t1 }), goLive: start.plus({ milliseconds: t2 }) };
}

export interface LiveCalendarFile {
  path: string;
  /** Writes another calendar over it (the real one, once the parties are ready). */
  update: (calendar: Calendar) => void;
  remove: () => void;
}

/** The calendar as a `--calendar` file (protocol JSON plus its name) in a fresh folder. */
export function writeLiveCalendar(calendar: Calendar): LiveCalendarFile {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-live-'));
  const path = join(dir, 'live-calendar.json');
  const update = (c: Calendar): void => writeFileSync(path, `${JSON.stringify({ name: LIVE_CALENDAR_NAME, ...calendarToJson(c) }, null, 2)}\n`, 'utf8');
  update(calendar);
  return { path, update, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const liveClock = (): WallClock => new WallClock(DEFAULT_ZONE);

const STOPS = [
  { key: 'heenStop', label: 'heen stop T0' },
  { key: 'retourStop', label: 'retour stop T1' },
  { key: 'goLive', label: 'go-live T2' },
] as const;

/** One line: the phase now and the time to the next stop, or since the go-live. */
export function progressLine(calendar: Calendar, now: DateTime): string {
  const phase = phaseOf(calendar, now);
  const next = STOPS.find((s) => now < calendar[s.key]);
  const clockText = (t: DateTime): string => t.setZone(calendar.zone).toFormat('HH:mm:ss');
  if (!next) return `live ${clockText(now)} · phase ${phase} · go-live T2 passed ${duration(now.toMillis() - calendar.goLive.toMillis())} ago: the last look, then the verdict`;
  return `live ${clockText(now)} · phase ${phase} · ${next.label} in ${duration(calendar[next.key].toMillis() - now.toMillis())} (at ${clockText(calendar[next.key])} ${calendar.zone})`;
}

function duration(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * Writes the progress line about once a second: in place on a terminal, one line each time
 * otherwise (a CI log). `stop` ends it and, on a terminal, leaves the last line standing.
 */
export function showProgress(calendar: Calendar, clock: WallClock, stream: NodeJS.WriteStream = process.stderr): { stop: () => void } {
  const tty = stream.isTTY === true;
  const write = (): void => {
    const line = progressLine(calendar, clock.now());
    stream.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
  };
  write();
  const timer = setInterval(write, 1000);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      if (tty) stream.write('\n');
    },
  };
}

/** How long the command waits for every role's worker before it starts the calendar anyway. */
const READY_TIMEOUT_MS = 90_000;

/**
 * The start line (harness/scenario/live-start.ts): waits until every party's worker is ready (or
 * READY_TIMEOUT_MS passed), then calls `go` (which fixes the calendar) and writes the `go` file.
 * `dir` is the folder the workers find in CONFORMANCE_LIVE_START.
 */
export function startLineFor(parties: ReadonlyArray<{ role: string; identity: string }>, go: () => void): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-live-start-'));
  const clock = liveClock();
  const end = clock.now().plus({ milliseconds: READY_TIMEOUT_MS });
  const timer = setInterval(() => {
    const ready = parties.every((p) => existsSync(join(dir, readyFile(p.role, p.identity))));
    if (!ready && clock.now() < end) return;
    clearInterval(timer);
    go();
    writeFileSync(join(dir, GO_FILE), '', 'utf8');
  }, 50);
  return { dir, remove: () => { clearInterval(timer); rmSync(dir, { recursive: true, force: true }); } };
}
