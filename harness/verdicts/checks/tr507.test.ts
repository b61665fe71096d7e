/** ING-3.5 (TR507) on hand-made observations: a follow-up 501 waits for the previous retour. */
import { describe, expect, it } from 'vitest';
import { tr507Checks, mayGoFrom } from './tr507.js';
import { observedTraffic } from '../traffic.js';
import type { DateTime } from 'luxon';
import { ObservationsBuilder, T0, T2, afsluiting, ms, ownHeen, retour, toekenning, verdictOf } from './checks-fixture.js';
import { afsluitingChecks } from './afsluiting.js';
import { algemeenChecks } from './algemeen.js';

const HOUR = 3_600_000;
const FIRST = toekenning(1);
const FOLLOW = toekenning(1, undefined, 300_000);

/** A first 501 at T0-3h and its follow-up at T0-150m; the retour and the follow-up come as told. */
/**
 * `sameMoment`: the follow-up goes at the retour's moment `inside` its delivery (after the party
 * had the body, before its 202) or `before` the delivery went out.
 */
function scene(opts: { retourAt?: DateTime; retourStatus?: number; followAt?: DateTime; end?: DateTime; sameMoment?: 'inside' | 'before' }) {
  const b = new ObservationsBuilder();
  b.event(FIRST, ms(T0, -3 * HOUR));
  b.event(FOLLOW, ms(T0, -150 * 60_000));
  const heen = ownHeen(FIRST, 'G0363000001', ms(T0, -3 * HOUR));
  const first = b.submit(ms(T0, -3 * HOUR), heen);
  // Ledger order decides "before" and "after" when both happen at one moment.
  let sentAfter: number | undefined;
  const deliver = () => { if (opts.retourAt) b.deliver(opts.retourAt, retour(heen, 'C0000000001', opts.retourAt), opts.retourStatus ?? 202, sentAfter === undefined ? {} : { sentAfter }); };
  const follow = () => { if (opts.followAt) return b.submit(opts.followAt, ownHeen(FOLLOW, 'G0363000002', opts.followAt)); };
  if (opts.sameMoment === 'inside') { sentAfter = first.seq; follow(); deliver(); }
  else if (opts.sameMoment === 'before') { sentAfter = follow()?.seq; deliver(); }
  else if (opts.followAt && opts.retourAt && opts.followAt < opts.retourAt) { follow(); deliver(); } else { deliver(); follow(); }
  b.visit(opts.end ?? ms(T2, HOUR));
  const obs = b.build();
  return { obs, traffic: observedTraffic(obs), result: tr507Checks['ING-3.5']!(obs, observedTraffic(obs)) };
}

describe('ING-3.5: a follow-up 501 waits for the retour on the previous one', () => {
  it.each([
    ['sent after the retour arrived', { retourAt: ms(T0, -2 * HOUR), followAt: ms(T0, -2 * HOUR) }, 'passed', []],
    ['sent after a late retour, across the cutover', { retourAt: ms(T2, 30 * 60_000), followAt: ms(T2, 30 * 60_000) }, 'passed', []],
    ['sent 1 ms before the retour arrived', { retourAt: ms(T0, -2 * HOUR), followAt: ms(T0, -2 * HOUR - 1) }, 'failed', ['timing']],
    ['sent inside the retour\'s delivery, before answering it 202', { retourAt: ms(T0, -2 * HOUR), followAt: ms(T0, -2 * HOUR), sameMoment: 'inside' }, 'passed', []],
    ['sent at the retour\'s moment, before its delivery went out', { retourAt: ms(T0, -2 * HOUR), followAt: ms(T0, -2 * HOUR), sameMoment: 'before' }, 'failed', ['timing']],
    ['sent though the retour never came', { followAt: ms(T0, -2 * HOUR) }, 'failed', ['timing']],
    ['never sent, though the retour came', { retourAt: ms(T0, -2 * HOUR) }, 'failed', ['lost']],
    ['never sent after a retour the party refused', { retourAt: ms(T2, 30 * 60_000), retourStatus: 400 }, 'failed', ['lost']],
    ['not sent while the retour never came', {}, 'not-tested', []],
    ['not sent: the retour came after T0, the scenario ended before T2', { retourAt: ms(T0, HOUR), end: ms(T2, -1) }, 'not-tested', []],
  ] as const)('%s', (_label, opts, verdict, categories) => {
    expect(verdictOf(scene(opts).result)).toEqual({ verdict, categories });
  });
  it('names the previous heen and the follow-up', () => {
    expect(scene({ followAt: ms(T0, -2 * HOUR) }).result.findings[0]?.messageIds).toEqual(['G0363000001', 'G0363000002']);
  });
  it('knows from when a heen may go: its creation, or the retour on its predecessor', () => {
    const { traffic } = scene({ retourAt: ms(T0, -2 * HOUR) });
    expect(traffic.trails.map((t) => mayGoFrom(t, traffic)?.toMillis())).toEqual([ms(T0, -3 * HOUR).toMillis(), ms(T0, -2 * HOUR).toMillis()]);
    const none = scene({});
    expect(none.traffic.trails.map((t) => mayGoFrom(t, none.traffic)?.toMillis())).toEqual([ms(T0, -3 * HOUR).toMillis(), undefined]);
  });
});

describe('ING-3.5 findings say what was expected by when, what happened, which messages', () => {
  it.each([
    ['sent before the retour arrived', { retourAt: ms(T0, -2 * HOUR), followAt: ms(T0, -2 * HOUR - 1) }, {
      category: 'timing',
      expected: 'follow-up 501 G0363000002 (same Bsn and BudgetIdentificatie) submitted only after the retour on G0363000001 was received, at Mon 2026-03-30 07:00:00.000 Europe/Amsterdam (05:00:00.000Z)',
      happened: 'it was submitted at Mon 2026-03-30 06:59:59.999 Europe/Amsterdam (04:59:59.999Z)',
      messageIds: ['G0363000001', 'G0363000002'],
    }],
    ['sent though the retour never came', { followAt: ms(T0, -2 * HOUR) }, {
      category: 'timing',
      expected: 'follow-up 501 G0363000002 (same Bsn and BudgetIdentificatie) submitted only after the retour on G0363000001 was received',
      happened: 'it was submitted at Mon 2026-03-30 07:00:00.000 Europe/Amsterdam (05:00:00.000Z) and the retour on the previous 501 never arrived',
      messageIds: ['G0363000001', 'G0363000002'],
    }],
    ['never sent after the retour came', { retourAt: ms(T0, -2 * HOUR) }, {
      category: 'lost',
      expected: 'follow-up 501 for business event i-2 sent once the retour on G0363000001 arrived (Mon 2026-03-30 07:00:00.000 Europe/Amsterdam (05:00:00.000Z))',
      happened: 'the follow-up was never submitted',
      messageIds: ['G0363000001'],
    }],
  ] as const)('%s', (_label, opts, finding) => {
    expect(scene(opts).result.findings).toEqual([{ requirement: 'ING-3.5', ...finding, messageIds: [...finding.messageIds] }]);
  });
  it('says the retour never arrived when a follow-up waits to the end', () => {
    expect(scene({}).result.notDue).toEqual([{ duty: 'follow-up 501 for business event i-2 sent once the retour on G0363000001 arrived (it never arrived in this scenario)' }]);
    expect(scene({ retourAt: ms(T0, HOUR), end: ms(T2, -1) }).result.notDue).toEqual([{ duty: 'follow-up 501 for business event i-2 sent once the retour on G0363000001 arrived' }]);
  });
  it('names the event of a predecessor whose heen was never accepted', () => {
    const b = new ObservationsBuilder();
    b.event(FIRST, ms(T0, -3 * HOUR));
    b.event(FOLLOW, ms(T0, -150 * 60_000));
    b.submit(ms(T0, -2 * HOUR), ownHeen(FOLLOW, 'G0363000002', ms(T0, -2 * HOUR)));
    const obs = b.build();
    const result = tr507Checks['ING-3.5']!(obs, observedTraffic(obs));
    expect(result.findings.map((f) => f.messageIds)).toEqual([['i-1', 'G0363000002']]);
  });
});

describe('ING-3.5 and its TR507 helpers at their edges', () => {
  it.each([
    ['sent after a retour the party refused (it never received one)', { retourAt: ms(T0, -2 * HOUR), retourStatus: 400, followAt: ms(T0, -HOUR) }, 'failed', ['timing']],
  ] as const)('%s', (_label, opts, verdict, categories) => {
    expect(verdictOf(scene(opts).result)).toEqual({ verdict, categories });
  });
  it('a retour on another heen does not release the follow-up', () => {
    const b = new ObservationsBuilder();
    b.event(FIRST, ms(T0, -3 * HOUR));
    b.event(FOLLOW, ms(T0, -150 * 60_000));
    const other = b.event(toekenning(2), ms(T0, -3 * HOUR));
    const heen = ownHeen(FIRST, 'G0363000001', ms(T0, -3 * HOUR));
    const otherHeen = ownHeen(other.intent, 'G0363000003', ms(T0, -3 * HOUR));
    b.submit(ms(T0, -3 * HOUR), heen);
    b.submit(ms(T0, -3 * HOUR), otherHeen);
    b.deliver(ms(T0, -2 * HOUR), retour(otherHeen, 'C0000000003', ms(T0, -2 * HOUR)));
    b.submit(ms(T0, -HOUR), ownHeen(FOLLOW, 'G0363000002', ms(T0, -HOUR)));
    const obs = b.build();
    expect(verdictOf(tr507Checks['ING-3.5']!(obs, observedTraffic(obs)))).toEqual({ verdict: 'failed', categories: ['timing'] });
  });
  it('binds only 501s of the same Bsn and budget: another budget and a 507 need not wait', () => {
    const b = new ObservationsBuilder();
    b.event(FIRST, ms(T0, -3 * HOUR));
    b.event(toekenning(2), ms(T0, -2 * HOUR));
    b.event(afsluiting(1), ms(T0, -3 * HOUR));
    b.event(afsluiting(1), ms(T0, -2 * HOUR));
    b.submit(ms(T0, -3 * HOUR), ownHeen(FIRST, 'G0363000001', ms(T0, -3 * HOUR)));
    b.submit(ms(T0, -2 * HOUR), ownHeen(toekenning(2), 'G0363000002', ms(T0, -2 * HOUR)));
    b.submit(ms(T0, -3 * HOUR), ownHeen(afsluiting(1), 'G0363000003', ms(T0, -3 * HOUR)));
    b.submit(ms(T0, -2 * HOUR), ownHeen(afsluiting(1), 'G0363000004', ms(T0, -2 * HOUR)));
    const obs = b.build();
    expect(verdictOf(tr507Checks['ING-3.5']!(obs, observedTraffic(obs)))).toEqual({ verdict: 'passed', categories: [] });
  });
  it('a follow-up created after its predecessor\'s retour may go from its creation', () => {
    const b = new ObservationsBuilder();
    b.event(FIRST, ms(T0, -3 * HOUR));
    const heen = ownHeen(FIRST, 'G0363000001', ms(T0, -3 * HOUR));
    b.submit(ms(T0, -3 * HOUR), heen);
    b.deliver(ms(T0, -2 * HOUR), retour(heen, 'C0000000001', ms(T0, -2 * HOUR)), 400);
    b.event(FOLLOW, ms(T0, -HOUR));
    const traffic = observedTraffic(b.build());
    expect(mayGoFrom(traffic.trails[1]!, traffic)?.toMillis()).toBe(ms(T0, -HOUR).toMillis());
  });
  it('AFS-1.1 exempts a follow-up only while its predecessor\'s retour had not arrived before T0', () => {
    const held = (retourAt: DateTime, status = 202) => {
      const b = new ObservationsBuilder();
      b.event(FIRST, ms(T0, -3 * HOUR));
      b.event(FOLLOW, ms(T0, -150 * 60_000));
      const heen = ownHeen(FIRST, 'G0363000001', ms(T0, -3 * HOUR));
      b.submit(ms(T0, -3 * HOUR), heen);
      b.deliver(retourAt, retour(heen, 'C0000000001', retourAt), status);
      b.visit(ms(T2, HOUR));
      const obs = b.build();
      return verdictOf(afsluitingChecks['AFS-1.1']!(obs, observedTraffic(obs)));
    };
    expect(held(ms(T0, -1))).toEqual({ verdict: 'failed', categories: ['lost'] });
    expect(held(T0)).toEqual({ verdict: 'passed', categories: [] });
    expect(held(ms(T0, -1), 400)).toEqual({ verdict: 'passed', categories: [] });
  });
  it('GEN-0.2: a follow-up owes its heen once its predecessor\'s retour was delivered, even if refused', () => {
    const b = new ObservationsBuilder();
    b.event(FIRST, ms(T0, -3 * HOUR));
    b.event(FOLLOW, ms(T0, -150 * 60_000));
    const heen = ownHeen(FIRST, 'G0363000001', ms(T0, -3 * HOUR));
    b.submit(ms(T0, -3 * HOUR), heen);
    b.deliver(ms(T0, -2 * HOUR), retour(heen, 'C0000000001', ms(T0, -2 * HOUR)), 400);
    b.visit(ms(T2, HOUR));
    const obs = b.build();
    expect(algemeenChecks['GEN-0.2']!(obs, observedTraffic(obs)).findings.map((f) => [f.category, f.messageIds])).toEqual([['lost', ['event i-2']]]);
  });
});
