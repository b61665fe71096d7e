/**
 * One terminal line per scenario as it finishes: party, requirement ids, verdict, time, title.
 * A vendor watching CI sees where its party stands without opening the report. A scenario the
 * party refused with 401 ends the run at once: every other scenario would be refused the same way.
 */
import type { Reporter, TestCase, Vitest } from 'vitest/node';
import { recordOf } from '../evidence/record-store.js';
import { UNAUTHORIZED_LINE } from '../sut/control-client.js';
import { NOT_APPLICABLE_MARK, progressLines } from './progress-lines.js';

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
      if (result.state === 'skipped') process.stdout.write(`${NOT_APPLICABLE_MARK} ${testCase.fullName}\n`);
      return;
    }
    if (record.brokenBy === 'unauthorized') {
      this.cancelledBecause = UNAUTHORIZED_LINE;
      void this.vitest?.cancelCurrentRun('test-failure');
      return;
    }
    process.stdout.write(`${progressLines(record).join('\n')}\n`);
  }
}
