/**
 * `<out>/summary.json` as `run-summary.md` defines it: every requirement id of cutover.md for
 * every party, one verdict each, built from the records the scenario tests left.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Role } from '../messages/model.js';
import type { PartyAbout as ClientAbout } from '../sut/control-client.js';
import type { CalendarJson } from '../sut/protocol.js';
import { appliesTo, REQUIREMENT_IDS, type RequirementId } from '../verdicts/requirements.js';
import { outFiles } from './out-layout.js';
import type { ScenarioRecord, Verdict } from './scenario-record.js';
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
  calendar: SummaryCalendar;
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

export interface Summary {
  suiteVersion: string;
  suite: SuiteIdentity;
  /** Absent: the run is not signed ("niet ondertekend", see `signatureText`). */
  signature?: SignaturePlan;
  startedAt: string;
  calendar: SummaryCalendar;
  operator?: string;
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
    suite: env.suite,
    ...(env.signature ? { signature: env.signature } : {}),
    startedAt: env.startedAt,
    calendar: env.calendar,
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

function partySummary(run: PartyRun, records: readonly ScenarioRecord[]): PartySummary {
  const requirements = {} as Record<RequirementId, RequirementSummary>;
  for (const id of REQUIREMENT_IDS) requirements[id] = requirementSummary(id, run.role, records);
  return { ...run, requirements };
}

function requirementSummary(id: RequirementId, role: Role, records: readonly ScenarioRecord[]): RequirementSummary {
  let passed = 0;
  const failing = new Set<number>();
  const failures: string[] = [];
  records.forEach((record, index) => {
    const outcome = record.requirements.find((o) => o.id === id);
    if (!outcome) return;
    if (record.broken) {
      failing.add(index);
      failures.push(`broken: ${record.broken}`);
    } else if (outcome.verdict === 'broken') {
      failing.add(index);
      failures.push(...(outcome.failures.length ? outcome.failures : ['no reason given']).map((f) => `broken: ${f}`));
    } else if (outcome.verdict === 'failed') {
      failing.add(index);
      failures.push(...(outcome.failures.length ? outcome.failures : ['failed without a failure line (harness defect)']));
    } else if (outcome.verdict === 'passed') {
      passed += 1;
    }
  });
  const tests = passed + failing.size;
  if (!appliesTo(id, role)) return { verdict: 'not-applicable', tests, reason: `the ${role} has no such duty` };
  if (failing.size > 0) return { verdict: 'failed', tests, failures: [...new Set(failures)] };
  if (passed > 0) return { verdict: 'passed', tests };
  const reasons = [...new Set(records.flatMap((r) => r.requirements.filter((o) => o.id === id && o.verdict === 'not-tested').map((o) => o.reason ?? 'no reason given')))];
  return { verdict: 'not-tested', tests, reason: reasons.length ? reasons.join('; ') : 'no scenario of this run verified it' };
}

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
