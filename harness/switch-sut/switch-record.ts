/**
 * What one switch scenario test leaves for the summary and the dossier, in the result vocabulary
 * of evidence/scenario-record.ts. It travels from the worker to the reporter on the task's meta,
 * beside (never instead of) a party scenario's record.
 */
import type { TaskMeta } from 'vitest';
import type { BrokenBy, Result } from '../verdicts/result.js';
import type { SwitchRole } from './switch-protocol.js';
import type { SwitchRequirementId } from './switch-requirements.js';

export interface SwitchOutcome {
  id: SwitchRequirementId;
  verdict: Exclude<Result, 'not-applicable'>;
  failures: string[];
  reason?: string;
}

export interface SwitchRecord {
  scenarioId: string;
  title: string;
  switchRole: SwitchRole;
  endpoint: string;
  label?: string;
  runbookStep: string;
  requirements: SwitchOutcome[];
  durationMs: number;
  broken?: string;
  /** Why it is broken, as data (set with `broken`). */
  brokenBy?: BrokenBy;
}

declare module 'vitest' {
  interface TaskMeta {
    switchConformance?: SwitchRecord;
  }
}

export function storeSwitchRecord(task: { meta: TaskMeta }, record: SwitchRecord): void {
  task.meta.switchConformance = record;
}

export function switchRecordOf(testCase: { meta(): TaskMeta }): SwitchRecord | undefined {
  return testCase.meta().switchConformance;
}
