/**
 * What one scenario test leaves behind for the summary and the dossier: per requirement id the
 * verdict and, as data, what the judge found. The runner fills it; the summary reporter collects
 * it into records.jsonl. Every text a person reads is made from these fields by one formatter
 * (`outcomeLines`); nothing reads a status, a category or a message id back out of a text.
 */
import type { Role } from '../messages/model.js';
import { findingLine, type Finding } from '../verdicts/finding.js';
import type { RequirementId } from '../verdicts/requirements.js';

import type { BrokenBy, Result } from '../verdicts/result.js';

/** The one result vocabulary (harness/verdicts/result.ts): a `not-tested` verdict always carries its reason. */
export type { BrokenBy, Verdict } from '../verdicts/result.js';

/**
 * The version of the record shape, on every line of records.jsonl. 2: findings as data (1, before
 * it had a number, carried failure lines as text). A reader refuses any other (records-file.ts).
 */
export const RECORDS_FORMAT = 2;

export interface RequirementOutcome {
  id: RequirementId;
  /** `broken`: the test could not judge this requirement (party unreachable, harness error). */
  verdict: Result;
  /** What the judge found (`failed`): requirement, category, expected, happened, message ids. */
  findings: Finding[];
  /** Read before the findings of a failed requirement: why they may not be the party's fault (it never reached the switch). */
  hint?: string;
  /** Why the requirement was not judged: for `not-tested`, and for `broken`. */
  reason?: string;
}

export interface ScenarioRecord {
  format: typeof RECORDS_FORMAT;
  scenarioId: string;
  title: string;
  role: Role;
  identity: string;
  endpoint: string;
  phase: string;
  runbookStep: string;
  requirements: RequirementOutcome[];
  durationMs: number;
  /** The embedded party's variant (the self-test's faulty parties), as the target named it. */
  variant?: string;
  /** Set when the scenario ran on the suite's second calendar (GEN-0.4): that calendar's name. */
  secondCalendar?: string;
  /** Set when the run could not judge at all; every requirement of the record then counts as broken. */
  broken?: string;
  /** Why it is broken, as data (set with `broken`); `broken`'s text is for people. */
  brokenBy?: BrokenBy;
}

/** One line a person reads, and whether it is the hint rather than a finding. */
export interface OutcomeLine { text: string; hint: boolean }

/**
 * The lines of one outcome, the one form summary.json, junit.xml, compare and the progress show:
 * a failed requirement's hint then one line per finding, a broken one's reason.
 */
export function outcomeLines(outcome: RequirementOutcome): OutcomeLine[] {
  if (outcome.verdict === 'broken') return [{ text: `broken: ${outcome.reason ?? 'no reason given'}`, hint: false }];
  if (outcome.verdict !== 'failed') return [];
  if (!outcome.findings.length) return [{ text: 'failed without a failure line (harness defect)', hint: false }];
  return [...(outcome.hint ? [{ text: outcome.hint, hint: true }] : []), ...outcome.findings.map((f) => ({ text: findingLine(f), hint: false }))];
}

/** The first line that is not the hint: what a one-line view (a test pane, compare) shows. */
export const firstFindingLine = (outcome: RequirementOutcome): string | undefined =>
  (outcomeLines(outcome).find((l) => !l.hint) ?? outcomeLines(outcome)[0])?.text;
