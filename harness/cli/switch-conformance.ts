/**
 * `npm run conformance -- --switch URL`: a switch (BIDN's GGk or VECOZO) is the system under
 * test (docs/switch-protocol.md). The suite plays every party around it, runs the vitest project
 * `schakelpunt`, and writes summary.json (with `switches[]`), the dossier rows of runbook 4.5/4.6,
 * switch-records.jsonl and the manifest. Exit 0 every SW requirement passed, 1 one failed,
 * 2 the run could not be done.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { startVitest } from 'vitest/node';
import { calendarToJson, parseCalendar, type Calendar } from '../clock/calendar.js';
import { writeManifest } from '../evidence/manifest.js';
import { ENV, runCalendar } from '../scenario/run-settings.js';
import { loadSchemaSet } from '../validation/index.js';
import { SWITCH_ONLY_ENV } from '../switch-sut/define-switch-scenario.js';
import { writeSwitchDossier } from '../switch-sut/switch-dossier.js';
import { isSwitchRole, SWITCH_CONTROL_BASE, SWITCH_ROLES, type SwitchAbout, type SwitchRole } from '../switch-sut/switch-protocol.js';
import SwitchRecordsReporter, { readSwitchRecords, switchRecordsPath } from '../switch-sut/switch-records-reporter.js';
import { isSwitchRequirementId, SWITCH_REQUIREMENT_IDS, type SwitchRequirementId } from '../switch-sut/switch-requirements.js';
import { buildSwitchSummary, type SwitchRun } from '../switch-sut/switch-summary.js';
import { SWITCH_TARGET_ENV, type SwitchTarget } from '../switch-sut/switch-target.js';
import { outFiles } from '../evidence/out-layout.js';
import type { CalendarJson } from '../sut/protocol.js';

export interface SwitchOptions {
  url: string;
  roles: SwitchRole[];
  token?: string;
  only?: SwitchRequirementId[];
  /** Absolute path of a calendar JSON (party-protocol.md's form); undefined: the national one. */
  calendar?: string;
  out: string;
}

const USAGE = 'npm run conformance -- --switch URL [--switch-role BIDN|VECOZO]... [--token TOKEN] [--only SW-ID,...] [--calendar FILE] [--out DIR]';

/** True when the command line asks for a switch run. */
export const isSwitchRun = (argv: readonly string[]): boolean => argv.some((a) => a === '--switch' || a.startsWith('--switch='));

export function parseSwitchArgs(argv: readonly string[], cwd = process.cwd()): SwitchOptions | { error: string } {
  const fail = (what: string, fix: string): { error: string } => ({ error: `${what}. Fix: ${fix}.` });
  const values = new Map<string, string>();
  const roles: SwitchRole[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!['--switch', '--switch-role', '--token', '--only', '--calendar', '--out'].includes(flag)) {
      return fail(`${arg} does not go with --switch`, `a switch run takes only ${USAGE}`);
    }
    const value = flag !== arg ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || value.startsWith('--')) return fail(`${flag} needs a value`, `write ${flag} VALUE (see ${USAGE})`);
    if (flag === '--switch-role') {
      const role = value.toUpperCase();
      if (!isSwitchRole(role)) return fail(`--switch-role ${value} is not a switch`, `use --switch-role ${SWITCH_ROLES.join('|')}`);
      if (!roles.includes(role)) roles.push(role);
      continue;
    }
    if (values.has(flag)) return fail(`${flag} is given twice`, `give ${flag} once`);
    values.set(flag, value);
  }
  const url = values.get('--switch') as string;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`--switch ${url} is not a URL`, 'give the switch\'s base URL, e.g. --switch http://127.0.0.1:8090');
  }
  if (parsed.protocol !== 'http:') return fail(`--switch ${url} uses ${parsed.protocol}`, 'the switch protocol is plain HTTP/1.1 on loopback or a test network');
  let only: SwitchRequirementId[] | undefined;
  const onlyText = values.get('--only');
  if (onlyText !== undefined) {
    const ids = onlyText.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = ids.filter((id) => !isSwitchRequirementId(id));
    if (!ids.length || unknown.length) return fail(`--only names unknown switch requirement id ${unknown.join(', ') || '(none)'}`, `use ids of docs/switch-protocol.md: ${SWITCH_REQUIREMENT_IDS.join(', ')}`);
    only = [...new Set(ids as SwitchRequirementId[])];
  }
  const token = values.get('--token');
  const calendarArg = values.get('--calendar');
  let calendar: string | undefined;
  if (calendarArg !== undefined) {
    calendar = resolve(cwd, calendarArg);
    try {
      parseCalendar(JSON.parse(readFileSync(calendar, 'utf8')) as CalendarJson);
    } catch (error) {
      return fail(`--calendar ${calendarArg} is no calendar (${(error as Error).message.split('. Fix')[0]})`, 'give a JSON file with zone, heenStop, retourStop and goLive, e.g. fixtures/calendars/rehearsal-kto.json');
    }
  }
  return {
    url: url.replace(/\/+$/, ''), roles: roles.length ? roles : [...SWITCH_ROLES],
    ...(token !== undefined ? { token } : {}), ...(only ? { only } : {}), ...(calendar ? { calendar } : {}),
    out: resolve(cwd, values.get('--out') ?? 'reports'),
  };
}

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
  if (suiteErrors.length || records.some((r) => r.broken?.includes('[unreachable]'))) return 2;
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
