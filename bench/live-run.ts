/**
 * The full live rehearsal: `npm run conformance -- --live` (default offsets 2m, 5m, 8m; all three
 * roles against the bundled reference party, side by side), once, timed by the wall clock.
 * Target: a compressed cutover of at most 10 minutes that exits 0.
 *
 * Run: npm run bench:live [-- --offsets 2m,5m,8m] [-- --keep]
 * Prints one JSON line and a table. Not a test: it takes the calendar's minutes by design.
 * Exit status 1 when the run did not exit 0 or took longer than the target.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TARGET_SECONDS = 600;
const REPO = fileURLToPath(new URL('..', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const { values } = parseArgs({ options: { offsets: { type: 'string', default: '2m,5m,8m' }, keep: { type: 'boolean', default: false } } });
const out = mkdtempSync(join(tmpdir(), 'bench-live-'));
const started = performance.now();
const exitStatus = await new Promise<number | null>((resolve, reject) => {
  const child = spawn(NPM, ['run', '--silent', 'conformance', '--', '--live', '--live-offsets', values.offsets, '--out', out], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  let last = '';
  // The progress line goes to stderr once a second; keep the last one to show where it stopped.
  child.stderr.on('data', (chunk: Buffer) => { last = (last + chunk.toString('utf8')).slice(-2_000); });
  child.on('error', reject);
  child.on('close', (status) => {
    if (status !== 0) process.stderr.write(`live-run: the run exited ${status}; its last output:\n${last}\n`);
    resolve(status);
  });
});
const seconds = Math.round((performance.now() - started) / 100) / 10;
const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { calendar: { heenStop: string; goLive: string }; totals: Record<string, number> };
process.stdout.write(`${JSON.stringify({ bench: 'live-run', offsets: values.offsets, seconds, exitStatus, calendar: summary.calendar, totals: summary.totals, ...(values.keep ? { out } : {}) })}\n`);
process.stdout.write(`\n| what | measured | target |\n|---|---|---|\n| npm run conformance -- --live (${values.offsets}, three roles) | ${seconds} s, exit ${exitStatus} | ≤ ${TARGET_SECONDS} s, exit 0 |\n`);
if (!values.keep) rmSync(out, { recursive: true, force: true });
process.exit(exitStatus === 0 && seconds <= TARGET_SECONDS ? 0 : 1);
