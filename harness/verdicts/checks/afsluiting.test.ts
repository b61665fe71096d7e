/** The Afsluiting checks on hand-made observations: every deadline 1 ms before, at and after. */
import { describe, expect, it } from 'vitest';
import { afsluitingChecks } from './afsluiting.js';
import { observedTraffic } from '../traffic.js';
import type { RequirementId } from '../requirements.js';
import { ObservationsBuilder, T0, T1, T2, ms, ownHeen, retour, svbHeen, toekenning, verdictOf } from './checks-fixture.js';

const run = (id: RequirementId, b: ObservationsBuilder) => {
  const obs = b.build();
  return afsluitingChecks[id]!(obs, observedTraffic(obs));
};

describe('AFS-1.1: every heen of an event before T0 accepted before T0', () => {
  it.each([
    ['accepted 1 ms before T0', -1, 'passed', []],
    ['accepted at T0', 0, 'failed', ['timing']],
    ['accepted 1 ms after T0', 1, 'failed', ['timing']],
  ] as const)('%s: %s', (_label, offset, verdict, categories) => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, -60_000));
    b.submit(ms(T0, offset), ownHeen(e.intent, 'G0363000001', ms(T0, offset), '2.0.2'));
    b.visit(T0);
    expect(verdictOf(run('AFS-1.1', b))).toEqual({ verdict, categories });
  });

  it('a heen never accepted is lost once the scenario reached T0, and not-tested before', () => {
    const refused = (end: number) => {
      const b = new ObservationsBuilder();
      const e = b.event(toekenning(1), ms(T0, -60_000));
      b.submit(ms(T0, -60_000), ownHeen(e.intent, 'G0363000001', ms(T0, -60_000)), { code: 'IB103' });
      b.visit(ms(T0, end));
      return run('AFS-1.1', b);
    };
    expect(verdictOf(refused(0))).toEqual({ verdict: 'failed', categories: ['lost'] });
    expect(refused(0).findings[0]?.messageIds).toEqual(['G0363000001']);
    expect(verdictOf(refused(-1))).toEqual({ verdict: 'not-tested', categories: [] });
    expect(refused(-1).notDue[0]).toMatchObject({ dueAt: T0 });
  });

  it('an event created at T0 or later is not its concern; one never attempted names the event', () => {
    const b = new ObservationsBuilder();
    b.event(toekenning(1), T0);
    b.event(toekenning(2), ms(T0, -1), 'i-late');
    b.visit(ms(T2, 1));
    const result = run('AFS-1.1', b);
    expect(verdictOf(result)).toEqual({ verdict: 'failed', categories: ['lost'] });
    expect(result.findings[0]?.messageIds).toEqual(['event i-late']);
  });

  it('exempts a TR507 follow-up whose predecessor was answered only at T0', () => {
    const b = new ObservationsBuilder();
    const first = b.event(toekenning(1), ms(T0, -120_000));
    const follow = toekenning(1, undefined, 300_000);
    b.event(follow, ms(T0, -60_000));
    const heen = ownHeen(first.intent, 'G0363000001', ms(T0, -120_000));
    b.submit(ms(T0, -120_000), heen);
    b.deliver(T0, retour(heen, 'C0000000001', T0));
    b.submit(T2, ownHeen(follow, 'G0363000002', T2));
    expect(verdictOf(run('AFS-1.1', b))).toEqual({ verdict: 'passed', categories: [] });
  });
});

describe.each([
  ['AFS-1.2', 'heen', T0] as const,
  ['AFS-1.4', 'retour', T1] as const,
])('%s: no %s submitted from its stop until T2', (id, kind, stop) => {
  const submitAt = (t: typeof T0) => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, -3_600_000));
    const heen = kind === 'heen' ? ownHeen(e.intent, 'G0363000001', t, '2.0.2') : svbHeen(1, 'S00000000001', ms(T0, -3_600_000));
    if (kind === 'retour') b.deliver(ms(T0, -3_600_000), heen);
    b.submit(t, kind === 'heen' ? heen : retour(heen, 'R0363000002', t), { code: t >= stop && t < T2 ? 'IB103' : undefined });
    return run(id, b);
  };
  it.each([
    ['1 ms before the stop', ms(stop, -1), 'passed'],
    ['at the stop', stop, 'failed'],
    ['1 ms after the stop', ms(stop, 1), 'failed'],
    ['1 ms before T2', ms(T2, -1), 'failed'],
    ['at T2', T2, 'passed'],
  ] as const)('%s: %s', (_label, t, verdict) => {
    const result = submitAt(t);
    expect(verdictOf(result).verdict).toBe(verdict);
    if (verdict === 'failed') {
      expect(result.findings).toHaveLength(1);
      expect(result.findings[0]).toMatchObject({ requirement: id, category: 'timing' });
      expect(result.findings[0]?.messageIds).toEqual([kind === 'heen' ? 'G0363000001' : 'R0363000002']);
    }
  });
});

describe('AFS-1.3: a heen delivered before T0 has its retour accepted before T1', () => {
  const answeredAt = (delivered: typeof T0, answered: typeof T0 | undefined, end: typeof T0) => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', delivered);
    b.deliver(delivered, heen);
    if (answered) b.submit(answered, retour(heen, 'R0363000001', answered), { code: answered >= T1 && answered < T2 ? 'IB103' : undefined });
    b.visit(end);
    return run('AFS-1.3', b);
  };
  it.each([
    ['answered 1 ms before T1', ms(T1, -1), 'passed', []],
    ['answered at T1 (refused)', T1, 'failed', ['timing']],
    ['answered after T2', ms(T2, 1), 'failed', ['timing']],
    ['never answered', undefined, 'failed', ['timing']],
  ] as const)('%s', (_label, answered, verdict, categories) => {
    expect(verdictOf(answeredAt(ms(T0, -1), answered, ms(T2, 1)))).toEqual({ verdict, categories });
  });
  it('is not-tested while the scenario ended before T1, and judges at T1', () => {
    expect(verdictOf(answeredAt(ms(T0, -1), undefined, ms(T1, -1))).verdict).toBe('not-tested');
    expect(verdictOf(answeredAt(ms(T0, -1), undefined, T1)).verdict).toBe('failed');
  });
  it('leaves a heen delivered at T0 to other duties', () => {
    expect(verdictOf(answeredAt(T0, undefined, ms(T2, 1))).verdict).toBe('passed');
  });
  it('leaves a retour to TRA-2.2 when an unplanned block let none through before T1', () => {
    const scene = (until: typeof T0) => {
      const b = new ObservationsBuilder();
      b.blocks.push({ from: ms(T0, -60_000), until, scope: 'retour' });
      b.deliver(ms(T0, -1), svbHeen(1, 'S00000000001', ms(T0, -1)));
      b.visit(ms(T1, -60_000), T1);
      return verdictOf(run('AFS-1.3', b)).verdict;
    };
    expect(scene(T1)).toBe('passed');
    // Lifted a minute before T1, at a moment the scenario visited: the duty could be met, and was not.
    expect(scene(ms(T1, -60_000))).toBe('failed');
  });
  it('names a refused delivery in what happened', () => {
    const b = new ObservationsBuilder();
    b.deliver(ms(T0, -1), svbHeen(1, 'S00000000001', ms(T0, -1)), 400);
    b.visit(T1);
    expect(run('AFS-1.3', b).findings[0]?.happened).toMatch(/answered its delivery 400/);
  });
});

describe('AFS-1.5: every retour delivered before T1 processed by T1', () => {
  const heen = ownHeen(toekenning(1), 'G0363000001', ms(T1, -3_600_000), '2.0.2');
  const scene = (deliveredAt: typeof T0, listed: { status: 'processed' | 'rejected'; codes: readonly string[]; heenStatus: 'sent' | 'answered' } | undefined, stateAt: typeof T0, end = stateAt) => {
    const b = new ObservationsBuilder();
    b.event(toekenning(1), ms(T1, -3_600_000));
    b.submit(ms(T1, -3_600_000), heen);
    b.deliver(deliveredAt, retour(heen, 'C0000000001', deliveredAt, ['0001']));
    if (listed) b.state(stateAt, {
      outgoing: [{ intentId: 'i-1', bericht: 'WMO501', release: '2.0.2', identificatie: 'G0363000001', status: listed.heenStatus, retourCodes: [...listed.codes] }],
      incoming: [{ bericht: 'WMO502', release: '2.0.2', identificatie: 'C0000000001', heen: 'G0363000001', status: listed.status, retour: null }],
    });
    b.visit(end);
    return run('AFS-1.5', b);
  };
  it.each([
    ['processed with its codes at T1', { status: 'processed', codes: ['0001'], heenStatus: 'answered' }, T1, 'passed', []],
    ['processed with another retour\'s codes', { status: 'processed', codes: ['0200'], heenStatus: 'answered' }, T1, 'failed', ['correlation']],
    ['listed as rejected', { status: 'rejected', codes: [], heenStatus: 'sent' }, T1, 'failed', ['correlation']],
    ['processed only 1 ms after T1', { status: 'processed', codes: ['0001'], heenStatus: 'answered' }, ms(T1, 1), 'failed', ['correlation']],
  ] as const)('%s', (_label, listed, stateAt, verdict, categories) => {
    expect(verdictOf(scene(ms(T1, -1), listed, stateAt, ms(T2, 1)))).toEqual({ verdict, categories });
  });
  it('is not-tested while the scenario ended before T1 with the retour unprocessed', () => {
    const result = scene(ms(T1, -2), { status: 'rejected', codes: [], heenStatus: 'sent' }, ms(T1, -1));
    expect(verdictOf(result).verdict).toBe('not-tested');
    expect(result.notDue[0]?.dueAt).toEqual(T1);
  });
  it('ignores a retour delivered at T1 and says when it has no state', () => {
    expect(verdictOf(scene(T1, undefined, T1, ms(T2, 1))).verdict).toBe('passed');
    expect(scene(ms(T1, -1), undefined, T1, ms(T2, 1)).findings[0]?.happened).toMatch(/no state of the party before its retour stop/);
  });
});

describe('Afsluiting findings say what was expected by when, what happened, which messages', () => {
  it('AFS-1.1: a heen first accepted at T0, and one never accepted after refusals', () => {
    const b = new ObservationsBuilder();
    const late = b.event(toekenning(1), ms(T0, -60_000));
    b.submit(T0, ownHeen(late.intent, 'G0363000001', T0, '2.0.2'));
    const lost = b.event(toekenning(2), ms(T0, -60_000));
    b.submit(ms(T0, -60_000), ownHeen(lost.intent, 'G0363000002', ms(T0, -60_000)), { code: 'IB103' });
    b.submit(ms(T0, -30_000), ownHeen(lost.intent, 'G0363000002', ms(T0, -30_000)), { status: 500 });
    expect(run('AFS-1.1', b).findings).toMatchInlineSnapshot(`
      [
        {
          "category": "timing",
          "expected": "the WMO501 heen for business event i-1 (created Mon 2026-03-30 08:59:00.000 Europe/Amsterdam (06:59:00.000Z)) accepted by the switch before its heen stop Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)",
          "happened": "first accepted at Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)",
          "messageIds": [
            "G0363000001",
          ],
          "requirement": "AFS-1.1",
        },
        {
          "category": "lost",
          "expected": "the WMO501 heen for business event i-2 (created Mon 2026-03-30 08:59:00.000 Europe/Amsterdam (06:59:00.000Z)) accepted by the switch before its heen stop Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)",
          "happened": "not accepted before its heen stop (2 attempt(s): IB103 at Mon 2026-03-30 08:59:00.000 Europe/Amsterdam (06:59:00.000Z); 500 at Mon 2026-03-30 08:59:30.000 Europe/Amsterdam (06:59:30.000Z))",
          "messageIds": [
            "G0363000002",
            "G0363000002",
          ],
          "requirement": "AFS-1.1",
        },
      ]
    `);
  });

  it('AFS-1.2 and AFS-1.4: every heen or retour submitted in the closed window, with its answer', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, -3_600_000));
    b.submit(T0, ownHeen(e.intent, 'G0363000001', T0, '2.0.2'), { code: 'IB103' });
    b.submit(ms(T2, -1), ownHeen(e.intent, 'G0363000002', ms(T2, -1), '2.3'));
    const heen = svbHeen(1, 'S00000000001', ms(T0, -3_600_000));
    b.deliver(ms(T0, -3_600_000), heen);
    b.submit(T1, retour(heen, 'R0363000001', T1), { code: 'IB103' });
    expect(run('AFS-1.2', b).findings).toMatchInlineSnapshot(`
      [
        {
          "category": "timing",
          "expected": "no heenbericht submitted from its heen stop (WMO501 from Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)) until the go-live Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)",
          "happened": "2 heen submitted in that window: WMO501 at Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) (IB103); WMO501 at Wed 2026-04-01 08:59:59.999 Europe/Amsterdam (06:59:59.999Z) (accepted)",
          "messageIds": [
            "G0363000001",
            "G0363000002",
          ],
          "requirement": "AFS-1.2",
        },
      ]
    `);
    expect(run('AFS-1.4', b).findings).toMatchInlineSnapshot(`
      [
        {
          "category": "timing",
          "expected": "no retourbericht submitted from its retour stop (WMO508 from Mon 2026-03-30 17:00:00.000 Europe/Amsterdam (15:00:00.000Z)) until the go-live Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)",
          "happened": "1 retour submitted in that window: WMO508 at Mon 2026-03-30 17:00:00.000 Europe/Amsterdam (15:00:00.000Z) (IB103)",
          "messageIds": [
            "R0363000001",
          ],
          "requirement": "AFS-1.4",
        },
      ]
    `);
  });

  it('AFS-1.3: a retour accepted only at T2, and the ids of every retour on the heen', () => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', ms(T0, -60_000));
    b.deliver(ms(T0, -60_000), heen);
    b.submit(T1, retour(heen, 'R0363000001', T1), { code: 'IB103' });
    b.submit(T2, retour(heen, 'R0363000001', T2));
    expect(run('AFS-1.3', b).findings).toMatchInlineSnapshot(`
      [
        {
          "category": "timing",
          "expected": "a retour on WMO507 S00000000001 (delivered Mon 2026-03-30 08:59:00.000 Europe/Amsterdam (06:59:00.000Z)) accepted by the switch before its retour stop Mon 2026-03-30 17:00:00.000 Europe/Amsterdam (15:00:00.000Z)",
          "happened": "the retour was accepted at Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)",
          "messageIds": [
            "S00000000001",
            "R0363000001",
            "R0363000001",
          ],
          "requirement": "AFS-1.3",
        },
      ]
    `);
  });

  it('AFS-1.5: a retour listed wrongly, naming the retour and its heen', () => {
    const b = new ObservationsBuilder();
    const heen = ownHeen(toekenning(1), 'G0363000001', ms(T1, -3_600_000), '2.0.2');
    b.event(toekenning(1), ms(T1, -3_600_000));
    b.submit(ms(T1, -3_600_000), heen);
    b.deliver(ms(T1, -60_000), retour(heen, 'C0000000001', ms(T1, -60_000), ['0001']));
    b.state(ms(T1, -1), {
      outgoing: [{ intentId: 'i-1', bericht: 'WMO501', release: '2.0.2', identificatie: 'G0363000001', status: 'answered', retourCodes: ['0200'] }],
      incoming: [{ bericht: 'WMO502', release: '2.0.2', identificatie: 'C0000000001', heen: 'G0363000001', status: 'processed', retour: null }],
    });
    b.visit(T1);
    expect(run('AFS-1.5', b)).toMatchInlineSnapshot(`
      {
        "findings": [
          {
            "category": "correlation",
            "expected": "retour WMO502 C0000000001 on G0363000001 (delivered Mon 2026-03-30 16:59:00.000 Europe/Amsterdam (14:59:00.000Z)) processed by its retour stop Mon 2026-03-30 17:00:00.000 Europe/Amsterdam (15:00:00.000Z): listed as processed and its heen as answered with its RetourCodes",
            "happened": "at Mon 2026-03-30 16:59:59.999 Europe/Amsterdam (14:59:59.999Z) the party lists the retour as processed (heen G0363000001) and its heen WMO501 G0363000001 as answered with RetourCodes [0200], where the retour carries RetourCodes [0001]",
            "messageIds": [
              "C0000000001",
              "G0363000001",
            ],
            "requirement": "AFS-1.5",
          },
        ],
        "notDue": [],
      }
    `);
  });
});

describe('Afsluiting checks at their edges', () => {
  it('AFS-1.3: a retour the ledger shows accepted at T1 itself came too late', () => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', ms(T0, -60_000));
    b.deliver(ms(T0, -60_000), heen);
    b.submit(T1, retour(heen, 'R0363000001', T1));
    expect(verdictOf(run('AFS-1.3', b))).toEqual({ verdict: 'failed', categories: ['timing'] });
  });
  it('AFS-1.5 reads the last state before T1, and RetourCodes in any order', () => {
    const b = new ObservationsBuilder();
    const heen = ownHeen(toekenning(1), 'G0363000001', ms(T1, -3_600_000), '2.0.2');
    b.event(toekenning(1), ms(T1, -3_600_000));
    b.submit(ms(T1, -3_600_000), heen);
    b.deliver(ms(T1, -60_000), retour(heen, 'C0000000001', ms(T1, -60_000), ['0200', '0001']));
    b.state(ms(T1, -30_000), { outgoing: [], incoming: [] });
    b.state(ms(T1, -1), {
      outgoing: [{ intentId: 'i-1', bericht: 'WMO501', release: '2.0.2', identificatie: 'G0363000001', status: 'answered', retourCodes: ['0001', '0200'] }],
      incoming: [{ bericht: 'WMO502', release: '2.0.2', identificatie: 'C0000000001', heen: 'G0363000001', status: 'processed', retour: null }],
    });
    b.visit(T1);
    expect(verdictOf(run('AFS-1.5', b))).toEqual({ verdict: 'passed', categories: [] });
  });
  it.each([
    ['the retour under another message name', { incoming: { bericht: 'JW502' as const } }],
    ['the heen under another message name', { outgoing: { bericht: 'JW501' as const } }],
    ['the heen still sent, though with the codes', { outgoing: { status: 'sent' as const } }],
  ])('AFS-1.5 fails a party that lists %s', (_label, change) => {
    const b = new ObservationsBuilder();
    const heen = ownHeen(toekenning(1), 'G0363000001', ms(T1, -3_600_000), '2.0.2');
    b.event(toekenning(1), ms(T1, -3_600_000));
    b.submit(ms(T1, -3_600_000), heen);
    b.deliver(ms(T1, -60_000), retour(heen, 'C0000000001', ms(T1, -60_000), ['0001']));
    b.state(ms(T1, -1), {
      outgoing: [{ intentId: 'i-1', bericht: 'WMO501', release: '2.0.2', identificatie: 'G0363000001', status: 'answered', retourCodes: ['0001'], ...('outgoing' in change ? change.outgoing : {}) }],
      incoming: [{ bericht: 'WMO502', release: '2.0.2', identificatie: 'C0000000001', heen: 'G0363000001', status: 'processed', retour: null, ...('incoming' in change ? change.incoming : {}) }],
    });
    b.visit(T1);
    // A heen listed under another name is also answered with no retour on it: one finding or two.
    const { verdict, categories } = verdictOf(run('AFS-1.5', b));
    expect({ verdict, categories: [...new Set(categories)] }).toEqual({ verdict: 'failed', categories: ['correlation'] });
  });
});

describe('Afsluiting duties not yet due are named, with their deadline', () => {
  it('AFS-1.1, AFS-1.3 and AFS-1.5 before their stops', () => {
    const b = new ObservationsBuilder();
    b.event(toekenning(1), ms(T0, -60_000));
    const heen = svbHeen(1, 'S00000000001', ms(T0, -60_000));
    b.deliver(ms(T0, -60_000), heen);
    const own = ownHeen(toekenning(2), 'G0363000002', ms(T0, -120_000));
    b.deliver(ms(T0, -30_000), retour(own, 'C0000000002', ms(T0, -30_000)));
    b.state(ms(T0, -1), { outgoing: [], incoming: [] });
    expect(run('AFS-1.1', b).notDue).toEqual([{ duty: 'the WMO501 heen for business event i-1 accepted before its heen stop', dueAt: T0 }]);
    expect(run('AFS-1.3', b).notDue).toEqual([{ duty: 'a retour on WMO507 S00000000001 accepted before its retour stop', dueAt: T1 }]);
    expect(run('AFS-1.5', b).notDue).toEqual([{ duty: 'retour WMO502 C0000000002 processed by its retour stop', dueAt: T1 }]);
  });
});
