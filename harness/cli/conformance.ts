/**
 * `npm run conformance`: run-summary.md's command. It readies the party (bundled reference
 * party, a running endpoint, or a container image), runs the suites' project of vitest with the
 * evidence reporters, then writes summary.json, the dossier, the report and the manifest.
 * Exit status: 0 every applicable requirement passed, 1 any failed, 2 the run could not be done.
 */
import { readFileSync } from 'node:fs';
import { startVitest } from 'vitest/node';
import { isArgError, isHelp, parseConformanceArgs, TOKEN_ENV } from './conformance-args.js';
import { guardRun } from './conformance-interrupts.js';
import { TokenFile } from './conformance-token-file.js';
import type { ConformanceOptions } from './conformance-args.js';
import { driverFor } from '../sut/target.js';
import type { PartyTarget } from '../sut/target.js';
import type { PartyDriver, PartyUnderTest } from '../sut/party-under-test.js';
import { CONFORMANCE_TARGET_ENV, CONFORMANCE_TOKEN_FILE_ENV } from '../sut/target.js';
import { ENV, runCalendar } from '../scenario/run-settings.js';
import { calendarToJson } from '../clock/calendar.js';
import { loadSchemaSet } from '../validation/index.js';
import { abandonRun, finishRun, readRunRecords } from '../evidence/finish-run.js';
import { outFiles } from '../evidence/out-layout.js';
import { claimOut } from '../evidence/out-folder.js';
import type { Completion, PartyRun, SummaryEnv } from '../evidence/summary.js';

const SUITE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function main(argv: string[]): Promise<number> {
  const options = parseConformanceArgs(argv);
  if (isHelp(options)) {
    process.stdout.write(`${options.help}\n`);
    return 0;
  }
  if (isArgError(options)) {
    process.stderr.write(`conformance: ${options.error}\n`);
    return 2;
  }
  const shard = shardOf(process.env);
  if (shard !== undefined && 'error' in shard) {
    process.stderr.write(`conformance: ${shard.error}\n`);
    return 2;
  }
  const startedAt = new Date().toISOString(); // wall clock: when the run itself happened
  const files = outFiles(options.out);
  const schemas = loadSchemaSet(options.schemas);
  const env: SummaryEnv = {
    suiteVersion: SUITE_VERSION, startedAt, calendar: calendarToJson(runCalendar()),
    schemas: { source: options.schemas ?? 'bundled', sha256: schemas.files }, parties: [],
  };
  // The token travels to the workers in a file only this user can read, not in their environment.
  delete process.env[TOKEN_ENV];
  const secrets = new TokenFile();
  let claimed = false;
  const guard = guardRun((reason) => {
    secrets.remove();
    if (claimed) abandonRun(options.out, env, reason);
    process.stderr.write(`\nconformance: ${reason}: the run is incomplete${claimed ? `; ${files.summary} says so ("complete": false)` : ''}.\n`);
  });
  try {
    claimOut(options.out, { suiteVersion: SUITE_VERSION, startedAt });
    claimed = true;
  } catch (error) {
    guard.dispose();
    process.stderr.write(`conformance: --out ${options.out} cannot hold the evidence: ${(error as Error).message}. Fix: give --out a folder this user may write.\n`);
    return 2;
  }
  try {
    return await conduct(options, env, secrets, shard?.value);
  } finally {
    secrets.remove();
    guard.dispose();
  }
}

async function conduct(options: ConformanceOptions, env: SummaryEnv, secrets: TokenFile, shard: string | undefined): Promise<number> {
  const files = outFiles(options.out);
  const ready = await readyParties(options);
  if ('error' in ready) {
    abandonRun(options.out, env, `the run could not start: ${ready.error}`);
    process.stderr.write(`conformance: ${ready.error}\n`);
    return 2;
  }
  env.parties = ready.runs;
  const suiteErrors: string[] = [];
  let cancelled: string | undefined;
  try {
    process.env[CONFORMANCE_TARGET_ENV] = JSON.stringify(ready.targets);
    const token = options.parties.find((p) => p.token !== undefined)?.token;
    if (token !== undefined) process.env[CONFORMANCE_TOKEN_FILE_ENV] = secrets.write(token);
    process.env.CONFORMANCE_OUT = options.out;
    if (options.only) process.env[ENV.only] = options.only.join(',');
    if (options.schemas) process.env[ENV.schemas] = options.schemas;
    const shared = ready.targets.some((t) => t.kind !== 'embedded');
    const progress = new (await import('./progress-reporter.js')).default();
    const vitest = await startVitest('test', [], {
      project: ['suites'],
      watch: false,
      reporters: [
        progress,
        new (await import('../evidence/summary-reporter.js')).default({ out: options.out }),
        ['allure-vitest/reporter', { resultsDir: files.results }],
      ],
      ...(shard ? { shard } : {}),
      // One party outside the suite can run one session at a time.
      ...(shared ? { fileParallelism: false, maxWorkers: 1 } : {}),
    });
    cancelled = progress.cancelledBecause;
    // A suite file that could not even load leaves no record; summary.json would not show it.
    suiteErrors.push(
      ...vitest.state.getFiles().flatMap((f) => (f.result?.errors ?? []).map((e) => `${f.name}: ${e.message}`)),
      ...vitest.state.getUnhandledErrors().map((e) => `unhandled: ${(e as Error).message ?? String(e)}`),
    );
    await vitest.close();
  } finally {
    await Promise.allSettled(ready.drivers.map((d) => d.stop()));
  }

  const records = readRunRecords(options.out);
  const broken = records.filter((r) => r.broken !== undefined);
  const completion: Completion = cancelled ? { complete: false, reason: `the run was ended early: ${cancelled}` }
    : suiteErrors.length ? { complete: false, reason: `the suite itself failed: ${suiteErrors[0]}${suiteErrors.length > 1 ? ` (and ${suiteErrors.length - 1} more)` : ''}` }
    : broken.length ? { complete: false, reason: `${broken.length} scenario(s) could not be judged, first ${broken[0]?.scenarioId} (${broken[0]?.role}): ${broken[0]?.broken}` }
    : { complete: true };
  const summary = await finishRun(options.out, env, records, completion);
  const { passed, failed, notApplicable, notTested } = summary.totals;
  process.stdout.write(`\n${passed} passed, ${failed} failed, ${notApplicable} not applicable, ${notTested} not tested\n`);
  process.stdout.write(`report: ${files.reportHtml}\ndossier: ${files.dossierHtml}\nsummary: ${files.summary}\n`);
  for (const error of suiteErrors.slice(0, 5)) process.stderr.write(`conformance: the suite itself failed: ${error}\n`);
  if (cancelled) process.stderr.write(`conformance: ${cancelled}\n`);
  else if (!completion.complete) process.stderr.write(`conformance: the run is incomplete: ${completion.reason}\n`);
  if (!completion.complete) return 2;
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
      const { token: _secret, ...withoutToken } = target;
      targets.push(withoutToken);
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
    // No token here: this JSON goes into the workers' environment (they read it from the token file).
    targets.push({ role: target.role, identity: target.identity, kind: 'endpoint', url: party.url });
    runs.push({ role: target.role, identity: target.identity, endpoint: party.url, ...(target.kind === 'image' ? { image: target.image, digest: party.description } : {}) });
  }
  return { targets, drivers, runs };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A defect of the suite: the stack helps whoever fixes it, after the one line that says what happened.
    process.stderr.write(`conformance: the run could not be done: ${(error as Error).message ?? String(error)}\n${(error as Error).stack ?? ''}\n`);
    process.exit(2);
  },
);
