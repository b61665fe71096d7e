/**
 * Vitest reporter that writes the record every scenario test left to `<out>/records.jsonl`.
 * It runs in the main process, so it sees tests that crashed too: a test that failed while
 * its record says nothing failed is rewritten as broken, so the summary can never call it passed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestCase } from 'vitest/node';
import { conformanceOut, outFiles } from './out-layout.js';
import { appendRecord } from './records-file.js';
import { recordOf } from './record-store.js';
import type { ScenarioRecord } from './scenario-record.js';

export default class SummaryReporter implements Reporter {
  private readonly recordsPath: string;

  constructor(options: { out?: string } = {}) {
    this.recordsPath = outFiles(options.out ?? conformanceOut()).records;
  }

  /** A run starts a fresh file: records of an earlier run in the same out dir would be stale. */
  onTestRunStart(): void {
    mkdirSync(dirname(this.recordsPath), { recursive: true });
    writeFileSync(this.recordsPath, '', 'utf8');
  }

  onTestCaseResult(testCase: TestCase): void {
    const record = recordOf(testCase);
    if (!record) return;
    const result = testCase.result();
    if (result.state === 'skipped' || result.state === 'pending') return;
    const firstError = result.state === 'failed' ? result.errors[0]?.message ?? 'no error message' : undefined;
    appendRecord(this.recordsPath, reconcile(record, firstError));
  }
}

/** Keep the record honest with the test's own outcome (`testError` set when the test failed). */
export function reconcile(record: ScenarioRecord, testError: string | undefined): ScenarioRecord {
  if (testError === undefined || record.broken) return record;
  const judgedFailure = record.requirements.some((r) => r.verdict === 'failed' || r.verdict === 'broken');
  if (judgedFailure) return record;
  const firstLine = testError.split('\n')[0] ?? testError;
  return { ...record, brokenBy: 'harness', broken: `[harness] the test failed outside its requirement checks: ${firstLine}` };
}
