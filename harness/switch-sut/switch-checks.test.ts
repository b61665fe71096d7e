import { describe, expect, it } from 'vitest';
import { judgeSwitch } from './switch-checks.js';
import type { DeliveryAttempt } from './party-mailboxes.js';
import type { SubmissionObservation, SwitchObservations } from './switch-observations.js';

const AT = '2026-03-30T06:59:59.999Z';

function submission(over: Partial<SubmissionObservation> = {}): SubmissionObservation {
  return {
    submission: { as: '0363', addressee: 'SVB', name: 'WMO501', release: '2.0.2', identificatie: 'SW00000001', label: 'WMO501 2.0.2 SW00000001 from 0363 to SVB' },
    at: AT, hash: 'h1', requirement: 'SW-1.1', due: { status: 202, code: null },
    got: { status: 202, code: null, excerpt: '{}', shaped: true }, ...over,
  };
}
const delivery = (over: Partial<DeliveryAttempt> = {}): DeliveryAttempt => ({ identity: 'SVB', at: AT, answered: 202, hash: 'h1', bytes: 100, ...over });
const obs = (submissions: SubmissionObservation[], deliveries: DeliveryAttempt[]): SwitchObservations => ({ zone: 'Europe/Amsterdam', submissions, deliveries });
const verdictOf = (o: SwitchObservations, id: 'SW-1.1' | 'SW-3.1' | 'SW-1.2') => judgeSwitch([id], o)[0]!;

describe('switch checks', () => {
  it('passes an answer as due and one delivery to the addressee at the moment of acceptance', () => {
    const o = obs([submission()], [delivery()]);
    expect(verdictOf(o, 'SW-1.1').verdict).toBe('passed');
    expect(verdictOf(o, 'SW-3.1').verdict).toBe('passed');
  });

  it('fails a wrong status, and a right status with the wrong IB code, naming the moment and the message', () => {
    const wrongStatus = verdictOf(obs([submission({ requirement: 'SW-1.2', due: { status: 503, code: 'IB103' } })], [delivery()]), 'SW-1.2');
    expect(wrongStatus.verdict).toBe('failed');
    expect(wrongStatus.findings[0]?.expected).toContain('Mon 2026-03-30 08:59:59.999 Europe/Amsterdam');
    expect(wrongStatus.findings[0]?.expected).toContain('(06:59:59.999Z)');
    expect(wrongStatus.findings[0]?.messageIds).toEqual(['SW00000001']);
    const wrongCode = verdictOf(obs([submission({ requirement: 'SW-1.2', due: { status: 422, code: 'IB004' }, got: { status: 422, code: 'IB005', excerpt: '', shaped: true } })], []), 'SW-1.2');
    expect(wrongCode.verdict).toBe('failed');
    const bare = verdictOf(obs([submission({ got: { status: 202, code: null, excerpt: '(empty body)', shaped: false } })], [delivery()]), 'SW-1.1');
    expect(bare.findings[0]?.happened).toContain('without the body the protocol gives that status');
  });

  it('fails a lost, a duplicated, a misrouted, a late and a refused-but-delivered message', () => {
    const lost = verdictOf(obs([submission()], [delivery({ answered: 503 })]), 'SW-3.1');
    expect(lost.findings.map((f) => f.category)).toEqual(['lost']);
    expect(lost.findings[0]?.happened).toContain('1 attempt(s) failed');
    expect(verdictOf(obs([submission()], [delivery(), delivery()]), 'SW-3.1').findings.map((f) => f.category)).toEqual(['duplicate']);
    expect(verdictOf(obs([submission()], [delivery({ identity: '0599' })]), 'SW-3.1').findings.map((f) => f.category)).toEqual(['misrouted', 'lost']);
    expect(verdictOf(obs([submission()], [delivery({ at: '2026-03-30T07:00:00.000Z' })]), 'SW-3.1').findings.map((f) => f.category)).toEqual(['late']);
    const refused = submission({ due: { status: 503, code: 'IB103' }, got: { status: 503, code: 'IB103', excerpt: '', shaped: true } });
    expect(verdictOf(obs([refused], [delivery()]), 'SW-3.1').findings.map((f) => f.category)).toEqual(['misrouted']);
    expect(verdictOf(obs([submission()], [delivery(), delivery({ hash: 'other' })]), 'SW-3.1').findings.map((f) => f.category)).toEqual(['duplicate']);
  });

  it('leaves an id no submission fell under not tested, with the reason', () => {
    const judged = verdictOf(obs([submission()], [delivery()]), 'SW-1.2');
    expect(judged.verdict).toBe('not-tested');
    expect(judged.reason).toContain('SW-1.2');
  });
});
