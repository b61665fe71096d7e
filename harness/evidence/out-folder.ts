/**
 * A run takes its `--out` folder before anything else happens: it makes the folder, removes the
 * previous run's evidence (so nothing stale can pass a CI gate) and leaves a summary.json that
 * says the run is in progress. Only the run's own end replaces it, with `"complete": true` or
 * `false` and the reason; a run killed outright leaves the in-progress summary, which says so too.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { outFiles } from './out-layout.js';

export interface RunStart { suiteVersion: string; startedAt: string }

/** What summary.json says while the run is under way. */
export function inProgressSummary(start: RunStart, pid: number = process.pid): object {
  return {
    suiteVersion: start.suiteVersion,
    startedAt: start.startedAt,
    complete: false,
    reason: `in progress: the run started at ${start.startedAt} (process ${pid}) has not finished; if it is not running any more, it was killed before it could write its summary`,
  };
}

/** Throws an Error whose message says what is wrong with the folder, without a stack to print. */
export function claimOut(out: string, start: RunStart): void {
  makeFolder(out);
  const files = outFiles(out);
  for (const path of [files.summary, files.manifest, files.dossierMd, files.dossierHtml, files.records, files.allureConfig, files.report, files.results]) {
    rmSync(path, { recursive: true, force: true });
  }
  writeFileSync(files.summary, `${JSON.stringify(inProgressSummary(start), null, 2)}\n`, { encoding: 'utf8', flag: 'w' });
}

/**
 * One level at a time, never `mkdirSync(..., { recursive: true })` on an unknown path: Node's
 * recursive mkdir spins for ever under /proc, which is what `--out /proc/x` did.
 */
function makeFolder(path: string): void {
  if (existsSync(path)) return;
  const parent = dirname(path);
  if (parent !== path) makeFolder(parent);
  try {
    mkdirSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    throw new Error(`cannot make the folder ${path} (${code ?? (error as Error).message})`);
  }
}
