/**
 * One terminal line per scenario as it finishes: party, requirement ids, verdict, time, title.
 * A vendor watching CI sees where its party stands without opening the report. A scenario the
 * party refused with 401 ends the run at once: every other scenario would be refused the same way.
 */
import type { Reporter, TestCase, Vitest } from 'vitest/node';
import { recordOf } from '../evidence/record-store.js';
import { outcomeLines } from '../evidence/scenario-record.js';
import { UNAUTHORIZED_LINE } from '../sut/control-client.js';

const MARK = { passed: '✔', failed: '✘', broken: '!', 'not-applicable': '–' } as const;

export default class ProgressReporter implements Reporter {
  /** Set when the reporter ended the run early, with why. */
  cancelledBecause: string | undefined;
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.result();
    const record = recordOf(testCase);
    if (this.cancelledBecause) return;
    if (!record) {
      if (result.state === 'skipped') process.stdout.write(`${MARK['not-applicable']} ${testCase.fullName}\n`);
      return;
    }
    if (record.brokenBy === 'unauthorized') {
      this.cancelledBecause = UNAUTHORIZED_LINE;
      void this.vitest?.cancelCurrentRun('test-failure');
      return;
    }
    const verdict = record.broken ? 'broken'
      : record.requirements.some((r) => r.verdict === 'failed' || r.verdict === 'broken') ? 'failed' : 'passed';
    // A not-tested id (a live rehearsal records those it cannot observe) is marked, never shown as passed.
    const ids = record.requirements.map((r) => (r.verdict === 'failed' ? `${r.id}✘` : r.verdict === 'not-tested' ? `${r.id}?` : r.id)).join(',');
    const seconds = (record.durationMs / 1000).toFixed(1);
    process.stdout.write(`${MARK[verdict]} ${verdict.padEnd(6)} ${`${record.role} ${record.identity}`.padEnd(17)} ${ids.padEnd(40)} ${seconds.padStart(5)} s  ${record.title}\n`);
    if (record.broken) {
      process.stdout.write(`    ${record.broken}\n`);
      return;
    }
    for (const r of record.requirements) for (const f of outcomeLines(r).slice(0, 3)) process.stdout.write(`    ${r.id} ${f.text}\n`);
  }
}
