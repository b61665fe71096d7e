/**
 * Vitest reporter for switch runs: writes each switch scenario's record to
 * `<out>/switch-records.jsonl` as tests finish. A test that failed while its record says nothing
 * failed is rewritten as broken, so no SW requirement can pass unjudged.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, TestCase } from 'vitest/node';
import { conformanceOut } from '../evidence/out-layout.js';
import { switchRecordOf, type SwitchRecord } from './switch-record.js';

export const switchRecordsPath = (out: string): string => join(out, 'switch-records.jsonl');

export default class SwitchRecordsReporter implements Reporter {
  private readonly path: string;

  constructor(options: { out?: string } = {}) {
    this.path = switchRecordsPath(options.out ?? conformanceOut());
  }

  onTestRunStart(): void {
    mkdirSync(join(this.path, '..'), { recursive: true });
    writeFileSync(this.path, '', 'utf8');
  }

  onTestCaseResult(testCase: TestCase): void {
    const record = switchRecordOf(testCase);
    const result = testCase.result();
    if (!record || result.state === 'skipped' || result.state === 'pending') return;
    const failedOutside = result.state === 'failed' && !record.broken && !record.requirements.some((r) => r.verdict === 'failed' || r.verdict === 'broken');
    const kept = failedOutside ? { ...record, broken: `[harness] the test failed outside its requirement checks: ${(result.errors[0]?.message ?? '').split('\n')[0]}` } : record;
    appendFileSync(this.path, `${JSON.stringify(kept)}\n`, 'utf8');
  }
}

export function readSwitchRecords(out: string): SwitchRecord[] {
  return readFileSync(switchRecordsPath(out), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as SwitchRecord);
}
