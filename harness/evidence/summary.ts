/**
 * `<out>/summary.json` as `run-summary.md` defines it: every requirement id of cutover.md for
 * every party, one verdict each, built from the records the scenario tests left.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Role } from '../messages/model.js';
import type { CalendarJson } from '../sut/protocol.js';
import { boundedLines, MAX_FINDINGS_SHOWN } from '../verdicts/finding.js';
import { appliesTo, REQUIREMENT_IDS, type RequirementId } from '../verdicts/requirements.js';
import { outFiles } from './out-layout.js';
import type { RequirementOutcome, ScenarioRecord, Verdict } from './scenario-record.js';

export interface PartyRun {
  role: Role;
  identity: string;
  endpoint: string;
  image?: string;
  digest?: string;
}

export interface SchemaSet {
  /** `bundled` or the `--schemas` directory. */
  source: string;
  /** Relative XSD path (`2.0.2/wmo501.xsd`) → SHA-256 hex. */
  sha256: Record<string, string>;
}

export interface SummaryEnv {
  suiteVersion: string;
  startedAt: string;
  calendar: CalendarJson;
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

export interface Summary {
  suiteVersion: string;
  startedAt: string;
  calendar: CalendarJson;
  schemas: SchemaSet;
  parties: PartySummary[];
  totals: { passed: number; failed: number; notApplicable: number; notTested: number };
}

export const partyKey = (p: { role: Role; identity: string }): string => `${p.role}\u0000${p.identity}`;

export function buildSummary(records: readonly ScenarioRecord[], env: SummaryEnv): Summary {
  const runs = new Map(env.parties.map((p) => [partyKey(p), p]));
  // A record of a party the env does not list still counts: dropping it would hide a verdict.
  for (const r of records) {
    if (!runs.has(partyKey(r))) runs.set(partyKey(r), { role: r.role, identity: r.identity, endpoint: r.endpoint });
  }
  const parties = [...runs.values()].map((run) => partySummary(run, records.filter((r) => partyKey(r) === partyKey(run))));
  const verdicts = parties.flatMap((p) => Object.values(p.requirements).map((r) => r.verdict));
  return {
    suiteVersion: env.suiteVersion,
    startedAt: env.startedAt,
    calendar: env.calendar,
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

function partySummary(run: PartyRun, records: readonly ScenarioRecord[]): PartySummary {
  const requirements = {} as Record<RequirementId, RequirementSummary>;
  for (const id of REQUIREMENT_IDS) requirements[id] = requirementSummary(id, run.role, records);
  return { ...run, requirements };
}

function requirementSummary(id: RequirementId, role: Role, records: readonly ScenarioRecord[]): RequirementSummary {
  const outcomes = records.flatMap((record) => record.requirements.filter((o) => o.id === id).map((outcome) => ({ record, outcome })));
  const failing = outcomes.filter(({ record, outcome }) => failingOutcome(record, outcome)).length;
  const passed = outcomes.filter(({ record, outcome }) => !failingOutcome(record, outcome) && outcome.verdict === 'passed').length;
  const tests = passed + failing;
  if (!appliesTo(id, role)) return { verdict: 'not-applicable', tests, reason: `the ${role} has no such duty` };
  if (failing > 0) return { verdict: 'failed', tests, failures: boundedLines(requirementFailures(id, records), MAX_FINDINGS_SHOWN, moreFailures) };
  if (passed > 0) return { verdict: 'passed', tests };
  const reasons = [...new Set(outcomes.filter(({ outcome }) => outcome.verdict === 'not-tested').map(({ outcome }) => outcome.reason ?? 'no reason given'))];
  return { verdict: 'not-tested', tests, reason: reasons.length ? reasons.join('; ') : 'no scenario of this run verified it' };
}

const failingOutcome = (record: ScenarioRecord, outcome: RequirementOutcome): boolean =>
  Boolean(record.broken) || outcome.verdict === 'broken' || outcome.verdict === 'failed';

/** Every failure line of a requirement over these records, each once: what the summary bounds. */
export function requirementFailures(id: RequirementId, records: readonly ScenarioRecord[]): string[] {
  const failures = records.flatMap((record) => record.requirements.filter((o) => o.id === id).flatMap((outcome): string[] => {
    if (record.broken) return [`broken: ${record.broken}`];
    if (outcome.verdict === 'broken') return (outcome.failures.length ? outcome.failures : ['no reason given']).map((f) => `broken: ${f}`);
    if (outcome.verdict === 'failed') return outcome.failures.length ? outcome.failures : ['failed without a failure line (harness defect)'];
    return [];
  }));
  return [...new Set(failures)];
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
