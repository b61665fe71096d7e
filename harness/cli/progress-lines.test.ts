import { describe, expect, it } from 'vitest';
import { RECORDS_FORMAT, type RequirementOutcome, type ScenarioRecord } from '../evidence/scenario-record.js';
import { progressLines } from './progress-lines.js';

const record = (requirements: RequirementOutcome[], extra: Partial<ScenarioRecord> = {}): ScenarioRecord => ({
  format: RECORDS_FORMAT, scenarioId: 's', title: 'Een scenario', role: 'gemeente', identity: '0363', endpoint: 'http://127.0.0.1:1',
  phase: 'Afsluiting', runbookStep: '1.1', requirements, durationMs: 1234, ...extra,
});
const passed = (id: RequirementOutcome['id']): RequirementOutcome => ({ id, verdict: 'passed', findings: [] });
const notTested = (id: RequirementOutcome['id'], reason: string): RequirementOutcome => ({ id, verdict: 'not-tested', findings: [], reason });

describe('the progress line of a scenario', () => {
  it('marks a scenario passed only when something was judged and nothing failed', () => {
    expect(progressLines(record([passed('AFS-1.1'), passed('GEN-0.2')]))).toEqual([
      `✔ passed     ${'gemeente 0363'.padEnd(17)} ${'AFS-1.1,GEN-0.2'.padEnd(40)}   1.2 s  Een scenario`,
    ]);
  });

  it('marks a scenario none of whose requirements was judged as not tested, with the reason', () => {
    const reason = 'the calendar leaves no room for this scenario\'s steps before T0';
    const lines = progressLines(record([notTested('AFS-1.1', reason), notTested('GEN-0.2', reason)]));
    expect(lines[0]).toMatch(/^\? not-tested gemeente 0363 +AFS-1\.1\?,GEN-0\.2\? /);
    expect(lines.slice(1)).toEqual([`    not tested: ${reason}`]);
  });

  it('keeps a scenario with one judged requirement passed, its not-tested ids marked', () => {
    expect(progressLines(record([passed('AFS-1.1'), notTested('TRA-2.3', 'the party cannot be restarted')]))[0]).toMatch(/^✔ passed +gemeente 0363 +AFS-1\.1,TRA-2\.3\? /);
  });

  it('shows a failure before anything not tested, at most three lines per requirement', () => {
    const finding = { requirement: 'AFS-1.1' as const, category: 'lost' as const, expected: 'x accepted', happened: 'it was not', messageIds: ['G1'] };
    const lines = progressLines(record([{ id: 'AFS-1.1', verdict: 'failed', findings: [finding, finding, finding, finding] }, notTested('TRA-2.3', 'r')]));
    expect(lines[0]).toMatch(/^✘ failed +gemeente 0363 +AFS-1\.1✘,TRA-2\.3\? /);
    expect(lines).toHaveLength(4);
  });

  it('bounds a long reason', () => {
    const lines = progressLines(record([notTested('AFS-1.1', 'x'.repeat(5_000))]));
    expect(lines[1]!.length).toBeLessThan(330);
  });
});
