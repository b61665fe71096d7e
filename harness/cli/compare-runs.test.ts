import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { found, outcome, rec } from '../../fixtures/evidence/test-records.js';
import { compareRecords, readRun } from './compare-runs.js';

const dir = mkdtempSync(join(tmpdir(), 'compare-runs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compare', () => {
  it('names each new failure with its first finding, told from the hint by its field', () => {
    const older = [rec('a', 'gemeente', '0363', [outcome('AFS-1.1', 'passed')])];
    const newer = [rec('a', 'gemeente', '0363', [{ ...outcome('AFS-1.1', 'failed', [found('AFS-1.1', 'lost', 'hint: not the hint', 'gone', ['G1'])]), hint: 'hint: the party never reached the switch' }])];
    expect(compareRecords(older, newer).newFailures).toEqual([
      { party: 'gemeente 0363', scenarioId: 'a', requirement: 'AFS-1.1', line: '[lost] expected hint: not the hint; gone [G1]' },
    ]);
    expect(compareRecords(newer, older).fixed).toHaveLength(1);
  });

  it('compares a run of an earlier suite (records format 1) by its verdicts, showing none of its text', () => {
    writeFileSync(join(dir, 'records.jsonl'), `${JSON.stringify({
      scenarioId: 'a', title: 't', role: 'gemeente', identity: '0363', endpoint: 'x', phase: 'Afsluiting', runbookStep: '1.1', durationMs: 1,
      requirements: [{ id: 'AFS-1.1', verdict: 'failed', failures: ['[lost] old words'] }, { id: 'AFS-1.2', verdict: 'passed', failures: [] }],
    })}\n`);
    const older = readRun(dir);
    const newer = [rec('a', 'gemeente', '0363', [outcome('AFS-1.1', 'passed'), outcome('AFS-1.2', 'failed', [found('AFS-1.2', 'timing', 'none after T0', 'one at T0', ['G2'])])])];
    const c = compareRecords(older, newer);
    expect(c.fixed).toEqual([{ party: 'gemeente 0363', scenarioId: 'a', requirement: 'AFS-1.1', line: '' }]);
    expect(c.newFailures.map((t) => [t.requirement, t.line])).toEqual([['AFS-1.2', '[timing] expected none after T0; one at T0 [G2]']]);
    expect(compareRecords(newer, older).unchanged).toEqual([]);
    expect(compareRecords(newer, older).newFailures).toEqual([{ party: 'gemeente 0363', scenarioId: 'a', requirement: 'AFS-1.1', line: '' }]);
  });
});
