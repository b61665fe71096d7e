/**
 * A party that fails a 1,000-event backlog, its whole run timed, report included: the faulty
 * party `drains-too-slowly` (5 messages per clock moment) in the backlog scenario, run as
 * `npm run conformance` runs it (a child vitest with the evidence reporters), then the summary,
 * dossier, Allure report and manifest. Before findings were bounded its failure message was
 * some 889 KB (1,980 findings) and `allure awesome` did not finish within 15 minutes.
 * Target: the whole run under 60 s.
 *
 * Run: npx tsx bench/failing-backlog.ts [--keep]
 * Prints one JSON line with the figures. Not a test: figures depend on the machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { finishRun } from '../harness/evidence/finish-run.js';
import { outFiles } from '../harness/evidence/out-layout.js';
import { BACKLOG_ENV, BACKLOG_TARGET } from '../fixtures/evidence/backlog-run.js';

const TARGET_SECONDS = 60;
const REPO = fileURLToPath(new URL('..', import.meta.url));
const VITEST = join(REPO, 'node_modules', 'vitest', 'vitest.mjs');

function suites(out: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITEST, 'run', '--config', 'fixtures/evidence/vitest.backlog.config.ts'], {
      cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CONFORMANCE_OUT: out, CONFORMANCE_TARGET: JSON.stringify(BACKLOG_TARGET) },
    });
    child.once('error', reject);
    child.once('exit', resolve);
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
  const out = mkdtempSync(join(tmpdir(), 'ipgb-failing-backlog-'));
  try {
    const started = performance.now();
    const exitStatus = await suites(out);
    const suitesSeconds = (performance.now() - started) / 1000;
    const summary = await finishRun(out, { ...BACKLOG_ENV, startedAt: new Date().toISOString() });
    const seconds = (performance.now() - started) / 1000;
    const files = outFiles(out);
    const result = readdirSync(files.results).find((f) => f.endsWith('-result.json'));
    const message = result ? (JSON.parse(readFileSync(join(files.results, result), 'utf8')) as { statusDetails?: { message?: string } }).statusDetails?.message ?? '' : '';
    const failed = Object.entries(summary.parties[0]?.requirements ?? {}).filter(([, r]) => r.verdict === 'failed');
    process.stdout.write(`${JSON.stringify({
      bench: 'failing-backlog',
      seconds: Number(seconds.toFixed(2)),
      suitesSeconds: Number(suitesSeconds.toFixed(2)),
      evidenceSeconds: Number((seconds - suitesSeconds).toFixed(2)),
      vitestExit: exitStatus,
      messageBytes: Buffer.byteLength(message),
      failed: failed.map(([id, r]) => `${id}: ${r.failures?.length ?? 0} summary lines`),
      reportBytes: statSync(files.reportHtml).size,
      dossierBytes: statSync(files.dossierHtml).size,
      ...(values.keep ? { out } : {}),
    })}\n`);
    process.stdout.write(`failing backlog, whole run incl. report: ${seconds.toFixed(1)} s (target ≤ ${TARGET_SECONDS} s), failure message ${(Buffer.byteLength(message) / 1024).toFixed(1)} KB\n`);
    return seconds <= TARGET_SECONDS ? 0 : 1;
  } finally {
    if (!values.keep) rmSync(out, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`failing-backlog: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(2);
});
