/**
 * `npm run conformance -- --switch URL`: a switch (BIDN's GGk or VECOZO) is the system under
 * test (docs/switch-protocol.md). The suite plays every party around it, runs the vitest project
 * `schakelpunt`, and writes summary.json (with `switches[]`), the dossier rows of runbook 4.5/4.6,
 * switch-records.jsonl and the manifest. Exit 0 every SW requirement passed, 1 one failed,
 * 2 the run could not be done.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { startVitest } from 'vitest/node';
import { calendarToJson, type Calendar } from '../clock/calendar.js';
import { PROFILE_ENV, runProfile, runProfileFile } from '../profile/run-profile.js';
import { switchRowProblems } from '../switch-sut/switch-requirements.js';
import { parseSwitchArgs, type SwitchOptions } from './switch-conformance-args.js';
import { writeManifest } from '../evidence/manifest.js';
import { ENV, runCalendar } from '../scenario/run-settings.js';
import { loadSchemaSet } from '../validation/index.js';
import { SWITCH_ONLY_ENV } from '../switch-sut/define-switch-scenario.js';
import { writeSwitchDossier } from '../switch-sut/switch-dossier.js';
import { SWITCH_CONTROL_BASE, type SwitchAbout } from '../switch-sut/switch-protocol.js';
import SwitchRecordsReporter, { readSwitchRecords, switchRecordsPath } from '../switch-sut/switch-records-reporter.js';
import { buildSwitchSummary, type SwitchRun } from '../switch-sut/switch-summary.js';
import { SWITCH_TARGET_ENV, type SwitchTarget } from '../switch-sut/switch-target.js';
import { outFiles } from '../evidence/out-layout.js';
import type { CalendarJson } from '../protocol/party-protocol.js';

export async function runSwitchConformance(argv: readonly string[], suiteVersion: string): Promise<number> {
  const options = parseSwitchArgs(argv);
  if ('error' in options) {
    process.stderr.write(`conformance: ${options.error}\n`);
    return 2;
  }
  const startedAt = new Date().toISOString(); // wall clock: when the run itself happened
  const about = await probe(options);
  if ('error' in about) {
    process.stderr.write(`conformance: ${about.error}\n`);
    return 2;
  }
  rmSync(outFiles(options.out).results, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  const targets: SwitchTarget[] = options.roles.map((role) => ({ role, url: options.url, ...(options.token !== undefined ? { token: options.token } : {}) }));
  process.env[SWITCH_TARGET_ENV] = JSON.stringify(targets);
  process.env.CONFORMANCE_OUT = options.out;
  if (options.only) process.env[SWITCH_ONLY_ENV] = options.only.join(',');
  if (options.calendar) process.env[ENV.calendar] = options.calendar;
  if (options.profile) process.env[PROFILE_ENV] = options.profile;
  // A switch row without its check (or the reverse) is a suite defect: say so before any scenario runs.
  const unmatched = switchRowProblems(runProfile().switchRequirements, runProfileFile().path);
  if (unmatched.length) {
    process.stderr.write(`conformance: the switch requirement rows and the switch checks do not match:\n  ${unmatched.join('\n  ')}\n`);
    return 2;
  }
  const vitest = await startVitest('test', [], {
    project: ['schakelpunt'], watch: false,
    // One switch runs one session at a time.
    fileParallelism: false, maxWorkers: 1,
    reporters: [new SwitchRecordsReporter({ out: options.out, progress: true })],
  });
  const suiteErrors = [
    ...vitest.state.getFiles().flatMap((f) => (f.result?.errors ?? []).map((e) => `${f.name}: ${e.message}`)),
    ...vitest.state.getUnhandledErrors().map((e) => `unhandled: ${(e as Error).message ?? String(e)}`),
  ];
  await vitest.close();

  const records = readSwitchRecords(options.out);
  const calendar = runCalendar();
  const schemas = loadSchemaSet(process.env[ENV.schemas]);
  const runs: SwitchRun[] = options.roles.map((role) => ({ role, endpoint: options.url, ...(about.about ? { about: about.about } : {}) }));
  const summary = buildSwitchSummary(records, {
    suiteVersion, startedAt, calendar: calendarEvidence(calendar, options.calendar),
    schemas: { source: process.env[ENV.schemas] ?? 'bundled', sha256: schemas.files }, switches: runs,
    ...(options.only ? { notRunBecause: `not chosen with --only ${options.only.join(',')}` } : {}),
  });
  writeFileSync(outFiles(options.out).summary, `${JSON.stringify(summary, null, 2)}\n`, 'utf8');
  writeSwitchDossier(options.out, summary);
  writeManifest(options.out, { suiteVersion, parties: [], schemas: summary.schemas });

  const { passed, failed, notTested } = summary.totals;
  process.stdout.write(`\n${summary.switches.map((s) => s.role).join(', ')}: ${passed} passed, ${failed} failed, ${notTested} not tested\n`);
  process.stdout.write(`dossier: ${outFiles(options.out).dossierHtml}\nsummary: ${outFiles(options.out).summary}\nrecords: ${switchRecordsPath(options.out)}\n`);
  for (const error of suiteErrors) process.stderr.write(`conformance: the suite itself failed: ${error}\n`);
  if (suiteErrors.length || records.some((r) => r.brokenBy === 'unreachable')) return 2;
  return failed > 0 ? 1 : 0;
}

/** The calendar as the evidence names it: its file's name, and whether it is the migration's own. */
function calendarEvidence(calendar: Calendar, file: string | undefined): CalendarJson & { name: string; national: boolean } {
  const national = JSON.stringify(calendarToJson(calendar)) === JSON.stringify(calendarToJson(runCalendar({})));
  return { name: file ? basename(file, '.json') : 'ipgb-2026', national, ...calendarToJson(calendar) };
}

/** Reachable at all, and GET /about if it has one (optional, as in party protocol v1.1). */
async function probe(options: SwitchOptions): Promise<{ about?: SwitchAbout } | { error: string }> {
  const url = `${options.url}${SWITCH_CONTROL_BASE}/about`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000), ...(options.token !== undefined ? { headers: { Authorization: `Bearer ${options.token}` } } : {}) });
    const text = (await response.text()).slice(0, 4096);
    if (response.status !== 200) return {};
    try {
      const json = JSON.parse(text) as SwitchAbout;
      return { about: { ...(typeof json.vendor === 'string' ? { vendor: json.vendor } : {}), ...(typeof json.product === 'string' ? { product: json.product } : {}), ...(typeof json.version === 'string' ? { version: json.version } : {}) } };
    } catch {
      return {};
    }
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    return { error: `the switch at ${options.url} cannot be reached (${e.cause?.code ?? e.message}). Fix: start it (e.g. npm run reference-switch -- --port 8090) and check the URL.` };
  }
}
