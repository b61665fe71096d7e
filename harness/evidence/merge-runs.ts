/**
 * Several runs into one evidence set: different parties, or CI shards of one party. Every input
 * is verified first (its manifest, and its signature when a public key is given): an input that
 * differs from what its run produced is refused, naming the file. Runs of the same role and
 * identity are shards of one party only when they tested the same system (image digest, else
 * endpoint); two systems under one identity are refused, never made one party named after the
 * first. Runs judged by different suite commits, calendars or schema sets are refused too: one
 * summary.json states one of each. Each party keeps its own start time.
 */
import type { KeyObject } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { finishRun, readRunRecords } from './finish-run.js';
import { outFiles } from './out-layout.js';
import type { ScenarioRecord } from './scenario-record.js';
import type { SuiteIdentity } from './suite-identity.js';
import { buildSummary, partyKey, readSummary, type Completion, type PartyRun, type Summary, type SummaryEnv } from './summary.js';
import { checkEvidence } from './verify-evidence.js';
import { runProfile } from '../profile/run-profile.js';

/** Files generateReport writes itself from the merged summary: a copy from one run would be stale. */
const REGENERATED = new Set(['categories.json', 'environment.properties']);

/** A merge that must not happen; the CLI exits 2 with its message. */
export class MergeRefused extends Error {}

/** `startedAt` per party (run-summary.md); a summary written before it existed has only the run's. */
type DatedRun = PartyRun & { startedAt?: string };

export interface MergeOptions {
  /** Every input must carry a signature that verifies with this key. */
  publicKey?: KeyObject;
  /** Extra summary fields of the merged run (its signature plan). */
  signature?: SummaryEnv['signature'];
}

function refuse(message: string): never {
  throw new MergeRefused(message);
}

/**
 * The dossier's requirement rows and texts come from this process's profile: a run judged under
 * another one would get the wrong rows. Undefined when they agree (or the run predates profiles).
 */
export function profileMismatch(summary: Pick<Summary, 'profile'>, processProfile: string): string | undefined {
  const judgedUnder = summary.profile?.name;
  if (judgedUnder === undefined || judgedUnder === processProfile) return undefined;
  return `Cannot merge: the runs were judged under the migration profile ${judgedUnder}, but this process reads the requirement rows of ${processProfile}. ` +
    `Fix: run it with CONFORMANCE_PROFILE set to the file of ${judgedUnder}, e.g. CONFORMANCE_PROFILE=fixtures/profiles/${judgedUnder}.json npm run dossier -- …`;
}

function sameOrRefuse(dirs: readonly string[], summaries: readonly Summary[], what: string, pick: (s: Summary) => unknown): void {
  const first = JSON.stringify(pick(summaries[0]!));
  const other = summaries.findIndex((s) => JSON.stringify(pick(s)) !== first);
  if (other >= 0) {
    refuse(`Cannot merge ${dirs[0]} and ${dirs[other]}: they differ in ${what}. ` +
      'Merge only runs of the same suite commit, calendar and schema set; make a separate dossier for the others.');
  }
}

/** The system a party run tested: the image digest when the suite started it, else the endpoint. */
const systemOf = (p: PartyRun): string => p.digest ?? p.endpoint;

const suiteOf = (s: Summary): SuiteIdentity => s.suite ?? { version: s.suiteVersion, commit: null, modified: null };

function verifyInput(dir: string, publicKey: KeyObject | undefined): void {
  let problems: string[];
  try {
    problems = checkEvidence(dir, publicKey).problems;
  } catch (error) {
    refuse(`Cannot merge ${dir}: ${(error as Error).message}`);
  }
  if (problems.length) {
    refuse(`Cannot merge ${dir}: ${problems.join('; ')} (paths relative to ${dir}). ` +
      'The input is not what its run produced; merge only untouched --out directories.');
  }
}

/** The input's own summary must say what its records say: verdicts are rebuilt from the records. */
function consistentOrRefuse(dir: string, summary: Summary, records: readonly ScenarioRecord[]): void {
  const rebuilt = buildSummary(records, { ...summary, parties: summary.parties });
  const stray = rebuilt.parties.find((p) => !summary.parties.some((q) => partyKey(q) === partyKey(p)));
  if (stray) refuse(`Cannot merge ${dir}: ${dir}/records.jsonl holds records of ${stray.role} ${stray.identity}, a party its summary.json does not list. One of them was edited.`);
  for (const party of summary.parties) {
    const again = rebuilt.parties.find((p) => partyKey(p) === partyKey(party));
    if (JSON.stringify(again?.requirements) !== JSON.stringify(party.requirements)) {
      refuse(`Cannot merge ${dir}: ${dir}/summary.json does not match ${dir}/records.jsonl for ${party.role} ${party.identity}. One of them was edited.`);
    }
  }
}

export async function mergeRuns(out: string, dirs: readonly string[], options: MergeOptions = {}): Promise<Summary> {
  if (dirs.length === 0) refuse('Nothing to merge: give at least one result directory (the --out of a run).');
  if (dirs.some((d) => resolve(d) === resolve(out))) {
    refuse(`Cannot merge into ${out}: it is also an input. Choose a new, empty output directory.`);
  }
  for (const dir of dirs) verifyInput(dir, options.publicKey);
  const summaries = dirs.map(readSummary);
  const recordsOf = dirs.map(readRunRecords);
  dirs.forEach((dir, i) => consistentOrRefuse(dir, summaries[i]!, recordsOf[i]!));
  sameOrRefuse(dirs, summaries, 'suite version', (s) => s.suiteVersion);
  sameOrRefuse(dirs, summaries, 'suite commit or its modified state', suiteOf);
  sameOrRefuse(dirs, summaries, 'calendar', (s) => s.calendar);
  sameOrRefuse(dirs, summaries, 'schema set', (s) => s.schemas.sha256);
  sameOrRefuse(dirs, summaries, 'migration profile', (s) => s.profile?.name);
  const mismatch = profileMismatch(summaries[0]!, runProfile().name);
  if (mismatch) refuse(mismatch);

  const parties = new Map<string, { run: DatedRun; dir: string }>();
  summaries.forEach((s, i) => {
    for (const { requirements: _r, ...party } of s.parties as Array<Summary['parties'][number] & DatedRun>) {
      const run: DatedRun = { ...party, startedAt: party.startedAt ?? s.startedAt };
      const seen = parties.get(partyKey(run));
      if (!seen) {
        parties.set(partyKey(run), { run, dir: dirs[i]! });
        continue;
      }
      if (systemOf(seen.run) !== systemOf(run)) {
        refuse(`Cannot merge ${seen.dir} and ${dirs[i]}: both test ${run.role} ${run.identity}, but different systems ` +
          `(${systemOf(seen.run)} and ${systemOf(run)}). Shards of one party must test one system; make a separate dossier for each.`);
      }
      // Shards of one party: the party's test began when its first shard began.
      if (Date.parse(run.startedAt!) < Date.parse(seen.run.startedAt!)) seen.run.startedAt = run.startedAt;
    }
  });

  const results = outFiles(out).results;
  mkdirSync(results, { recursive: true });
  for (const dir of dirs) {
    const from = outFiles(dir).results;
    if (!existsSync(from)) continue;
    for (const name of readdirSync(from)) if (!REGENERATED.has(name)) cpSync(join(from, name), join(results, name), { recursive: true });
  }
  const records = recordsOf.flat();
  writeFileSync(outFiles(out).records, records.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8');

  const first = summaries[0]!;
  const startedAt = summaries.map((s) => s.startedAt).sort((a, b) => Date.parse(a) - Date.parse(b))[0]!;
  const operators = [...new Set(summaries.flatMap((s) => (s.operator ? [s.operator] : [])))];
  return finishRun(out, {
    suiteVersion: first.suiteVersion, suite: suiteOf(first), startedAt, ...(first.mode ? { mode: first.mode } : {}), calendar: first.calendar, ...(first.profile ? { profile: first.profile } : {}), schemas: first.schemas,
    parties: [...parties.values()].map((p) => p.run), ...(options.signature ? { signature: options.signature } : {}),
    ...(operators.length ? { operator: operators.join('; ') } : {}),
  }, records, mergedCompletion(dirs, summaries));
}

/** A merge is as complete as its least complete input: one partial shard makes the whole partial. */
function mergedCompletion(dirs: readonly string[], summaries: readonly Summary[]): Completion {
  const partial = summaries.findIndex((s) => s.complete === false);
  if (partial < 0) return { complete: true };
  return { complete: false, reason: `input ${dirs[partial]} is incomplete: ${summaries[partial]?.reason ?? 'its summary does not say why'}` };
}
