/**
 * The start line of a live rehearsal. Starting a worker, its party and its validator may take
 * seconds on a busy machine, and a live calendar lies only minutes (in a short run seconds) ahead:
 * so the calendar is fixed only once every role's worker is ready. Each worker says it is ready
 * with a file in the folder `CONFORMANCE_LIVE_START` names and waits for the `go` file; the
 * conformance command then writes the real calendar and `go` (harness/cli/live-run.ts).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { WallClock } from '../clock/wall-clock.js';

export const LIVE_START_ENV = 'CONFORMANCE_LIVE_START';
export const GO_FILE = 'go';
/** A worker waits this long for the start; past it the scenario goes on and the calendar's own guard judges. */
const WAIT_FOR_GO_MS = 120_000;
const POLL_MS = 50;

export const readyFile = (role: string, identity: string): string => `${role}-${identity}.ready`;

/** Says this party's worker is ready and waits until the conformance command gives the start. */
export async function readyForLiveStart(role: string, identity: string, signal?: AbortSignal, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const dir = env[LIVE_START_ENV];
  if (!dir) return;
  writeFileSync(join(dir, readyFile(role, identity)), '', 'utf8');
  const clock = new WallClock('UTC');
  const end = clock.now().plus({ milliseconds: WAIT_FOR_GO_MS });
  while (!existsSync(join(dir, GO_FILE)) && clock.now() < end) {
    await clock.until(DateTime.min(end, clock.now().plus({ milliseconds: POLL_MS })), signal);
  }
}
