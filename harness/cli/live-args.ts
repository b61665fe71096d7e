/**
 * `--live` and `--live-offsets T0,T1,T2` (issue 16): a live rehearsal on the wall clock. The
 * offsets are from the run's start: `2m,5m,8m` (the default), `20s,35s,50s`, or plain seconds.
 * Kept apart from conformance-args.ts because `--live` is the command line's only flag without a
 * value.
 */
export interface LiveOptions {
  /** T0, T1 and T2 in milliseconds after the run's start, strictly increasing. */
  offsetsMs: [number, number, number];
}

export const DEFAULT_LIVE_OFFSETS = '2m,5m,8m';
/** The suite's workers need a few seconds to start before the party may be given its events. */
export const MIN_HEEN_STOP_OFFSET_MS = 5_000;

const OFFSET = /^(\d+(?:\.\d+)?)(s|m)?$/;

export type LiveArgs = { argv: string[]; live?: LiveOptions } | { error: string };

/** Takes `--live` and `--live-offsets` out of `argv`; the rest is the usual command line. */
export function extractLive(argv: readonly string[]): LiveArgs {
  const rest: string[] = [];
  let live = false;
  let offsets: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--live') {
      live = true;
      continue;
    }
    if (arg === '--live-offsets' || arg.startsWith('--live-offsets=')) {
      if (offsets !== undefined) return { error: '--live-offsets is given twice. Fix: give --live-offsets once.' };
      offsets = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (offsets === undefined || offsets.startsWith('--')) return { error: `--live-offsets needs a value. Fix: write e.g. --live-offsets ${DEFAULT_LIVE_OFFSETS}.` };
      continue;
    }
    rest.push(arg);
  }
  if (!live) {
    return offsets === undefined ? { argv: rest } : { error: '--live-offsets is given without --live. Fix: add --live, or leave --live-offsets out.' };
  }
  const parsed = parseOffsets(offsets ?? DEFAULT_LIVE_OFFSETS);
  return 'error' in parsed ? parsed : { argv: rest, live: { offsetsMs: parsed.offsetsMs } };
}

export function parseOffsets(text: string): { offsetsMs: [number, number, number] } | { error: string } {
  const fix = `write three growing offsets from the start for T0, T1 and T2, e.g. --live-offsets ${DEFAULT_LIVE_OFFSETS} or 20s,35s,50s (plain numbers are seconds)`;
  const parts = text.split(',').map((p) => p.trim());
  const ms = parts.map((p) => {
    const m = OFFSET.exec(p);
    return m ? Math.round(Number(m[1]) * (m[2] === 'm' ? 60_000 : 1_000)) : Number.NaN;
  });
  if (parts.length !== 3 || ms.some((v) => !Number.isFinite(v))) return { error: `--live-offsets ${text.slice(0, 60)} is not three offsets. Fix: ${fix}.` };
  const [t0, t1, t2] = ms as [number, number, number];
  if (!(t0 < t1 && t1 < t2)) return { error: `--live-offsets ${text} does not grow (T0 < T1 < T2). Fix: ${fix}.` };
  if (t0 < MIN_HEEN_STOP_OFFSET_MS) return { error: `--live-offsets ${text} puts T0 less than ${MIN_HEEN_STOP_OFFSET_MS / 1000} s after the start, before the suite can give the party its events. Fix: ${fix}.` };
  return { offsetsMs: [t0, t1, t2] };
}
