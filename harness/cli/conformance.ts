/**
 * `npm run conformance`: run-summary.md's command. It readies the party (bundled reference
 * party, a running endpoint, or a container image), runs the suites' project of vitest with the
 * evidence reporters, then writes summary.json, the dossier, the report and the manifest.
 * Exit status: 0 every applicable requirement passed, 1 any failed, 2 the run could not be done.
 */
import { readFileSync, rmSync } from 'node:fs';
import { startVitest } from 'vitest/node';
import { isArgError, parseConformanceArgs } from './conformance-args.js';
import type { ConformanceOptions } from './conformance-args.js';
import { driverFor } from '../sut/target.js';
import type { PartyTarget } from '../sut/target.js';
import type { PartyDriver, PartyUnderTest } from '../sut/party-under-test.js';
import { CONFORMANCE_TARGET_ENV } from '../sut/target.js';
import { ENV, runCalendar } from '../scenario/run-settings.js';
import { calendarToJson } from '../clock/calendar.js';
import { loadSchemaSet } from '../validation/index.js';
import { finishRun, readRunRecords } from '../evidence/finish-run.js';
import { outFiles } from '../evidence/out-layout.js';
import { REPORT_TIME_LIMIT_MS, ReportTimedOut } from '../evidence/report.js';
import type { PartyRun, Summary } from '../evidence/summary.js';

const SUITE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function main(argv: string[]): Promise<number> {
  const options = parseConformanceArgs(argv);
  if (isArgError(options)) {
    process.stderr.write(`conformance: ${options.error}\n`);
    return 2;
  }
  const shard = shardOf(process.env);
  if (shard !== undefined && 'error' in shard) {
    process.stderr.write(`conformance: ${shard.error}\n`);
    return 2;
  }
  const limit = reportLimitOf(process.env);
  if ('error' in limit) {
    process.stderr.write(`conformance: ${limit.error}\n`);
    return 2;
  }
  const startedAt = new Date().toISOString(); // wall clock: when the run itself happened
  const files = outFiles(options.out);
  rmSync(files.results, { recursive: true, force: true });

  const ready = await readyParties(options);
  if ('error' in ready) {
    process.stderr.write(`conformance: ${ready.error}\n`);
    return 2;
  }
  const suiteErrors: string[] = [];
  try {
    process.env[CONFORMANCE_TARGET_ENV] = JSON.stringify(ready.targets);
    process.env.CONFORMANCE_OUT = options.out;
    if (options.only) process.env[ENV.only] = options.only.join(',');
    if (options.schemas) process.env[ENV.schemas] = options.schemas;
    const shared = ready.targets.some((t) => t.kind !== 'embedded');
    const vitest = await startVitest('test', [], {
      project: ['suites'],
      watch: false,
      reporters: [
        new (await import('./progress-reporter.js')).default(),
        new (await import('../evidence/summary-reporter.js')).default({ out: options.out }),
        ['allure-vitest/reporter', { resultsDir: files.results }],
      ],
      ...(shard ? { shard: shard.value } : {}),
      // One party outside the suite can run one session at a time.
      ...(shared ? { fileParallelism: false, maxWorkers: 1 } : {}),
    });
    // A suite file that could not even load leaves no record; summary.json would not show it.
    suiteErrors.push(
      ...vitest.state.getFiles().flatMap((f) => (f.result?.errors ?? []).map((e) => `${f.name}: ${e.message}`)),
      ...vitest.state.getUnhandledErrors().map((e) => `unhandled: ${(e as Error).message ?? String(e)}`),
    );
    await vitest.close();
  } finally {
    await Promise.allSettled(ready.drivers.map((d) => d.stop()));
  }

  const schemas = loadSchemaSet(options.schemas);
  let summary: Summary;
  let reportTimedOut: ReportTimedOut | undefined;
  try {
    summary = await finishRun(options.out, {
      suiteVersion: SUITE_VERSION,
      startedAt,
      calendar: calendarToJson(runCalendar()),
      schemas: { source: options.schemas ?? 'bundled', sha256: schemas.files },
      parties: ready.runs,
    }, readRunRecords(options.out), { reportLimitMs: limit.ms });
  } catch (error) {
    if (!(error instanceof ReportTimedOut && error.summary)) throw error;
    reportTimedOut = error;
    summary = error.summary;
  }
  const { passed, failed, notApplicable, notTested } = summary.totals;
  process.stdout.write(`\n${passed} passed, ${failed} failed, ${notApplicable} not applicable, ${notTested} not tested\n`);
  process.stdout.write(`${reportTimedOut ? '' : `report: ${files.reportHtml}\n`}dossier: ${files.dossierHtml}\nsummary: ${files.summary}\n`);
  if (reportTimedOut) {
    process.stderr.write(`conformance: ${reportTimedOut.message}\n`);
    return 2;
  }
  for (const error of suiteErrors) process.stderr.write(`conformance: the suite itself failed: ${error}\n`);
  const unreachable = readRunRecords(options.out).some((r) => r.broken?.includes('[unreachable]'));
  if (unreachable || suiteErrors.length) return 2;
  return failed > 0 ? 1 : 0;
}

/**
 * CI shards: `CONFORMANCE_SHARD=i/n` runs the i-th of n slices of the suites' files (vitest's
 * --shard). An env var, not a flag, so run-summary.md's command line stays as it is; each shard
 * writes its own --out, and `npm run dossier` merges them.
 */
function shardOf(env: NodeJS.ProcessEnv): { value: string } | { error: string } | undefined {
  const raw = env['CONFORMANCE_SHARD']?.trim();
  if (!raw) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count) {
    return { error: `CONFORMANCE_SHARD="${raw}" is not a shard: it must be i/n with 1 <= i <= n. Fix: set e.g. CONFORMANCE_SHARD=2/3, or unset it to run every scenario.` };
  }
  return { value: `${index}/${count}` };
}

/**
 * The report's time limit: `CONFORMANCE_REPORT_LIMIT_S` seconds, else REPORT_TIME_LIMIT_MS. An env
 * var, not a flag, so run-summary.md's command line stays as it is.
 */
function reportLimitOf(env: NodeJS.ProcessEnv): { ms: number } | { error: string } {
  const raw = env['CONFORMANCE_REPORT_LIMIT_S']?.trim();
  if (!raw) return { ms: REPORT_TIME_LIMIT_MS };
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    return { error: `CONFORMANCE_REPORT_LIMIT_S="${raw}" is not a number of seconds above 0. Fix: set e.g. CONFORMANCE_REPORT_LIMIT_S=300, or unset it for the default ${REPORT_TIME_LIMIT_MS / 1000} s.` };
  }
  return { ms: Math.round(seconds * 1000) };
}

interface ReadyParties { targets: PartyTarget[]; drivers: PartyDriver[]; runs: PartyRun[] }

/**
 * Endpoints are probed and images started once, before the suites run, so an unreachable party
 * ends the run with status 2 instead of failing every scenario. The suites then see a started
 * image as an endpoint; the bundled party is started by each suite worker itself.
 */
async function readyParties(options: ConformanceOptions): Promise<ReadyParties | { error: string }> {
  const targets: PartyTarget[] = [];
  const drivers: PartyDriver[] = [];
  const runs: PartyRun[] = [];
  for (const target of options.parties) {
    if (target.kind === 'embedded') {
      targets.push(target);
      runs.push({ role: target.role, identity: target.identity, endpoint: 'bundled reference party (embedded)' });
      continue;
    }
    const driver = driverFor(target);
    let party: PartyUnderTest;
    try {
      party = await driver.start();
    } catch (error) {
      await Promise.allSettled(drivers.map((d) => d.stop()));
      return { error: (error as Error).message };
    }
    drivers.push(driver);
    targets.push({ role: target.role, identity: target.identity, kind: 'endpoint', url: party.url, ...(target.token ? { token: target.token } : {}) });
    runs.push({ role: target.role, identity: target.identity, endpoint: party.url, ...(target.kind === 'image' ? { image: target.image, digest: party.description } : {}) });
  }
  return { targets, drivers, runs };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`conformance: the run could not be done: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  },
);
