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

  private readonly progress: boolean;

  /** `progress`: one terminal line per scenario as it finishes (the conformance command). */
  constructor(options: { out?: string; progress?: boolean } = {}) {
    this.path = switchRecordsPath(options.out ?? conformanceOut());
    this.progress = options.progress ?? false;
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
    const kept = failedOutside ? { ...record, brokenBy: 'harness' as const, broken: `[harness] the test failed outside its requirement checks: ${(result.errors[0]?.message ?? '').split('\n')[0]}` } : record;
    appendFileSync(this.path, `${JSON.stringify(kept)}\n`, 'utf8');
    if (this.progress) process.stdout.write(progressLine(kept));
  }
}

export function readSwitchRecords(out: string): SwitchRecord[] {
  return readFileSync(switchRecordsPath(out), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as SwitchRecord);
}

function progressLine(r: SwitchRecord): string {
  const failed = r.broken !== undefined || r.requirements.some((q) => q.verdict === 'failed' || q.verdict === 'broken');
  const verdict = r.broken ? '! broken' : failed ? '✘ failed' : '✔ passed';
  const ids = r.requirements.map((q) => (q.verdict === 'failed' ? `${q.id}✘` : q.id)).join(',');
  const lines = [`${verdict} ${`${r.switchRole}${r.label ? ` ${r.label}` : ''}`.padEnd(8)} ${ids.padEnd(40)} ${(r.durationMs / 1000).toFixed(1).padStart(5)} s  ${r.title}`];
  if (r.broken) lines.push(`    ${r.broken.slice(0, 300)}`);
  for (const q of r.requirements) for (const f of q.failures.slice(0, 3)) lines.push(`    ${q.id} ${f.slice(0, 300)}`);
  return `${lines.join('\n')}\n`;
}
