import { describe, expect, it } from 'vitest';
import { requirementIds } from '../verdicts/requirements.js';
import { buildSummary } from './summary.js';
import { reconcile } from './summary-reporter.js';
import { ENV, found, outcome, rec } from '../../fixtures/evidence/test-records.js';

describe('buildSummary', () => {
  it('lists every requirement id of cutover.md for every party, in catalogue order', () => {
    const s = buildSummary([], ENV);
    expect(s.parties.map((p) => `${p.role} ${p.identity}`)).toEqual(['gemeente 0363', 'svb SVB']);
    for (const p of s.parties) expect(Object.keys(p.requirements)).toEqual([...requirementIds()]);
    // ING-3.5 is the only id a budget provider has and the SVB has not.
    expect(s.totals).toEqual({ passed: 0, failed: 0, notApplicable: 1, notTested: 2 * requirementIds().length - 1 });
    expect(s.parties[1]!.requirements['ING-3.5']).toEqual({ verdict: 'not-applicable', tests: 0, reason: 'the svb has no such duty' });
  });

  it('carries the calendar\'s name and whether it is national, the operator, and each party\'s about and start', () => {
    const s = buildSummary([], {
      ...ENV, operator: 'CI job 17', calendar: { name: 'rehearsal-kto', national: false, ...ENV.calendar },
      parties: [{ role: 'gemeente', identity: '0363', endpoint: 'http://127.0.0.1:1', about: { vendor: 'Acme', product: 'Pgb', version: '4.2' }, startedAt: '2026-11-30T09:00:00Z' }],
    });
    expect(s.calendar).toMatchObject({ name: 'rehearsal-kto', national: false });
    expect(s.operator).toBe('CI job 17');
    expect(s.parties[0]).toMatchObject({ about: { vendor: 'Acme', product: 'Pgb', version: '4.2' }, startedAt: '2026-11-30T09:00:00Z' });
    expect('operator' in buildSummary([], ENV)).toBe(false);
  });

  it('passes an id only when a test passed it and none failed it', () => {
    const s = buildSummary([
      rec('a', 'gemeente', '0363', [outcome('AFS-1.1', 'passed'), outcome('AFS-1.2', 'passed')]),
      rec('b', 'gemeente', '0363', [outcome('AFS-1.1', 'passed'), outcome('AFS-1.2', 'failed', [found('AFS-1.2', 'timing', 'heen at 09:00:00', 'seen')])]),
    ], ENV);
    const g = s.parties[0]!.requirements;
    expect(g['AFS-1.1']).toEqual({ verdict: 'passed', tests: 2 });
    expect(g['AFS-1.2']).toEqual({ verdict: 'failed', tests: 2, failures: ['[timing] expected heen at 09:00:00; seen'] });
    expect(g['AFS-1.3']).toEqual({ verdict: 'not-tested', tests: 0, reason: 'no scenario of this run verified it' });
  });

  it('makes an id of a broken test not-tested with the reason, never passed, while a failure elsewhere still fails it', () => {
    const s = buildSummary([
      rec('a', 'gemeente', '0363', [outcome('TRA-2.1', 'passed'), outcome('AFS-1.1', 'passed')], '[deadline] the scenario did not finish within 70 s'),
      rec('b', 'gemeente', '0363', [outcome('TRA-2.2', 'broken', [], '[harness] ledger missing')]),
      rec('c', 'gemeente', '0363', [outcome('TRA-2.1', 'passed'), outcome('TRA-2.2', 'passed')]),
      rec('d', 'gemeente', '0363', [outcome('AFS-1.1', 'failed', [found('AFS-1.1', 'lost', 'G1', 'seen')])]),
    ], ENV);
    const g = s.parties[0]!.requirements;
    expect(g['TRA-2.1']).toEqual({ verdict: 'not-tested', tests: 2, reason: 'a scenario verifying it could not be judged: [deadline] the scenario did not finish within 70 s' });
    expect(g['TRA-2.2']).toEqual({ verdict: 'not-tested', tests: 2, reason: 'a scenario verifying it could not be judged: [harness] ledger missing' });
    expect(g['AFS-1.1']).toEqual({ verdict: 'failed', tests: 2, failures: ['[lost] expected G1; seen'] });
  });

  it('lists a failed requirement\'s hint before its findings, each from its fields; a broken one gives its reason, no prefix to strip', () => {
    const hinted = { ...outcome('AFS-1.1', 'failed', [found('AFS-1.1', 'lost', 'x', 'y', ['G1', 'G1', 'G2'])]), hint: 'hint: the party made no attempt' };
    const s = buildSummary([rec('a', 'gemeente', '0363', [hinted]), rec('b', 'gemeente', '0363', [outcome('AFS-1.2', 'broken', [], 'broken: by its own words')])], ENV);
    expect(s.parties[0]!.requirements['AFS-1.1']!.failures).toEqual(['hint: the party made no attempt', '[lost] expected x; y [G1, G2]']);
    expect(s.parties[0]!.requirements['AFS-1.2']).toEqual({ verdict: 'not-tested', tests: 1, reason: 'a scenario verifying it could not be judged: broken: by its own words' });
  });

  it('lists failures in one order whatever order the tests finished in', () => {
    const records = [
      rec('s2', 'gemeente', '0363', [outcome('GEN-0.2', 'failed', [found('GEN-0.2', 'duplicate', 'B', 'seen')])]),
      rec('s1', 'gemeente', '0363', [outcome('GEN-0.2', 'failed', [found('GEN-0.2', 'duplicate', 'A', 'seen')])]),
      rec('s3', 'gemeente', '0363', [outcome('GEN-0.2', 'failed', [found('GEN-0.2', 'lost', 'C', 'seen')])]),
    ];
    const failures = (rs: typeof records) => buildSummary(rs, ENV).parties[0]!.requirements['GEN-0.2']!.failures;
    expect(failures(records)).toEqual(['[duplicate] expected A; seen', '[duplicate] expected B; seen', '[lost] expected C; seen']);
    expect(failures([...records].reverse())).toEqual(failures(records));
  });

  it('says whether the run is complete, and why not', () => {
    expect(buildSummary([], ENV)).toMatchObject({ complete: true });
    expect(buildSummary([], ENV)).not.toHaveProperty('reason');
    expect(buildSummary([], ENV, { complete: false, reason: 'interrupted by SIGINT' })).toMatchObject({ complete: false, reason: 'interrupted by SIGINT' });
  });

  it('makes an id that does not apply to the role not-applicable, one nobody judged not-tested, and keeps parties apart', () => {
    const s = buildSummary([
      rec('a', 'svb', 'SVB', [outcome('ING-3.5', 'passed'), outcome('AFS-1.1', 'failed', [found('AFS-1.1', 'lost', 'G1', 'seen')])]),
      rec('b', 'gemeente', '0363', [outcome('ING-3.5', 'passed'), outcome('TRA-2.3', 'not-tested', [], 'the party offers no restart')]),
    ], ENV);
    const [gemeente, svb] = s.parties;
    expect(svb!.requirements['ING-3.5']!.verdict).toBe('not-applicable');
    expect(svb!.requirements['AFS-1.1']!.verdict).toBe('failed');
    expect(gemeente!.requirements['ING-3.5']!.verdict).toBe('passed');
    expect(gemeente!.requirements['AFS-1.1']!.verdict).toBe('not-tested');
    expect(gemeente!.requirements['TRA-2.3']).toEqual({ verdict: 'not-tested', tests: 0, reason: 'the party offers no restart' });
    expect(svb).toMatchObject({ image: 'svb/party:1.2', digest: 'sha256:feed' });
  });

  it('makes a duty the profile does not have not-applicable for every role, with the profile\'s reason, and keeps it through a rebuild', () => {
    const profile = { name: 'synthetic-9.0-9.1', title: 't', synthetic: true, from: '9.0.1', to: '9.1', sha256: '0'.repeat(64),
      dutiesAbsent: { 'ING-3.4': { reason: 'no late 9.0.1 retour passes', redenNl: 'geen late 9.0.1-retourberichten' } } };
    const records = [rec('a', 'gemeente', '0363', [outcome('ING-3.4', 'passed'), outcome('ING-3.3', 'passed')])];
    const s = buildSummary(records, { ...ENV, profile });
    for (const p of s.parties) expect(p.requirements['ING-3.4'], p.role).toEqual({ verdict: 'not-applicable', tests: p.role === 'gemeente' ? 1 : 0, reason: 'no late 9.0.1 retour passes' });
    expect(s.parties[0]!.requirements['ING-3.3']!.verdict).toBe('passed');
    expect(s.totals.notApplicable).toBe(3);
    // merge-runs rebuilds from summary.json: the profile, and so the reason, comes along.
    expect(buildSummary(records, { ...s, parties: s.parties }).parties[1]!.requirements['ING-3.4']!.reason).toBe('no late 9.0.1 retour passes');
  });

  it('adds a party that only the records name, and totals over all parties', () => {
    const s = buildSummary([rec('a', 'zorgkantoor', '5501', [outcome('GEN-0.2', 'failed', [found('GEN-0.2', 'duplicate', 'twice', 'seen'), found('GEN-0.2', 'duplicate', 'twice', 'seen')])])], ENV);
    expect(s.parties.map((p) => p.identity)).toEqual(['0363', 'SVB', '5501']);
    expect(s.parties[2]!.requirements['GEN-0.2']!.failures).toEqual(['[duplicate] expected twice; seen']);
    expect(s.totals).toEqual({ passed: 0, failed: 1, notApplicable: 1, notTested: 3 * requirementIds().length - 2 });
  });
});

describe('reconcile', () => {
  const clean = rec('a', 'gemeente', '0363', [outcome('AFS-1.1', 'passed')]);
  it('marks a failed test whose record shows no failure as broken', () => {
    expect(reconcile(clean, 'TypeError: x is undefined\n  at y').broken).toBe('[harness] the test failed outside its requirement checks: TypeError: x is undefined');
  });
  it('leaves a passed test and an honestly failed record alone', () => {
    expect(reconcile(clean, undefined)).toBe(clean);
    const failed = rec('b', 'gemeente', '0363', [outcome('AFS-1.1', 'failed', [found('AFS-1.1', 'lost', 'G1', 'seen')])]);
    expect(reconcile(failed, '1 finding(s)')).toBe(failed);
  });
});
