/**
 * The full default run: `npm run conformance -- --out <tmp>` (all three roles against the bundled
 * reference party), N times, timed by the wall clock. Target: at most 60 s per run on a 2-core
 * machine, i.e. the 48 hours from T0 to T2 compressed some 3,000-fold.
 *
 * Run: npx tsx bench/full-run.ts [--runs 3] [--keep]
 *   --keep  keep each run's out dir and print its path (default: removed after the run)
 * Prints one JSON line per run and a summary line, then a table. Not a test: figures depend on
 * the machine. Exit status 1 when any run ended with a status other than 0.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TARGET_SECONDS = 60;
const REPO = fileURLToPath(new URL('..', import.meta.url));
/** npm's own script runner, so the bench times exactly what a vendor types. */
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Run { bench: 'full-run'; run: number; seconds: number; exitStatus: number | null; out?: string }

function options(): { runs: number; keep: boolean } {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`full-run: --runs "${values.runs}" is not a positive whole number. Fix: pass e.g. --runs 3.`);
  }
  return { runs, keep: values.keep };
}

/** One conformance run; its own output goes to a log beside the out dir, so this bench's stays readable. */
function conformance(out: string): Promise<{ seconds: number; exitStatus: number | null }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(NPM, ['run', '--silent', 'conformance', '--', '--out', out], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString('utf8')).slice(-4_000); });
    child.once('error', (err) => reject(new Error(`full-run: could not start npm (${err.message}). Fix: run from a checkout with npm on PATH and node_modules installed (npm ci).`)));
    child.once('exit', (code) => {
      if (code !== 0 && stderr.trim()) process.stderr.write(`${stderr.trim()}\n`);
      resolve({ seconds: Number(((performance.now() - started) / 1000).toFixed(2)), exitStatus: code });
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : Number((((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2).toFixed(2));
}

async function main(): Promise<number> {
  const { runs, keep } = options();
  const results: Run[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const out = mkdtempSync(join(tmpdir(), 'ipgb-full-run-'));
    try {
      const { seconds, exitStatus } = await conformance(out);
      const result: Run = { bench: 'full-run', run, seconds, exitStatus, ...(keep ? { out } : {}) };
      console.log(JSON.stringify(result));
      results.push(result);
    } finally {
      if (!keep) rmSync(out, { recursive: true, force: true });
    }
  }
  const mid = median(results.map((r) => r.seconds));
  const allPassed = results.every((r) => r.exitStatus === 0);
  console.log(JSON.stringify({ bench: 'full-run', runs, medianSeconds: mid, allExitZero: allPassed, targetSeconds: TARGET_SECONDS, targetMet: mid <= TARGET_SECONDS, node: process.version }));

  console.log('');
  console.log('full default run (npm run conformance, three roles, bundled reference party)');
  console.log('run   seconds  exit');
  for (const r of results) console.log(`${String(r.run).padEnd(4)} ${r.seconds.toFixed(2).padStart(8)}  ${r.exitStatus}`);
  console.log(`median ${mid.toFixed(2)} s   target ≤ ${TARGET_SECONDS} s: ${mid <= TARGET_SECONDS ? 'met' : 'NOT met'}`);
  return allPassed ? 0 : 1;
}

process.exitCode = await main();
