import { describe, expect, it } from 'vitest';
import { judge } from './judge.js';
import type { RequirementId } from './requirements.js';
import { CAL, LedgerBuilder, event, heenFor, toekenning } from '../../fixtures/verdicts/ledger-observations.js';

const beforeT0 = CAL.heenStop.minus({ minutes: 30 });

describe('judge', () => {
  it('reaches the checks of every phase and answers in the order asked', () => {
    // One id of each check table (afsluiting, transitie, ingebruikname, TR507, algemeen).
    const ids: RequirementId[] = ['GEN-0.1', 'ING-3.5', 'ING-3.1', 'TRA-2.1', 'AFS-1.1'];
    expect(judge(ids, new LedgerBuilder().observations()).map((j) => [j.id, j.verdict])).toEqual(ids.map((id) => [id, 'passed']));
    const reversed: RequirementId[] = ['AFS-1.2', 'AFS-1.1'];
    expect(judge(reversed, new LedgerBuilder().observations()).map((j) => j.id)).toEqual(reversed);
  });

  it('refuses an id without a check, saying where to add one', () => {
    expect(() => judge(['XYZ-9.9' as RequirementId], new LedgerBuilder().observations()))
      .toThrow('No check for XYZ-9.9: every requirement id of cutover.md needs one in harness/verdicts/checks/. Fix: add it to a CheckTable there.');
  });

  it('fails a requirement its check finds something against, with those findings, and passes the others', () => {
    const obs = new LedgerBuilder().observations([event('i-1', toekenning(1), beforeT0)]);
    const [afs11, afs12] = judge(['AFS-1.1', 'AFS-1.2'], obs);
    expect(afs11).toMatchObject({ id: 'AFS-1.1', verdict: 'failed' });
    expect(afs11!.findings).toHaveLength(1);
    expect(afs11!.findings[0]).toMatchObject({ requirement: 'AFS-1.1', category: 'lost', messageIds: ['event i-1'] });
    expect(afs12).toEqual({ id: 'AFS-1.2', verdict: 'passed', findings: [] });
  });

  it("judges the ledger's traffic: a heen accepted before the heen stop meets AFS-1.1", () => {
    const intent = toekenning(1);
    const ledger = new LedgerBuilder();
    ledger.submit(heenFor(intent, 'G1'), beforeT0.plus({ minutes: 1 }));
    const [afs11] = judge(['AFS-1.1'], ledger.observations([event('i-1', intent, beforeT0)]));
    expect(afs11).toEqual({ id: 'AFS-1.1', verdict: 'passed', findings: [] });
  });
});
