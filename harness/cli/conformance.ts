/**
 * `npm run conformance`: run-summary.md's command. It readies the party (bundled reference
 * party, a running endpoint, or a container image), runs the suites' project of vitest with the
 * evidence reporters, then writes summary.json, the dossier, the report and the manifest.
 * Exit status: 0 every applicable requirement passed, 1 any failed, 2 the run could not be done.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { startVitest } from 'vitest/node';
import { isArgError, isHelp, parseConformanceArgs, TOKEN_ENV } from './conformance-args.js';
import { guardRun } from './conformance-interrupts.js';
import { TokenFile } from './conformance-token-file.js';
import type { ConformanceOptions } from './conformance-args.js';
import { driverFor } from '../sut/target.js';
import type { PartyTarget } from '../sut/target.js';
import type { PartyDriver, PartyUnderTest } from '../sut/party-under-test.js';
import { CONFORMANCE_TARGET_ENV, CONFORMANCE_TOKEN_FILE_ENV } from '../sut/target.js';
import { embeddedParty, ENV, runCalendar, runCalendarIdentity } from '../scenario/run-settings.js';
import { calendarToJson } from '../clock/calendar.js';
import { PROFILE_ENV, runProfileFile } from '../profile/run-profile.js';
import { checkTableProblems } from '../verdicts/judge.js';
import { summaryProfile } from '../evidence/summary-profile.js';
import { loadSchemaSet } from '../validation/index.js';
import { abandonRun, finishRun, readRunRecords } from '../evidence/finish-run.js';
import { outFiles } from '../evidence/out-layout.js';
import { pdfStatusLine } from '../evidence/dossier.js';
import type { Completion, PartyAbout, PartyRun, Summary, SummaryEnv } from '../evidence/summary.js';
import { REPORT_TIME_LIMIT_MS, ReportTimedOut } from '../evidence/report.js';
import { startAllureProcess, type AllureProcess } from '../evidence/allure-process.js';
import { claimOut } from '../evidence/out-folder.js';
import { signaturePlan, signRun } from '../evidence/attestation.js';
import { loadPrivateKey, signKeyPath } from '../evidence/signing-key.js';
import { suiteIdentity } from '../evidence/suite-identity.js';
import { isSwitchRun } from './switch-conformance-args.js';
import { runSwitchConformance } from './switch-conformance.js';
import { fileURLToPath } from 'node:url';
import { failedScenarios, selectScenarios, type Selection } from './scenario-selection.js';
import { writeJunit } from './junit-report.js';
import { suiteWorkers } from './suite-workers.js';
import { busyCoresOfOthers, cpuSample, parseSample, START_SAMPLE_ENV, type CpuSample } from './busy-cores.js';
import { githubAnnotations, jobSummaryMarkdown } from './job-summary.js';
import { appendFileSync } from 'node:fs';
import { liveCalendar, liveClock, showProgress, startLineFor, writeLiveCalendar, type LiveCalendarFile } from './live-run.js';
import { LIVE_START_ENV } from '../scenario/live-start.js';

/** The suite's own folder: vitest's config and the suites live here, wherever the command runs from. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SUITE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function main(argv: string[]): Promise<number> {
  // A switch as system under test (docs/switch-protocol.md) is a run of its own.
  if (isSwitchRun(argv)) return runSwitchConformance(argv, SUITE_VERSION);
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
  const limit = reportLimitOf(process.env);
  if ('error' in limit) {
    process.stderr.write(`conformance: ${limit.error}\n`);
    return 2;
  }
  const startSample = parseSample(process.env[START_SAMPLE_ENV]);
  delete process.env[START_SAMPLE_ENV]; // the workers and parties need not inherit it
  const workers = workersOf(process.env);
  if (typeof workers === 'object') {
    process.stderr.write(`conformance: ${workers.error}\n`);
    return 2;
  }
  const keyPath = signKeyPath(options.signKey);
  let signKey: ReturnType<typeof loadPrivateKey> | undefined;
  try {
    signKey = keyPath ? loadPrivateKey(keyPath) : undefined;
  } catch (error) {
    process.stderr.write(`conformance: ${(error as Error).message}\n`);
    return 2;
  }
  const suite = suiteIdentity(); // before the run: what judged it, not what the tree became after
  const selection = chosenScenarios(options);
  if (selection !== undefined && 'error' in selection) {
    process.stderr.write(`conformance: ${selection.error}\n`);
    return 2;
  }
  if (selection?.ids.length === 0) {
    process.stdout.write(`conformance: no scenario failed in ${options.rerunFailed}; nothing to run again.\n`);
    return 0;
  }
  const startedAt = new Date().toISOString(); // wall clock: when the run itself happened
  // The workers read the calendar from the environment: --calendar is only its front door.
  if (options.calendar) process.env[ENV.calendar] = options.calendar;
  if (options.profile) process.env[PROFILE_ENV] = options.profile;
  // --live: a provisional calendar, so even a run abandoned before its start says it was live;
  // the start line in conduct() writes the real one once every role's worker is ready.
  const liveFile = options.live ? writeLiveCalendar(liveCalendar(options.live, liveClock())) : undefined;
  if (liveFile) {
    process.env[ENV.calendar] = liveFile.path;
    process.env[ENV.live] = '1';
  }
  // A profile row without a check (or a check without a row) is a suite defect: say so before any scenario runs.
  const unmatched = checkTableProblems(runProfileFile());
  if (unmatched.length) {
    process.stderr.write(`conformance: the requirement rows and the checks do not match:\n  ${unmatched.join('\n  ')}\n`);
    return 2;
  }
  const files = outFiles(options.out);
  const schemas = loadSchemaSet(options.schemas);
  const env: SummaryEnv = {
    suiteVersion: SUITE_VERSION, suite, ...(signKey ? { signature: signaturePlan(signKey) } : {}), startedAt,
    ...(options.live ? { mode: 'live' as const } : {}),
    calendar: { ...runCalendarIdentity(), ...calendarToJson(runCalendar()) },
    profile: summaryProfile(runProfileFile()),
    ...(options.operator ? { operator: options.operator } : {}),
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
    return await conduct(options, env, { secrets, shard: shard?.value, selection, signKey, reportLimitMs: limit.ms, workers, startSample, ...(liveFile ? { liveFile } : {}) });
  } finally {
    secrets.remove();
    liveFile?.remove();
    guard.dispose();
  }
}

interface RunPlan {
  secrets: TokenFile;
  shard: string | undefined;
  selection: Selection | undefined;
  signKey: ReturnType<typeof loadPrivateKey> | undefined;
  reportLimitMs: number;
  /** CONFORMANCE_WORKERS, when set. */
  workers: number | undefined;
  /** The machine's CPU when the launcher started (ipgb-conformance.mjs), to count the busy cores. */
  startSample: CpuSample | undefined;
  /** `--live`: where the workers read the live calendar from. */
  liveFile?: LiveCalendarFile;
}

async function conduct(options: ConformanceOptions, env: SummaryEnv, plan: RunPlan): Promise<number> {
  // Measured before the Allure process starts, whose loading would count as another's load.
  const busyElsewhere = (plan.startSample && busyCoresOfOthers(plan.startSample, cpuSample())) ?? loadavg()[0] ?? 0;
  const suiteWorkerCount = plan.workers ?? suiteWorkers(availableParallelism(), busyElsewhere);
  if (plan.workers === undefined && options.parties.every((p) => p.kind === 'embedded')) {
    process.stderr.write(`conformance: ${suiteWorkerCount} suite worker(s) on ${availableParallelism()} cores (other work kept ${busyElsewhere.toFixed(1)} of them busy as the run started; CONFORMANCE_WORKERS=N overrides)\n`);
  }
  // Allure's modules load while the parties and the workers start, not after the last scenario.
  const allure = startAllureProcess();
  try {
    return await conductWith(allure, options, env, { ...plan, workers: suiteWorkerCount });
  } finally {
    allure.stop();
  }
}

async function conductWith(allure: AllureProcess, options: ConformanceOptions, env: SummaryEnv, { secrets, shard, selection, signKey, reportLimitMs, workers, liveFile }: RunPlan): Promise<number> {
  const files = outFiles(options.out);
  const ready = await readyParties(options);
  if ('error' in ready) {
    abandonRun(options.out, env, `the run could not start: ${ready.error}`);
    process.stderr.write(`conformance: ${ready.error}\n`);
    return 2;
  }
  env.parties = ready.runs.map((run) => ({ ...run, startedAt: env.startedAt }));
  const suiteErrors: string[] = [];
  let cancelled: string | undefined;
  try {
    process.env[CONFORMANCE_TARGET_ENV] = JSON.stringify(ready.targets);
    const token = options.parties.find((p) => p.token !== undefined)?.token;
    if (token !== undefined) process.env[CONFORMANCE_TOKEN_FILE_ENV] = secrets.write(token);
    process.env.CONFORMANCE_OUT = options.out;
    if (options.only) process.env[ENV.only] = options.only.join(',');
    if (options.schemas) process.env[ENV.schemas] = options.schemas;
    // --- network and selection (issue 15) ---
    if (options.switchListen) process.env[ENV.switchListen] = options.switchListen;
    if (options.switchUrl) process.env[ENV.switchUrl] = options.switchUrl;
    if (selection) process.env[ENV.scenarios] = selection.ids.join(',');
    const shared = ready.targets.some((t) => t.kind !== 'embedded');
    const progress = new (await import('./progress-reporter.js')).default();
    // A live calendar starts once every role's worker and party is ready (starting them may take a while).
    let liveProgress: { stop: () => void } | undefined;
    const liveStart = options.live ? startLineFor(ready.targets, () => {
      const clock = liveClock();
      const live = liveCalendar(options.live!, clock);
      liveFile?.update(live);
      env.calendar = { ...runCalendarIdentity(), ...calendarToJson(runCalendar()) };
      liveProgress = showProgress(live, clock);
    }) : undefined;
    if (liveStart) process.env[LIVE_START_ENV] = liveStart.dir;
    // Live: one file per role, all at once (each role is its own party; the workers mostly wait).
    const liveFiles = options.live ? ready.targets.map((t) => `suites/live/${t.role}.test.ts`) : undefined;
    const vitest = await startVitest('test', liveFiles ?? selection?.files ?? [], {
      root: ROOT,
      project: [options.live ? 'live' : 'suites'],
      watch: false,
      reporters: [
        progress,
        new (await import('../evidence/summary-reporter.js')).default({ out: options.out }),
        new (await import('../evidence/allure-results-reporter.js')).default(files.results),
      ],
      ...(shard ? { shard } : {}),
      // One module graph per worker, not per file: the XSDs are compiled and the profile, catalog and
      // harness loaded once, not once for each of the ~20 scenario files (46 s -> 25 s here). Scenarios
      // share no mutable state: each opens its own world, party session and switch.
      isolate: false,
      // One party outside the suite can run one session at a time; bundled parties, a worker per free core.
      ...(liveFiles ? { maxWorkers: liveFiles.length } : shared ? { fileParallelism: false, maxWorkers: 1 } : { maxWorkers: workers }),
    });
    liveProgress?.stop();
    liveStart?.remove();
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
  // Written before finishRun, so the manifest covers it.
  const junit = writeJunit(options.out, records, { suiteVersion: SUITE_VERSION, startedAt: env.startedAt });
  let summary: Summary;
  let reportTimedOut: ReportTimedOut | undefined;
  try {
    summary = await finishRun(options.out, env, records, completion, { reportLimitMs, allure });
  } catch (error) {
    if (!(error instanceof ReportTimedOut && error.summary)) throw error;
    reportTimedOut = error;
    summary = error.summary;
  }
  if (signKey) signRun(options.out, signKey, { suite: summary.suite, startedAt: summary.startedAt });
  const { passed, failed, notApplicable, notTested } = summary.totals;
  process.stdout.write(`\n${passed} passed, ${failed} failed, ${notApplicable} not applicable, ${notTested} not tested\n`);
  process.stdout.write(`${reportTimedOut ? '' : `report: ${files.reportHtml}\n`}dossier: ${files.dossierHtml}\n${pdfStatusLine(options.out)}\nsummary: ${files.summary}\njunit: ${junit}\n${signKey ? `signed: ${files.envelope}` : 'niet ondertekend (give --sign-key FILE to sign)'}\n`);
  // --- CI job page (issue 15) ---
  const stepSummary = process.env['GITHUB_STEP_SUMMARY'];
  if (stepSummary) appendFileSync(stepSummary, jobSummaryMarkdown(summary, records, { out: options.out, reportHtml: files.reportHtml, junit }), 'utf8');
  if (process.env['GITHUB_ACTIONS'] === 'true') for (const line of githubAnnotations(summary, records)) process.stdout.write(`${line}\n`);
  for (const error of suiteErrors.slice(0, 5)) process.stderr.write(`conformance: the suite itself failed: ${error}\n`);
  if (cancelled) process.stderr.write(`conformance: ${cancelled}\n`);
  else if (!completion.complete) process.stderr.write(`conformance: the run is incomplete: ${completion.reason}\n`);
  if (reportTimedOut) process.stderr.write(`conformance: ${reportTimedOut.message}\n`);
  if (!completion.complete || reportTimedOut) return 2;
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

/** `--scenario` or `--rerun-failed`; undefined runs every scenario. */
function chosenScenarios(options: ConformanceOptions): Selection | { error: string } | undefined {
  const ids = options.scenarios ?? (options.rerunFailed ? failedScenarios(options.rerunFailed) : undefined);
  if (ids === undefined) return undefined;
  if (ids.length === 0) return { ids: [], files: [] };
  return selectScenarios(ids, ROOT);
}

/**
 * `CONFORMANCE_WORKERS=N`: the suite workers of a run whose parties are all bundled, instead of
 * one per free core (suite-workers.ts). An env var, not a flag, so run-summary.md's command line
 * stays as it is.
 */
function workersOf(env: NodeJS.ProcessEnv): number | undefined | { error: string } {
  const raw = env['CONFORMANCE_WORKERS']?.trim();
  if (!raw) return undefined;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1) {
    return { error: `CONFORMANCE_WORKERS="${raw}" is not a whole number of workers above 0. Fix: set e.g. CONFORMANCE_WORKERS=1, or unset it for one per free core.` };
  }
  return count;
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
      const { token: _secret, ...withoutToken } = target;
      targets.push(withoutToken);
      runs.push({ role: target.role, identity: target.identity, endpoint: 'bundled reference party (embedded)', ...await embeddedAbout(target) });
      continue;
    }
    const driver = driverFor(target, embeddedParty());
    let party: PartyUnderTest;
    try {
      party = await driver.start();
    } catch (error) {
      await Promise.allSettled(drivers.map((d) => d.stop()));
      return { error: (error as Error).message };
    }
    drivers.push(driver);
    const about = await askAbout(party);
    // No token here: this JSON goes into the workers' environment (they read it from the token file).
    targets.push({ role: target.role, identity: target.identity, kind: 'endpoint', url: party.url });
    runs.push({ role: target.role, identity: target.identity, endpoint: party.url, ...(target.kind === 'image' ? { image: target.image, digest: party.description } : {}), ...about });
  }
  return { targets, drivers, runs };
}

/**
 * `GET /about` (v1.1, optional) for the evidence. A party without it (404) is named "product
 * niet opgegeven" in the dossier; a wrong answer is said on stderr and does not stop the run.
 */
async function askAbout(party: PartyUnderTest): Promise<{ about?: PartyAbout }> {
  try {
    const answer = await party.control.about();
    if (!answer) return {};
    const { capabilities: _c, ...about } = answer;
    return Object.keys(about).length ? { about } : {};
  } catch (error) {
    process.stderr.write(`conformance: ${party.role} ${party.identity}: ${(error as Error).message} The dossier names no product for it.\n`);
    return {};
  }
}

/** The bundled party runs inside each suite worker; one short start here asks it who it is. */
async function embeddedAbout(target: PartyTarget & { kind: 'embedded' }): Promise<{ about?: PartyAbout }> {
  const driver = driverFor(target, embeddedParty());
  try {
    return await askAbout(await driver.start());
  } finally {
    await driver.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A defect of the suite: the stack helps whoever fixes it, after the one line that says what happened.
    process.stderr.write(`conformance: the run could not be done: ${(error as Error).message ?? String(error)}\n${(error as Error).stack ?? ''}\n`);
    process.exit(2);
  },
);
