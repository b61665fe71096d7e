/** The Transitie checks (TRA-2.1, TRA-2.2) on hand-made observations. */
import { describe, expect, it } from 'vitest';
import { transitieChecks } from './transitie.js';
import { observedTraffic } from '../traffic.js';
import type { RequirementId } from '../requirements.js';
import type { DateTime } from 'luxon';
import { ObservationsBuilder, T0, T1, T2, ms, ownHeen, retour, svbHeen, toekenning, verdictOf } from './checks-fixture.js';

const run = (id: RequirementId, b: ObservationsBuilder) => {
  const obs = b.build();
  return transitieChecks[id]!(obs, observedTraffic(obs));
};
const HOUR = 3_600_000;

describe('TRA-2.1: events of [T0, T2) kept and accepted after T2 as 2.3', () => {
  const scene = (createdAt: DateTime, accepted: { at: DateTime; release: '2.0.2' | '2.3' } | undefined, end = ms(T2, HOUR), blocked = false) => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), createdAt);
    if (blocked) b.blocks.push({ from: T2, until: ms(T2, 10 * HOUR), scope: 'all' });
    if (accepted) b.submit(accepted.at, ownHeen(e.intent, 'G0363000001', accepted.at, accepted.release));
    b.visit(end);
    return run('TRA-2.1', b);
  };
  it.each([
    ['created at T0, sent at T2 as 2.3', T0, { at: T2, release: '2.3' }, 'passed', []],
    ['created 1 ms before T2, sent at T2 as 2.3', ms(T2, -1), { at: T2, release: '2.3' }, 'passed', []],
    ['created at T0, accepted 1 ms before T2', T0, { at: ms(T2, -1), release: '2.0.2' }, 'failed', ['timing']],
    ['created at T0, accepted after T2 in 2.0.2', T0, { at: T2, release: '2.0.2' }, 'failed', ['schema']],
    ['created at T0, never sent', T0, undefined, 'failed', ['lost']],
    ['created 1 ms before T0: not its concern', ms(T0, -1), undefined, 'passed', []],
    ['created at T2: not its concern', T2, undefined, 'passed', []],
  ] as const)('%s', (_label, createdAt, accepted, verdict, categories) => {
    expect(verdictOf(scene(createdAt, accepted))).toEqual({ verdict, categories });
  });
  it('is not-tested when the scenario ends before T2, or the switch stays closed to the end', () => {
    expect(verdictOf(scene(T0, undefined, ms(T2, -1))).verdict).toBe('not-tested');
    expect(verdictOf(scene(T0, undefined, ms(T2, 5 * HOUR), true)).verdict).toBe('not-tested');
    expect(verdictOf(scene(T0, undefined, ms(T2, 10 * HOUR), true)).verdict).toBe('failed');
  });
});

describe('TRA-2.2: a refused message is kept, never reported as sent, and offered again when allowed', () => {
  /** A heen refused in an unplanned block [T0-2h, T0-1h); the scenario visits T0-90m and T0-1h. */
  const heenScene = (attempts: Array<{ at: DateTime; release?: '2.0.2' | '2.3'; code?: 'IB103' | 'IB004' }>, opts: { end?: DateTime; reported?: 'sent' | 'queued'; blockUntil?: DateTime } = {}) => {
    const b = new ObservationsBuilder();
    const from = ms(T0, -2 * HOUR);
    b.blocks.push({ from, until: opts.blockUntil ?? ms(T0, -HOUR), scope: 'heen' });
    const e = b.event(toekenning(1), from);
    b.visit(ms(T0, -90 * 60_000), ms(T0, -HOUR));
    for (const a of attempts) b.submit(a.at, ownHeen(e.intent, 'G0363000001', a.at, a.release), a.code ? { code: a.code } : {});
    if (opts.reported) b.state(ms(T0, -90 * 60_000), { outgoing: [{ intentId: 'i-1', bericht: 'WMO501', release: '2.0.2', identificatie: 'G0363000001', status: opts.reported, retourCodes: [] }], incoming: [] });
    b.visit(opts.end ?? ms(T2, HOUR));
    return run('TRA-2.2', b);
  };
  const refused = { at: ms(T0, -2 * HOUR), code: 'IB103' as const };
  it.each([
    ['re-offered and accepted at the first allowed moment', [refused, { at: ms(T0, -HOUR) }], {}, 'passed', []],
    ['refused again while blocked, then accepted', [refused, { at: ms(T0, -90 * 60_000), code: 'IB103' }, { at: ms(T0, -HOUR) }], {}, 'passed', []],
    ['re-offered only at T2 (it could go at T0-1h)', [refused, { at: T2, release: '2.3' }], {}, 'failed', ['timing']],
    ['never offered again', [refused], {}, 'failed', ['lost']],
    ['reported as sent while refused', [refused, { at: ms(T0, -HOUR) }], { reported: 'sent' }, 'failed', ['lost']],
    ['listed as queued while refused', [refused, { at: ms(T0, -HOUR) }], { reported: 'queued' }, 'passed', []],
    ['re-offered after T2 in 2.0.2', [refused, { at: T2, release: '2.0.2', code: 'IB004' }], { blockUntil: T0 }, 'failed', ['lost']],
    ['blocked until T0 and sent at T2 in 2.3', [refused, { at: ms(T0, -HOUR), code: 'IB103' }, { at: T2, release: '2.3' }], { blockUntil: T0 }, 'passed', []],
  ] as const)('%s', (_label, attempts, opts, verdict, categories) => {
    expect(verdictOf(heenScene([...attempts], opts))).toEqual({ verdict, categories });
  });
  it('is not-tested when no moment after the refusal let it pass', () => {
    const result = heenScene([refused, { at: ms(T0, -HOUR), code: 'IB103' }], { blockUntil: T0, end: ms(T2, -1) });
    expect(verdictOf(result).verdict).toBe('not-tested');
    expect(result.notDue[0]?.duty).toMatch(/refused with IB103/);
  });
  it('fails a message re-offered in the wrong release at the last moment the scenario saw', () => {
    const result = heenScene([refused, { at: T2, release: '2.0.2', code: 'IB004' }], { blockUntil: T0, end: T2 });
    expect(verdictOf(result)).toEqual({ verdict: 'failed', categories: ['lost'] });
  });
  it('names the refused attempt and the late one', () => {
    const result = heenScene([refused, { at: T2, release: '2.3' }]);
    expect(result.findings[0]?.messageIds).toEqual(['G0363000001', 'G0363000001']);
    expect(result.findings[0]?.expected).toMatch(/first later moment its phase allows: Mon 2026-03-30 08:00:00\.000/);
  });

  /** A 2.0.2 retour refused until T1 goes at T2 in its heen's release. */
  const retourScene = (release: '2.0.2' | '2.3', end = ms(T2, HOUR)) => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', ms(T0, -60_000));
    b.deliver(ms(T0, -60_000), heen);
    b.blocks.push({ from: ms(T0, -60_000), until: T1, scope: 'retour' });
    const r = retour(heen, 'R0363000001', ms(T0, -60_000));
    b.submit(ms(T0, -60_000), r, { code: 'IB103' });
    b.visit(T1);
    if (end >= T2) b.submit(T2, { ...r, release } as typeof r, release === '2.3' ? { code: 'IB001', status: 400, xsdValid: false } : {});
    b.visit(end);
    return run('TRA-2.2', b);
  };
  it.each([
    ['a retour re-offered at T2 in its heen\'s release', '2.0.2', 'passed', []],
    ['a retour re-offered at T2 in 2.3', '2.3', 'failed', ['lost']],
  ] as const)('%s', (_label, release, verdict, categories) => {
    expect(verdictOf(retourScene(release))).toEqual({ verdict, categories });
  });
  it('says which release a never-accepted re-offer went in', () => {
    expect(retourScene('2.3').findings[0]?.happened).toMatch(/never accepted: 2\.0\.2 at .* → IB103; 2\.3 at .* → IB001/);
  });
  it('a retour refused until T1 is not-tested when the scenario ends before T2', () => {
    expect(verdictOf(retourScene('2.0.2', ms(T2, -1))).verdict).toBe('not-tested');
  });
});

describe('Transitie findings say what was expected by when, what happened, which messages', () => {
  it('TRA-2.1: an event of the closed chain never accepted, after attempts', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), T1);
    b.submit(T1, ownHeen(e.intent, 'G0363000001', T1, '2.0.2'), { code: 'IB103' });
    b.submit(T2, ownHeen(e.intent, 'G0363000001', T2, '2.0.2'), { code: 'IB004' });
    b.event(toekenning(2), T1);
    b.visit(ms(T2, HOUR));
    expect(run('TRA-2.1', b).findings).toMatchInlineSnapshot(`
      [
        {
          "category": "lost",
          "expected": "the WMO501 heen for business event i-1 (created Mon 2026-03-30 17:00:00.000 Europe/Amsterdam (15:00:00.000Z), after its heen stop Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)) kept and accepted after the go-live Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) as 2.3",
          "happened": "it was never accepted (2 attempt(s): 2.0.2 at Mon 2026-03-30 17:00:00.000 Europe/Amsterdam (15:00:00.000Z) → IB103; 2.0.2 at Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) → IB004)",
          "messageIds": [
            "G0363000001",
            "G0363000001",
          ],
          "requirement": "TRA-2.1",
        },
        {
          "category": "lost",
          "expected": "the WMO501 heen for business event i-2 (created Mon 2026-03-30 17:00:00.000 Europe/Amsterdam (15:00:00.000Z), after its heen stop Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)) kept and accepted after the go-live Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) as 2.3",
          "happened": "it was never accepted (0 attempt(s))",
          "messageIds": [
            "event i-2",
          ],
          "requirement": "TRA-2.1",
        },
      ]
    `);
  });

  it('TRA-2.1: accepted before T2, or after T2 in 2.0.2', () => {
    const b = new ObservationsBuilder();
    const early = b.event(toekenning(1), T0);
    b.submit(ms(T2, -1), ownHeen(early.intent, 'G0363000001', ms(T2, -1), '2.3'));
    const old = b.event(toekenning(2), T0);
    b.submit(T2, ownHeen(old.intent, 'G0363000002', T2, '2.0.2'));
    expect(run('TRA-2.1', b).findings.map((f) => [f.category, f.happened, f.messageIds])).toEqual([
      ['timing', 'it was accepted at Wed 2026-04-01 08:59:59.999 Europe/Amsterdam (06:59:59.999Z) in 2.3', ['G0363000001']],
      ['schema', 'it was accepted at Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) in 2.0.2', ['G0363000002']],
    ]);
  });

  it('TRA-2.2: reported as sent while refused, and never offered again', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, -HOUR));
    b.submit(ms(T0, -HOUR), ownHeen(e.intent, 'G0363000001', ms(T0, -HOUR)), { code: 'IB103' });
    b.state(ms(T0, -30 * 60_000), { outgoing: [{ intentId: 'i-1', bericht: 'WMO501', release: '2.0.2', identificatie: 'G0363000001', status: 'sent', retourCodes: [] }], incoming: [] });
    b.visit(T2);
    expect(run('TRA-2.2', b)).toMatchInlineSnapshot(`
      {
        "findings": [
          {
            "category": "lost",
            "expected": "the WMO heen for business event i-1, refused with IB103 at Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z), still reported as not sent (queued) until the switch accepts it",
            "happened": "at Mon 2026-03-30 08:30:00.000 Europe/Amsterdam (06:30:00.000Z) the party reports it as sent while the switch ledger has no acceptance",
            "messageIds": [
              "G0363000001",
            ],
            "requirement": "TRA-2.2",
          },
          {
            "category": "lost",
            "expected": "the WMO heen for business event i-1, refused with IB103 at Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z), offered again and accepted at a later moment its phase allows",
            "happened": "it was never offered again (the scenario ran until Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z))",
            "messageIds": [
              "G0363000001",
            ],
            "requirement": "TRA-2.2",
          },
        ],
        "notDue": [],
      }
    `);
  });

  it('TRA-2.2: a retour re-offered after T2 in the wrong release names every such attempt', () => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', ms(T0, -60_000));
    b.deliver(ms(T0, -60_000), heen);
    const r = retour(heen, 'R0363000001', T1);
    b.submit(T1, r, { code: 'IB103' });
    b.submit(T2, { ...r, release: '2.3' } as typeof r, { code: 'IB001', status: 400, xsdValid: false });
    b.submit(ms(T2, 1), r);
    b.state(ms(T1, 1), { outgoing: [], incoming: [{ bericht: 'WMO507', release: '2.0.2', identificatie: 'S00000000001', status: 'processed', retour: { identificatie: 'R0363000001', status: 'sent' } }] });
    expect(run('TRA-2.2', b)).toMatchInlineSnapshot(`
      {
        "findings": [
          {
            "category": "lost",
            "expected": "the retour on WMO507 S00000000001, refused with IB103 at Mon 2026-03-30 17:00:00.000 Europe/Amsterdam (15:00:00.000Z), still reported as not sent (queued) until the switch accepts it",
            "happened": "at Mon 2026-03-30 17:00:00.001 Europe/Amsterdam (15:00:00.001Z) the party reports it as sent while the switch ledger has no acceptance",
            "messageIds": [
              "R0363000001",
            ],
            "requirement": "TRA-2.2",
          },
          {
            "category": "schema",
            "expected": "the retour on WMO507 S00000000001, refused with IB103 at Mon 2026-03-30 17:00:00.000 Europe/Amsterdam (15:00:00.000Z), offered again after the go-live as 2.0.2 (a heen in 2.3, a retour in its heen's release)",
            "happened": "re-offered in the wrong release: 2.3 at Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) → IB001",
            "messageIds": [
              "R0363000001",
            ],
            "requirement": "TRA-2.2",
          },
        ],
        "notDue": [],
      }
    `);
  });
});

describe('TRA-2.2 at its edges', () => {
  const queuedOrSent = (status: 'sent' | 'queued', intentId = 'i-1') => ({ intentId, bericht: 'WMO501' as const, release: '2.0.2' as const, identificatie: 'G0363000001', status, retourCodes: [] });
  /** Refused at T0-2h, accepted at T0-1h; the party's state at `stateAt` reports it as `listed`. */
  const reported = (stateAt: DateTime, outgoing: ReturnType<typeof queuedOrSent>[]) => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, -2 * HOUR));
    b.submit(ms(T0, -2 * HOUR), ownHeen(e.intent, 'G0363000001', ms(T0, -2 * HOUR)), { code: 'IB103', status: 503 });
    b.blocks.push({ from: ms(T0, -2 * HOUR), until: ms(T0, -HOUR), scope: 'heen' });
    b.submit(ms(T0, -HOUR), ownHeen(e.intent, 'G0363000001', ms(T0, -HOUR)));
    b.state(stateAt, { outgoing, incoming: [] });
    return verdictOf(run('TRA-2.2', b));
  };
  it.each([
    ['at the refusal itself', ms(T0, -2 * HOUR), [queuedOrSent('sent')], 'failed'],
    // Sent before it was ever offered: state-truth.ts reports it.
    ['before the refusal, never offered yet', ms(T0, -3 * HOUR), [queuedOrSent('sent')], 'failed'],
    ['at the acceptance', ms(T0, -HOUR), [queuedOrSent('sent')], 'passed'],
    ['after the acceptance', ms(T0, -30 * 60_000), [queuedOrSent('sent')], 'passed'],
    ['while another event is sent and this one queued', ms(T0, -90 * 60_000), [queuedOrSent('sent', 'i-9'), queuedOrSent('queued')], 'passed'],
  ] as const)('a refused heen reported as sent %s', (_label, stateAt, outgoing, verdict) => {
    expect(reported(stateAt, [...outgoing]).verdict).toBe(verdict);
  });
  it('reports twin refusals at one moment once', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, -2 * HOUR));
    b.blocks.push({ from: ms(T0, -2 * HOUR), until: ms(T0, -HOUR), scope: 'heen' });
    b.submit(ms(T0, -2 * HOUR), ownHeen(e.intent, 'G0363000001', ms(T0, -2 * HOUR)), { code: 'IB103' });
    b.submit(ms(T0, -2 * HOUR), ownHeen(e.intent, 'G0363000001', ms(T0, -2 * HOUR)), { code: 'IB103' });
    b.submit(ms(T0, -HOUR), ownHeen(e.intent, 'G0363000001', ms(T0, -HOUR)));
    b.state(ms(T0, -90 * 60_000), { outgoing: [queuedOrSent('sent')], incoming: [] });
    expect(run('TRA-2.2', b).findings.map((f) => f.category)).toEqual(['lost']);
  });
  it('is no concern of a refusal after the acceptance (a surplus attempt)', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, -2 * HOUR));
    b.submit(ms(T0, -2 * HOUR), ownHeen(e.intent, 'G0363000001', ms(T0, -2 * HOUR)));
    b.submit(T0, ownHeen(e.intent, 'G0363000001', T0), { code: 'IB103' });
    b.visit(ms(T2, HOUR));
    expect(verdictOf(run('TRA-2.2', b))).toEqual({ verdict: 'passed', categories: [] });
  });
  it('counts the first moment after a refusal, not the refusal\'s own', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, -3 * HOUR));
    b.visit(ms(T0, -3 * HOUR));
    b.submit(ms(T0, -2 * HOUR), ownHeen(e.intent, 'G0363000001', ms(T0, -2 * HOUR)), { code: 'IB001', status: 400, xsdValid: false });
    b.submit(ms(T0, -HOUR), ownHeen(e.intent, 'G0363000001', ms(T0, -HOUR)));
    expect(verdictOf(run('TRA-2.2', b))).toEqual({ verdict: 'passed', categories: [] });
  });
  it('a retour re-offered at T2 in 2.3 fails even when the switch took it', () => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', ms(T0, -60_000));
    b.deliver(ms(T0, -60_000), heen);
    const r = retour(heen, 'R0363000001', T1);
    b.submit(T1, r, { code: 'IB103' });
    b.submit(T2, { ...r, release: '2.3' } as typeof r);
    expect(run('TRA-2.2', b).findings.map((f) => [f.category, f.messageIds])).toEqual([['schema', ['R0363000001']]]);
  });
  it('a retour on a heen never delivered keeps its own release; one without a heen is left alone', () => {
    const b = new ObservationsBuilder();
    const r = retour(svbHeen(1, 'S00000000001', ms(T0, -60_000)), 'R0363000001', T1);
    b.submit(T1, r, { code: 'IB103' });
    b.submit(T2, r);
    const orphan = retour(svbHeen(2, 'S00000000002', ms(T0, -60_000)), 'R0363000002', T1);
    b.submit(T1, orphan, { code: 'IB103', entry: { identificatie: null } });
    b.visit(ms(T2, HOUR));
    expect(verdictOf(run('TRA-2.2', b))).toEqual({ verdict: 'passed', categories: [] });
  });
});
