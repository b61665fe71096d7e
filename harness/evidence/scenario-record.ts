/**
 * What one scenario test leaves behind for the summary and the dossier: per requirement id the
 * verdict and its failure lines. The runner fills it; the summary reporter collects it.
 */
import type { Role } from '../messages/model.js';
import type { RequirementId } from '../verdicts/requirements.js';

import type { BrokenBy, Result } from '../verdicts/result.js';

/** The one result vocabulary (harness/verdicts/result.ts): a `not-tested` verdict always carries its reason. */
export type { BrokenBy, Verdict } from '../verdicts/result.js';

export interface RequirementOutcome {
  id: RequirementId;
  /** `broken`: the test could not judge this requirement (party unreachable, harness error). */
  verdict: Result;
  /** One line each, carrying a category word such as `[timing]`. */
  failures: string[];
  /** Why the requirement was not judged, for `not-tested`. */
  reason?: string;
}

export interface ScenarioRecord {
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
