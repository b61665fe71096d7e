/**
 * The full default run: `npm run conformance -- --out <tmp>` (all three roles against the bundled
 * reference party, with GEN-0.4's second-calendar runs), N times, timed by the wall clock. Target
 * (issues 12 and 15): a median of at most 15 s on a 2-core machine. Each run also reports the CPU
 * seconds of its whole process tree (user + sys of every process it waited for: npm, the command,
 * its suite workers, the Allure report, Chromium) and the load average when it started, since on
 * a shared machine the wall time says more about the neighbours than about the suite.
 *
 * Run: npx tsx bench/full-run.ts [--runs 3] [--keep]
 *   --keep  keep each run's out dir and print its path (default: removed after the run)
 * Prints one JSON line per run and a summary line, then a table. Not a test: figures depend on
 * the machine. Exit status 1 when any run ended with a status other than 0.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TARGET_SECONDS = 15;
const REPO = fileURLToPath(new URL('..', import.meta.url));
/** npm's own script runner, so the bench times exactly what a vendor types. */
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Run { bench: 'full-run'; run: number; seconds: number; cpuSeconds: number | undefined; load1: number; exitStatus: number | null; out?: string }

function options(): { runs: number; keep: boolean } {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`full-run: --runs "${values.runs}" is not a positive whole number. Fix: pass e.g. --runs 3.`);
  }
  return { runs, keep: values.keep };
}

/**
 * User + sys seconds of every child process this one has waited for, and of theirs (Linux
 * /proc/self/stat, fields cutime and cstime in clock ticks of 1/100 s); undefined elsewhere.
 */
function childCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** One conformance run; its own output goes to a log beside the out dir, so this bench's stays readable. */
function conformance(out: string): Promise<{ seconds: number; cpuSeconds: number | undefined; exitStatus: number | null }> {
  const started = performance.now();
  const cpuBefore = childCpuSeconds();
  return new Promise((resolve, reject) => {
    const child = spawn(NPM, ['run', '--silent', 'conformance', '--', '--out', out], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString('utf8')).slice(-4_000); });
    child.once('error', (err) => reject(new Error(`full-run: could not start npm (${err.message}). Fix: run from a checkout with npm on PATH and node_modules installed (npm ci).`)));
    child.once('close', (code) => {
      if (code !== 0 && stderr.trim()) process.stderr.write(`${stderr.trim()}\n`);
      const cpuAfter = childCpuSeconds();
      const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : Number((cpuAfter - cpuBefore).toFixed(2));
      resolve({ seconds: Number(((performance.now() - started) / 1000).toFixed(2)), cpuSeconds, exitStatus: code });
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
      const load1 = Number((loadavg()[0] ?? 0).toFixed(2));
      const { seconds, cpuSeconds, exitStatus } = await conformance(out);
      const result: Run = { bench: 'full-run', run, seconds, cpuSeconds, load1, exitStatus, ...(keep ? { out } : {}) };
      console.log(JSON.stringify(result));
      results.push(result);
    } finally {
      if (!keep) rmSync(out, { recursive: true, force: true });
    }
  }
  const mid = median(results.map((r) => r.seconds));
  const cpu = results.every((r) => r.cpuSeconds !== undefined) ? median(results.map((r) => r.cpuSeconds as number)) : undefined;
  const allPassed = results.every((r) => r.exitStatus === 0);
  console.log(JSON.stringify({ bench: 'full-run', runs, medianSeconds: mid, medianCpuSeconds: cpu, allExitZero: allPassed, targetSeconds: TARGET_SECONDS, targetMet: mid <= TARGET_SECONDS, node: process.version }));

  console.log('');
  console.log('full default run (npm run conformance, three roles, bundled reference party)');
  console.log('run   seconds   CPU s   load  exit');
  for (const r of results) console.log(`${String(r.run).padEnd(4)} ${r.seconds.toFixed(2).padStart(8)} ${(r.cpuSeconds?.toFixed(2) ?? '-').padStart(7)} ${r.load1.toFixed(2).padStart(6)}  ${r.exitStatus}`);
  console.log(`median ${mid.toFixed(2)} s, ${cpu?.toFixed(2) ?? '-'} CPU s (${process.version})   target ≤ ${TARGET_SECONDS} s: ${mid <= TARGET_SECONDS ? 'met' : 'NOT met'}`);
  return allPassed ? 0 : 1;
}

process.exitCode = await main();
