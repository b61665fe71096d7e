/**
 * `<out>/summary.json` as `run-summary.md` defines it: every requirement id of cutover.md for
 * every party, one verdict each, built from the records the scenario tests left.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Role } from '../messages/model.js';
import type { PartyAbout as ClientAbout } from '../sut/control-client.js';
import type { CalendarJson } from '../protocol/party-protocol.js';
import { boundedLines, MAX_FINDINGS_SHOWN } from '../verdicts/finding.js';
import { appliesTo, requirementIds, type RequirementId } from '../verdicts/requirements.js';
import { outFiles } from './out-layout.js';
import { outcomeLines, type OutcomeLine, type RequirementOutcome, type ScenarioRecord, type Verdict } from './scenario-record.js';
import type { SuiteIdentity } from './suite-identity.js';
import type { SignaturePlan } from './attestation.js';

/** What the party says about itself (`GET /about`, party-protocol v1.1), without its capabilities. */
export type PartyAbout = Pick<ClientAbout, 'vendor' | 'product' | 'version'>;

export interface PartyRun {
  role: Role;
  identity: string;
  endpoint: string;
  image?: string;
  digest?: string;
  /** `GET /about`'s answer; absent when the party answered 404 (or was not asked). */
  about?: PartyAbout;
  /** When this party's own run started (wall clock): each party keeps its own date in a merge. */
  startedAt?: string;
}

/** The run's calendar as run-summary.md states it: the protocol's JSON, its name, and whether it is the national one. */
export interface SummaryCalendar extends CalendarJson {
  name?: string;
  national?: boolean;
}

/** The migration profile the run judged against (`--profile`): what a reader needs to name and check it. */
export interface SummaryProfile {
  name: string;
  title: string;
  /** A test migration that proves the engine: no verdict under it supports a precondition. */
  synthetic: boolean;
  /** The profile's `from` and `to` release ids. */
  from: string;
  to: string;
  /** SHA-256 (hex) of the profile file. */
  sha256: string;
  /** The profile file the requirement rows come from (`requirements.extends`), when not this one: its name and SHA-256. */
  requirementsFrom?: { file: string; sha256: string };
  /** Duties this profile does not have (e.g. ING-3.3/3.4 without late from-release retours), with the reason: not-applicable for every role. */
  dutiesAbsent?: Partial<Record<RequirementId, AbsentDuty>>;
}

/** Why a profile has no such duty: for summary.json (English) and the dossier (Dutch). */
export interface AbsentDuty { reason: string; redenNl: string }

export interface SchemaSet {
  /** `bundled` or the `--schemas` directory. */
  source: string;
  /** Relative XSD path (`2.0.2/wmo501.xsd`) → SHA-256 hex. */
  sha256: Record<string, string>;
}

export interface SummaryEnv {
  suiteVersion: string;
  /** The suite that judged the run; a merge keeps its inputs', never the merging machine's. */
  suite: SuiteIdentity;
  /** Set when the run is signed: the envelope is written after the summary, so it says so in advance. */
  signature?: SignaturePlan;
  startedAt: string;
  /** `live`: a live rehearsal on the wall clock (`--live`); the calendar holds its real T0, T1, T2. Absent: virtual time. */
  mode?: 'live';
  calendar: SummaryCalendar;
  /** Absent in summaries written before profiles existed (they ran the iPgb 2.0 → 2.3 one). */
  profile?: SummaryProfile;
  /** Who ran the suite (`--operator` or CONFORMANCE_OPERATOR). */
  operator?: string;
  schemas: SchemaSet;
  parties: PartyRun[];
}

export interface RequirementSummary {
  verdict: Verdict;
  /** How many tests judged the id (passed, failed or broken). */
  tests: number;
  failures?: string[];
  /** Why a `not-tested` (or `not-applicable`) requirement was not judged. */
  reason?: string;
}

export interface PartySummary extends PartyRun {
  requirements: Record<RequirementId, RequirementSummary>;
}

/**
 * Whether the run did everything it set out to do. `complete: false` (with the reason) for a
 * run that was interrupted or aborted, is still in progress, or has scenarios that could not be
 * judged: a CI gate must not read such a summary as a verdict on the party.
 */
export type Completion = { complete: true } | { complete: false; reason: string };

export interface Summary {
  suiteVersion: string;
  suite: SuiteIdentity;
  /** Absent: the run is not signed ("niet ondertekend", see `signatureText`). */
  signature?: SignaturePlan;
  startedAt: string;
  complete: boolean;
  /** Why the run is not complete; absent when it is. */
  reason?: string;
  /** `live`: a live rehearsal on the wall clock (`--live`). Absent: virtual time. */
  mode?: 'live';
  calendar: SummaryCalendar;
  profile?: SummaryProfile;
  operator?: string;
  schemas: SchemaSet;
  parties: PartySummary[];
  totals: { passed: number; failed: number; notApplicable: number; notTested: number };
}

export const partyKey = (p: { role: Role; identity: string }): string => `${p.role}\u0000${p.identity}`;

export function buildSummary(unordered: readonly ScenarioRecord[], env: SummaryEnv, completion: Completion = { complete: true }): Summary {
  // Records arrive in the order tests finish, which differs between runs: failure lines must not.
  const records = [...unordered].sort(byScenario);
  const runs = new Map(env.parties.map((p) => [partyKey(p), p]));
  // A record of a party the env does not list still counts: dropping it would hide a verdict.
  for (const r of records) {
    if (!runs.has(partyKey(r))) runs.set(partyKey(r), { role: r.role, identity: r.identity, endpoint: r.endpoint });
  }
  const absent = env.profile?.dutiesAbsent ?? {};
  const parties = [...runs.values()].map((run) => partySummary(run, records.filter((r) => partyKey(r) === partyKey(run)), absent));
  const verdicts = parties.flatMap((p) => Object.values(p.requirements).map((r) => r.verdict));
  return {
    suiteVersion: env.suiteVersion,
    suite: env.suite,
    ...(env.signature ? { signature: env.signature } : {}),
    startedAt: env.startedAt,
    ...completion,
    ...(env.mode ? { mode: env.mode } : {}),
    calendar: env.calendar,
    ...(env.profile ? { profile: env.profile } : {}),
    ...(env.operator !== undefined ? { operator: env.operator } : {}),
    schemas: env.schemas,
    parties,
    totals: {
      passed: verdicts.filter((v) => v === 'passed').length,
      failed: verdicts.filter((v) => v === 'failed').length,
      notApplicable: verdicts.filter((v) => v === 'not-applicable').length,
      notTested: verdicts.filter((v) => v === 'not-tested').length,
    },
  };
}

function partySummary(run: PartyRun, records: readonly ScenarioRecord[], absent: Partial<Record<RequirementId, AbsentDuty>>): PartySummary {
  const requirements = {} as Record<RequirementId, RequirementSummary>;
  for (const id of requirementIds()) requirements[id] = requirementSummary(id, run.role, records, absent[id]?.reason);
  return { ...run, requirements };
}

/**
 * One verdict per id: failed when any test found a failure; else not-tested when any test of it
 * could not be judged (broken: party unreachable, deadline passed, harness error), since a
 * scenario that did not finish proves nothing; else passed when a test passed it.
 */
function requirementSummary(id: RequirementId, role: Role, records: readonly ScenarioRecord[], absentUnderProfile: string | undefined): RequirementSummary {
  const outcomes = records.flatMap((record) => record.requirements.filter((o) => o.id === id).map((outcome) => ({ record, outcome })));
  const judged = outcomes.filter(({ record }) => !record.broken);
  const brokenBecause = [...new Set(outcomes.flatMap(({ record, outcome }) => brokenReasons(record, outcome)))];
  const failed = judged.filter(({ outcome }) => outcome.verdict === 'failed').length;
  const passed = judged.filter(({ outcome }) => outcome.verdict === 'passed').length;
  const tests = passed + failed + outcomes.filter(({ record, outcome }) => brokenReasons(record, outcome).length > 0).length;
  if (!appliesTo(id, role)) return { verdict: 'not-applicable', tests, reason: `the ${role} has no such duty` };
  if (absentUnderProfile !== undefined) return { verdict: 'not-applicable', tests, reason: absentUnderProfile };
  if (failed > 0) return { verdict: 'failed', tests, failures: boundedLines(requirementFailures(id, records).map((l) => l.text), MAX_FINDINGS_SHOWN, moreFailures) };
  if (brokenBecause.length > 0) return { verdict: 'not-tested', tests, reason: `a scenario verifying it could not be judged: ${firstFew(brokenBecause)}` };
  if (passed > 0) return { verdict: 'passed', tests };
  const reasons = [...new Set(outcomes.filter(({ outcome }) => outcome.verdict === 'not-tested').map(({ outcome }) => outcome.reason ?? 'no reason given'))];
  return { verdict: 'not-tested', tests, reason: reasons.length ? reasons.join('; ') : 'no scenario of this run verified it' };
}

/** A reason stays readable however many scenarios broke the same way or another. */
function firstFew(reasons: string[], shown = 3): string {
  const rest = reasons.length - shown;
  return `${reasons.slice(0, shown).join('; ')}${rest > 0 ? `; and ${rest} more (see records.jsonl)` : ''}`;
}

/** These records in the one order every run of the same scenarios shares, whatever order the tests finished in. */
export const inScenarioOrder = (records: readonly ScenarioRecord[]): ScenarioRecord[] => [...records].sort(byScenario);

/** Scenario, then party, then title: the one order of records that every run of the same scenarios shares. */
function byScenario(a: ScenarioRecord, b: ScenarioRecord): number {
  return compare(a.scenarioId, b.scenarioId) || compare(a.role, b.role) || compare(a.identity, b.identity) || compare(a.title, b.title);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Why an outcome could not be judged: its record broke, or the requirement did; none when it was judged. */
function brokenReasons(record: ScenarioRecord, outcome: RequirementOutcome): string[] {
  if (record.broken) return [record.broken];
  if (outcome.verdict !== 'broken') return [];
  return [outcome.reason ?? 'no reason given'];
}

/** The failed outcomes of a requirement over these records (judged ones only), in the summary's order. */
export function failedOutcomes(id: RequirementId, records: readonly ScenarioRecord[]): RequirementOutcome[] {
  return inScenarioOrder(records).filter((record) => !record.broken)
    .flatMap((record) => record.requirements.filter((o) => o.id === id && o.verdict === 'failed'));
}

/** Every failure line of a requirement over these records, each once: what the summary bounds. */
export function requirementFailures(id: RequirementId, records: readonly ScenarioRecord[]): OutcomeLine[] {
  const seen = new Map<string, OutcomeLine>();
  for (const line of failedOutcomes(id, records).flatMap(outcomeLines)) if (!seen.has(line.text)) seen.set(line.text, line);
  return [...seen.values()];
}

/** run-summary.md: at most 20 lines per requirement, then one saying how many more. */
const moreFailures = (left: number): string =>
  `and ${left} more failure line(s): the full list is in records.jsonl and in each failed test's findings attachments in the report`;

export function writeSummary(out: string, summary: Summary): string {
  mkdirSync(out, { recursive: true });
  const path = outFiles(out).summary;
  writeFileSync(path, `${JSON.stringify(summary, null, 2)}\n`, 'utf8');
  return path;
}

export function readSummary(out: string): Summary {
  const path = outFiles(out).summary;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Summary;
  } catch (error) {
    throw new Error(
      `Cannot read ${path}: ${(error as Error).message}. ` +
        'Point at the --out directory of a finished conformance run (it holds summary.json).',
    );
  }
}
