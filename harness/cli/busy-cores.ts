/**
 * How many cores other processes keep busy, measured over the command's own start: the kernel's
 * busy time of every core (os.cpus) between two samples, less this process's own CPU. The load
 * average looks back a minute, so the `npm ci` just before a CI job, or the previous run of a
 * benchmark, still counted as load and cost the run its second worker.
 */
import { cpus } from 'node:os';

export interface CpuSample {
  /** Wall time of the sample, ms since the epoch (the launcher and the command share a process). */
  atMs: number;
  /** Busy time of all cores together since boot, ms. */
  busyMs: number;
  /** This process's own CPU (user + system) since it started, ms. */
  ownMs: number;
}

/** Below this the kernel's 10 ms ticks make the measure too coarse. */
export const MIN_WINDOW_MS = 250;

export function cpuSample(): CpuSample {
  const busyMs = cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);
  const own = process.cpuUsage();
  return { atMs: performance.timeOrigin + performance.now(), busyMs, ownMs: (own.user + own.system) / 1000 };
}

/** Cores other processes kept busy between `from` and `to`; undefined for a window too short to tell. */
export function busyCoresOfOthers(from: CpuSample, to: CpuSample): number | undefined {
  const window = to.atMs - from.atMs;
  if (!(window >= MIN_WINDOW_MS)) return undefined;
  return Math.max(0, (to.busyMs - from.busyMs - (to.ownMs - from.ownMs)) / window);
}

/** The launcher's sample travels to the command in this variable (one process, read once). */
export const START_SAMPLE_ENV = 'IPGB_CONFORMANCE_START_CPU';

export function parseSample(raw: string | undefined): CpuSample | undefined {
  if (!raw) return undefined;
  try {
    const { atMs, busyMs, ownMs } = JSON.parse(raw) as Partial<CpuSample>;
    return [atMs, busyMs, ownMs].every((n) => typeof n === 'number' && Number.isFinite(n)) ? { atMs: atMs!, busyMs: busyMs!, ownMs: ownMs! } : undefined;
  } catch {
    return undefined;
  }
}
