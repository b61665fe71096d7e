/**
 * `summary.json` of a switch run: the same file and vocabulary as a party run (run-summary.md),
 * with the switches under test in `switches[]` (role BIDN or VECOZO, endpoint, every SW id with
 * its verdict) and `parties` empty. Built from the records the scenario tests left.
 */
import type { CalendarJson } from '../protocol/party-protocol.js';
import type { SchemaSet } from '../evidence/summary.js';
import type { RequirementSummary } from '../evidence/summary.js';
import type { SwitchRecord } from './switch-record.js';
import type { SwitchAbout, SwitchRole } from './switch-protocol.js';
import { SWITCH_REQUIREMENT_IDS, type SwitchRequirementId } from './switch-requirements.js';

export interface SwitchRun {
  role: SwitchRole;
  endpoint: string;
  about?: SwitchAbout;
  /** Names one of several switches in one run (the self-test). */
  label?: string;
}

export interface SwitchSummaryEntry extends SwitchRun {
  requirements: Record<SwitchRequirementId, RequirementSummary>;
}

export interface SwitchSummary {
  suiteVersion: string;
  startedAt: string;
  calendar: CalendarJson & { name?: string; national?: boolean };
  schemas: SchemaSet;
  /** What was under test: `switch` (runbook 4.5/4.6), never a party in this file. */
  systemUnderTest: 'switch';
  switches: SwitchSummaryEntry[];
  parties: [];
  totals: { passed: number; failed: number; notApplicable: number; notTested: number };
}

const MAX_FAILURE_LINES = 20;

export interface SwitchSummaryEnv {
  suiteVersion: string;
  startedAt: string;
  calendar: CalendarJson & { name?: string; national?: boolean };
  schemas: SchemaSet;
  switches: SwitchRun[];
  /** Why an id no scenario judged is not tested (e.g. `--only`). */
  notRunBecause?: string;
}

const keyOf = (s: { role: SwitchRole; label?: string }): string => `${s.role}\u0000${s.label ?? ''}`;

export function buildSwitchSummary(records: readonly SwitchRecord[], env: SwitchSummaryEnv): SwitchSummary {
  const switches = env.switches.map((run): SwitchSummaryEntry => {
    const own = records.filter((r) => keyOf({ role: r.switchRole, ...(r.label ? { label: r.label } : {}) }) === keyOf(run));
    const requirements = {} as Record<SwitchRequirementId, RequirementSummary>;
    for (const id of SWITCH_REQUIREMENT_IDS) requirements[id] = summaryOf(id, own, env.notRunBecause);
    return { ...run, requirements };
  });
  const verdicts = switches.flatMap((s) => Object.values(s.requirements).map((r) => r.verdict));
  return {
    suiteVersion: env.suiteVersion, startedAt: env.startedAt, calendar: env.calendar, schemas: env.schemas,
    systemUnderTest: 'switch', switches, parties: [],
    totals: {
      passed: verdicts.filter((v) => v === 'passed').length,
      failed: verdicts.filter((v) => v === 'failed').length,
      notApplicable: verdicts.filter((v) => v === 'not-applicable').length,
      notTested: verdicts.filter((v) => v === 'not-tested').length,
    },
  };
}

function summaryOf(id: SwitchRequirementId, records: readonly SwitchRecord[], notRunBecause: string | undefined): RequirementSummary {
  let passed = 0;
  let failing = 0;
  const failures: string[] = [];
  const reasons: string[] = [];
  for (const record of records) {
    const outcome = record.requirements.find((o) => o.id === id);
    if (!outcome) continue;
    if (record.broken || outcome.verdict === 'broken' || outcome.verdict === 'failed') {
      failing += 1;
      failures.push(...(record.broken ? [`broken: ${record.broken}`] : outcome.failures.length ? outcome.failures : ['failed without a failure line (harness defect)']));
    } else if (outcome.verdict === 'passed') passed += 1;
    else if (outcome.reason) reasons.push(outcome.reason);
  }
  const tests = passed + failing;
  if (failing) {
    const unique = [...new Set(failures)];
    const shown = unique.length > MAX_FAILURE_LINES
      ? [...unique.slice(0, MAX_FAILURE_LINES), `… and ${unique.length - MAX_FAILURE_LINES} more; the full list is in switch-records.jsonl`]
      : unique;
    return { verdict: 'failed', tests, failures: shown };
  }
  if (passed) return { verdict: 'passed', tests };
  return { verdict: 'not-tested', tests, reason: reasons.length ? [...new Set(reasons)].join('; ') : notRunBecause ?? 'no scenario of this run verified it' };
}
