/**
 * The record travels from the test (worker process) to the reporter (main process) on the
 * vitest task's `meta`, which vitest serialises with the task result. Nothing else is shared.
 */
import type { TaskMeta } from 'vitest';
import type { ScenarioRecord } from './scenario-record.js';

declare module 'vitest' {
  interface TaskMeta {
    conformance?: ScenarioRecord;
  }
}

/** Anything with vitest's task meta: the `task` of a test context. */
export interface HasTaskMeta { meta: TaskMeta }

/** Call from inside the running test, before it passes or throws. */
export function storeRecord(task: HasTaskMeta, record: ScenarioRecord): void {
  task.meta.conformance = record;
}

/** The record a finished test left, if it is a scenario test. */
export function recordOf(testCase: { meta(): TaskMeta }): ScenarioRecord | undefined {
  return testCase.meta().conformance;
}
