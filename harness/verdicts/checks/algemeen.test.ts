/** The general checks (GEN-0.1 to GEN-0.3) on hand-made observations. */
import { describe, expect, it } from 'vitest';
import { algemeenChecks } from './algemeen.js';
import { observedTraffic } from '../traffic.js';
import type { RequirementId } from '../requirements.js';
import type { HostileExpectation } from '../observations.js';
import type { PartyState } from '../../protocol/party-protocol.js';
import { heldFrom } from '../../ledger/queries.js';
import { ObservationsBuilder, T0, T1, T2, at, ms, ownHeen, retour, svbHeen, toekenning, verdictOf } from './checks-fixture.js';

const run = (id: RequirementId, b: ObservationsBuilder) => {
  const obs = b.build();
  return algemeenChecks[id]!(obs, observedTraffic(obs));
};
const HOUR = 3_600_000;
const MORNING = ms(T0, -HOUR);

describe('GEN-0.1: valid, faithful messages with the right identities', () => {
  it('passes a faithful heen and a retour that copies its heen', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), MORNING);
    b.submit(MORNING, ownHeen(e.intent, 'G0363000001', MORNING));
    const heen = svbHeen(1, 'S00000000001', MORNING);
    b.deliver(MORNING, heen);
    b.submit(MORNING, retour(heen, 'R0363000002', MORNING));
    expect(verdictOf(run('GEN-0.1', b))).toEqual({ verdict: 'passed', categories: [] });
  });

  it.each([
    ['an XSD-invalid heen', 'schema', (b: ObservationsBuilder) => {
      const e = b.event(toekenning(1), MORNING);
      b.submit(MORNING, ownHeen(e.intent, 'G0363000001', MORNING), { code: 'IB001', status: 400, xsdValid: false });
    }],
    ['a heen preceded by a byte-order mark (the switch took it)', 'schema', (b: ObservationsBuilder) => {
      const e = b.event(toekenning(1), MORNING);
      b.submit(MORNING, ownHeen(e.intent, 'G0363000001', MORNING), { byteOrderMark: true });
    }],
    ['altered amounts', 'content', (b: ObservationsBuilder) => {
      b.event(toekenning(1), MORNING);
      b.submit(MORNING, ownHeen(toekenning(1, undefined, 2_500), 'G0363000001', MORNING));
    }],
    ['another Afzender', 'content', (b: ObservationsBuilder) => {
      const e = b.event(toekenning(1), MORNING);
      const heen = ownHeen(e.intent, 'G0363000001', MORNING);
      b.submit(MORNING, { ...heen, header: { ...heen.header, afzender: '0364' } } as typeof heen);
    }],
    ['a Dagtekening in UTC at 00:30 local', 'content', (b: ObservationsBuilder) => {
      const night = at('2026-03-30T00:30:00+02:00');
      const e = b.event(toekenning(1), night);
      const heen = ownHeen(e.intent, 'G0363000001', night);
      b.submit(night, { ...heen, header: { ...heen.header, berichtIdentificatie: { identificatie: 'G0363000001', dagtekening: '2026-03-29' } } } as typeof heen);
    }],
    ['a heen matching no business event', 'content', (b: ObservationsBuilder) => {
      b.submit(MORNING, ownHeen(toekenning(2), 'G0363000001', MORNING));
    }],
    ['a retour on a heen never delivered', 'correlation', (b: ObservationsBuilder) => {
      b.submit(MORNING, retour(svbHeen(1, 'S00000000009', MORNING), 'R0363000002', MORNING));
    }],
    ['a retour that changes its heen\'s header', 'content', (b: ObservationsBuilder) => {
      const heen = svbHeen(1, 'S00000000001', MORNING);
      b.deliver(MORNING, heen);
      const r = retour(heen, 'R0363000002', MORNING);
      b.submit(MORNING, { ...r, header: { ...r.header, ontvanger: '0599' } } as typeof r);
    }],
  ] as const)('fails %s [%s]', (_label, category, build) => {
    const b = new ObservationsBuilder();
    build(b);
    const result = run('GEN-0.1', b);
    expect(verdictOf(result).verdict).toBe('failed');
    expect(result.findings.map((f) => f.category)).toContain(category);
  });

  describe('TR056: an Identificatie names one message per message name, across releases', () => {
    const tr056 = (build: (b: ObservationsBuilder) => void) => {
      const b = new ObservationsBuilder();
      build(b);
      return run('GEN-0.1', b).findings.filter((f) => /TR056/.test(f.expected));
    };
    it('lets a refused message\'s own re-offer reuse it, also rebuilt as 2.3', () => {
      expect(tr056((b) => {
        const e = b.event(toekenning(1), MORNING);
        b.submit(MORNING, ownHeen(e.intent, 'G0363000001', MORNING), { code: 'IB103' });
        b.submit(T2, ownHeen(e.intent, 'G0363000001', T2));
      })).toEqual([]);
    });
    it.each([
      ['two heen of one name in one release', (b: ObservationsBuilder) => {
        const one = b.event(toekenning(1), MORNING);
        const two = b.event(toekenning(2), MORNING);
        b.submit(MORNING, ownHeen(one.intent, 'G0363000001', MORNING));
        b.submit(MORNING, ownHeen(two.intent, 'G0363000001', MORNING));
      }],
      ['a 2.3 heen reusing a 2.0.2 heen\'s', (b: ObservationsBuilder) => {
        const one = b.event(toekenning(1), MORNING);
        const two = b.event(toekenning(2), T2);
        b.submit(MORNING, ownHeen(one.intent, 'G0363000001', MORNING));
        b.submit(T2, ownHeen(two.intent, 'G0363000001', T2));
      }],
      ['a heen reusing the one a refused heen carried before it was rebuilt', (b: ObservationsBuilder) => {
        const one = b.event(toekenning(1), MORNING);
        const two = b.event(toekenning(2), T2);
        b.submit(MORNING, ownHeen(one.intent, 'G0363000001', MORNING), { code: 'IB103' });
        b.submit(T2, ownHeen(one.intent, 'G0363000007', T2));
        b.submit(T2, ownHeen(two.intent, 'G0363000001', T2));
      }],
      ['one heen accepted twice', (b: ObservationsBuilder) => {
        const one = b.event(toekenning(1), MORNING);
        b.submit(MORNING, ownHeen(one.intent, 'G0363000001', MORNING));
        b.submit(ms(MORNING, 1), ownHeen(one.intent, 'G0363000001', MORNING));
      }],
      ['retours on two heen with one IdentificatieRetour', (b: ObservationsBuilder) => {
        const h1 = svbHeen(1, 'S00000000001', MORNING);
        const h2 = svbHeen(2, 'S00000000002', T2);
        b.deliver(MORNING, h1);
        b.deliver(T2, h2);
        b.submit(MORNING, retour(h1, 'R0363000001', MORNING));
        b.submit(T2, retour(h2, 'R0363000001', T2));
      }],
    ] as const)('fails %s', (_label, build) => {
      const findings = tr056(build);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ requirement: 'GEN-0.1', category: 'content' });
      expect(findings[0]?.messageIds).toHaveLength(1);
    });
    it('allows one number for two message names (TR056 is per name)', () => {
      expect(tr056((b) => {
        const e = b.event(toekenning(1), MORNING);
        b.submit(MORNING, ownHeen(e.intent, 'G0363000001', MORNING));
        const heen = svbHeen(1, 'S00000000001', MORNING);
        b.deliver(MORNING, heen);
        b.submit(MORNING, retour(heen, 'G0363000001', MORNING));
      })).toEqual([]);
    });
  });
});

describe('GEN-0.2: exactly one accepted heen per event, one accepted retour per delivered heen', () => {
  it.each([
    ['one of each', 1, 1, 'passed', []],
    ['a heen accepted twice', 2, 1, 'failed', ['duplicate']],
    ['a retour accepted twice', 1, 2, 'failed', ['duplicate']],
    ['no heen accepted', 0, 1, 'failed', ['lost']],
    ['no retour accepted', 1, 0, 'failed', ['lost']],
  ] as const)('%s', (_label, heenCount, retourCount, verdict, categories) => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), MORNING);
    for (let i = 0; i < heenCount; i += 1) b.submit(ms(MORNING, i), ownHeen(e.intent, 'G0363000001', MORNING));
    const heen = svbHeen(1, 'S00000000001', MORNING);
    b.deliver(MORNING, heen);
    for (let i = 0; i < retourCount; i += 1) b.submit(ms(MORNING, i), retour(heen, 'R0363000002', MORNING));
    expect(verdictOf(run('GEN-0.2', b))).toEqual({ verdict, categories });
  });
  it('is not-tested for a heen and a retour whose moment to pass never came', () => {
    const b = new ObservationsBuilder();
    b.event(toekenning(1), T0);
    b.deliver(ms(T1, -1), svbHeen(1, 'S00000000001', ms(T1, -1), '2.3'));
    b.visit(ms(T2, -1));
    const result = run('GEN-0.2', b);
    expect(verdictOf(result).verdict).toBe('not-tested');
    expect(result.notDue).toHaveLength(2);
    b.visit(T2);
    expect(verdictOf(run('GEN-0.2', b))).toEqual({ verdict: 'failed', categories: ['lost', 'lost'] });
  });
  it('is not-tested for a follow-up whose predecessor was never answered', () => {
    const b = new ObservationsBuilder();
    const first = b.event(toekenning(1), MORNING);
    b.event(toekenning(1, undefined, 300_000), MORNING);
    b.submit(MORNING, ownHeen(first.intent, 'G0363000001', MORNING));
    b.visit(ms(T2, HOUR));
    expect(verdictOf(run('GEN-0.2', b)).verdict).toBe('not-tested');
  });
});

describe('GEN-0.1: the party\'s retour on a heen, clean or hostile', () => {
  it('a retour rejecting a heen without fault fails; one rejecting a heen with a content fault passes', () => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', MORNING);
    b.deliver(MORNING, heen);
    b.submit(MORNING, retour(heen, 'R0363000001', MORNING, ['0001']));
    expect(run('GEN-0.1', b).findings.map((f) => f.happened)).toEqual(['RetourCodes 0001 reject a heen without fault, which should be answered 0200 (or 0233) alone']);
    const faulty = new ObservationsBuilder();
    const bad = svbHeen(2, 'S00000000002', MORNING);
    const wrongBsn = { ...bad, client: { ...bad.client, bsn: '123456789' } } as typeof bad;
    faulty.deliver(MORNING, wrongBsn);
    faulty.submit(MORNING, retour(wrongBsn, 'R0363000002', MORNING, ['0001']));
    expect(run('GEN-0.1', faulty).findings).toEqual([]);
  });

  it('a retour on a hostile heen the party took is in that heen\'s release, its header unchanged', () => {
    const scene = (release: '2.0.2' | '2.3') => {
      const b = new ObservationsBuilder();
      const heen = svbHeen(1, 'S00000000001', MORNING, '2.3');
      const entry = b.deliver(MORNING, heen);
      b.hostile.push({ label: 'a 2.3 heen before the go-live', at: MORNING, expectation: 'refuse-or-reject', status: 202, xmlHash: entry.xmlHash, identificatie: 'S00000000001' });
      const answer = retour(heen, 'R0363000001', T2, ['0001']);
      b.submit(T2, { ...answer, release, header: { ...answer.header, berichtSubversie: release === '2.3' ? '3' : '0' } } as typeof answer);
      return run('GEN-0.1', b).findings.map((f) => f.happened);
    };
    expect(scene('2.3')).toEqual([]);
    expect(scene('2.0.2')).toEqual([expect.stringMatching(/^Retour release 2\.0\.2 is refused: the heen WMO507 S00000000001 is 2\.3/)]);
  });

  it('a retour on a taken hostile heen the suite cannot read (a DOCTYPE) is left to GEN-0.3, not called a retour on nothing', () => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', MORNING);
    const entry = b.deliver(MORNING, heen);
    b.hostile.push({ label: 'a DOCTYPE', at: MORNING, expectation: 'refuse', status: 202, xmlHash: entry.xmlHash, identificatie: 'S00000000001' });
    b.submit(MORNING, retour(heen, 'R0363000001', MORNING));
    b.submit(MORNING, retour(svbHeen(2, 'S00000000002', MORNING), 'R0363000002', MORNING));
    const built = b.build();
    const obs = { ...built, messageOf: (hash: string) => (hash === entry.xmlHash ? undefined : built.messageOf(hash)) };
    expect(algemeenChecks['GEN-0.1']!(obs, observedTraffic(obs)).findings.map((f) => f.messageIds)).toEqual([['R0363000002']]);
  });
});

describe('GEN-0.3: hostile deliveries refused or rejected, the party keeps working', () => {
  const state = (incoming: PartyState['incoming'] = [], outgoing: PartyState['outgoing'] = []): Omit<PartyState, 'now'> => ({ incoming, outgoing });
  /** A hostile 2.3 heen delivered before T2; the party answers `status`, then maybe a retour. */
  const hostile = (expectation: HostileExpectation, status: number, answer?: { at: typeof T0; codes: readonly string[] }, end = ms(T2, HOUR), listed?: 'processed' | 'rejected') => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', MORNING, '2.3');
    const entry = b.deliver(MORNING, heen, status);
    b.hostile.push({ label: 'a 2.3 heen before the go-live', at: MORNING, expectation, status, xmlHash: entry.xmlHash, identificatie: 'S00000000001' });
    if (answer) b.submit(answer.at, { ...retour(heen, 'R0363000001', answer.at, [...answer.codes]) });
    b.state(end, state(listed ? [{ bericht: 'WMO507', release: '2.3', identificatie: 'S00000000001', status: listed, retour: null }] : []));
    return run('GEN-0.3', b);
  };
  it.each([
    ['refused with 400', 'refuse-or-reject', 400, undefined, undefined, 'passed'],
    ['taken, rejected after T2, listed rejected', 'refuse-or-reject', 202, { at: T2, codes: ['0001'] }, 'rejected', 'passed'],
    ['taken, rejected after T2, but listed processed', 'refuse-or-reject', 202, { at: T2, codes: ['0001'] }, 'processed', 'failed'],
    ['taken, rejected after T2, but not listed', 'refuse-or-reject', 202, { at: T2, codes: ['0001'] }, undefined, 'failed'],
    ['taken, accepted after T2', 'refuse-or-reject', 202, { at: T2, codes: ['0200'] }, 'processed', 'failed'],
    ['taken, never answered though T2 came', 'refuse-or-reject', 202, undefined, 'rejected', 'failed'],
    ['taken and answered like any heen', 'answer-or-refuse', 202, { at: T2, codes: ['0200'] }, 'processed', 'passed'],
    ['taken, never answered', 'answer-or-refuse', 202, undefined, undefined, 'failed'],
    ['refused with 413', 'refuse', 413, undefined, undefined, 'passed'],
    ['taken though it must be refused', 'refuse', 202, undefined, undefined, 'failed'],
    ['answered 500', 'refuse', 500, undefined, undefined, 'failed'],
    ['not answered', 'refuse', 0, undefined, undefined, 'failed'],
  ] as const)('%s (%s, %s)', (_label, expectation, status, answer, listed, verdict) => {
    const result = hostile(expectation, status, answer, ms(T2, HOUR), listed);
    expect(verdictOf(result)).toEqual({ verdict, categories: verdict === 'failed' ? ['robustness'] : [] });
  });
  it('a taken 2.3 heen is not-tested while the scenario ended before T2, when its retour falls due', () => {
    const result = hostile('refuse-or-reject', 202, undefined, ms(T2, -1));
    expect(verdictOf(result).verdict).toBe('not-tested');
    expect(result.notDue[0]?.duty).toMatch(/a retour on a 2\.3 heen before the go-live/);
    expect(verdictOf(hostile('refuse-or-reject', 202, undefined, T2)).verdict).toBe('failed');
  });
  it.each([
    ['listed as rejected', 202, 'rejected', 'passed'],
    ['listed as processed', 202, 'processed', 'failed'],
    ['refused', 400, undefined, 'passed'],
  ] as const)('a retour for an unknown heen %s', (_label, status, listed, verdict) => {
    const b = new ObservationsBuilder();
    const r = retour(ownHeen(toekenning(1), 'ONBEKEND0001', MORNING), 'RONBEKEND1', MORNING);
    const entry = b.deliver(MORNING, r, status);
    b.hostile.push({ label: 'a retour on a heen never sent', at: MORNING, expectation: 'list-rejected-or-refuse', status, xmlHash: entry.xmlHash, identificatie: 'RONBEKEND1' });
    b.state(MORNING, state(listed ? [{ bericht: 'WMO502', release: '2.0.2', identificatie: 'RONBEKEND1', heen: 'ONBEKEND0001', status: listed, retour: null }] : []));
    expect(verdictOf(run('GEN-0.3', b)).verdict).toBe(verdict);
  });
  it.each([
    ['answered 202 and changing nothing', 202, false, 'passed'],
    ['answered 500', 500, false, 'failed'],
    ['changing what the party lists', 202, true, 'failed'],
  ] as const)('a byte-identical redelivery %s', (_label, status, changes, verdict) => {
    const b = new ObservationsBuilder();
    const before = state([{ bericht: 'WMO507', release: '2.0.2', identificatie: 'S00000000001', status: 'processed', retour: null }]);
    const after = changes ? state([...before.incoming, ...before.incoming]) : before;
    b.redeliveries.push({ at: MORNING, heldFrom: 0, xmlHash: 'h', status, before: { now: '', ...before }, after: { now: '', ...after } });
    b.visit(MORNING);
    expect(verdictOf(run('GEN-0.3', b))).toEqual({ verdict, categories: verdict === 'failed' ? ['robustness'] : [] });
    if (changes) expect(run('GEN-0.3', b).findings[0]?.happened).toBe('the messages the party lists as received changed');
  });
  it.each([
    ['answered once, before', 'sent', 'no', 'passed'],
    ['answered again after it', 'sent', 'after', 'failed'],
    ['answered again inside the redelivery, before its 202', 'sent', 'inside', 'failed'],
    ['answered, but listed as still queued, and sent again', 'queued', 'after', 'passed'],
  ] as const)('a byte-identical redelivery of a heen %s', (_label, listedRetour, again, verdict) => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', MORNING);
    const first = b.deliver(MORNING, heen);
    const answered = b.submit(MORNING, retour(heen, 'R0363000001', MORNING));
    // Inside: the retour goes while the party holds the redelivery, so before the delivery's own line.
    if (again === 'inside') b.submit(ms(MORNING, 1), retour(heen, 'R0363000001', MORNING));
    const redelivery = b.deliver(ms(MORNING, 1), heen, 202, again === 'inside' ? { sentAfter: answered.seq } : {});
    if (again === 'after') b.submit(ms(MORNING, 1), retour(heen, 'R0363000001', MORNING));
    const same = state([{ bericht: 'WMO507', release: '2.0.2', identificatie: 'S00000000001', status: 'processed', retour: { identificatie: 'R0363000001', status: listedRetour } }]);
    b.redeliveries.push({ at: ms(MORNING, 1), heldFrom: heldFrom(redelivery), xmlHash: first.xmlHash, status: 202, before: { now: '', ...same }, after: { now: '', ...same } });
    b.visit(ms(MORNING, 1));
    const result = run('GEN-0.3', b);
    expect(verdictOf(result).verdict).toBe(verdict);
    if (verdict === 'failed') expect(result.findings[0]).toMatchObject({ happened: expect.stringMatching(/^the party submitted a retour on it again: R0363000001 at /), messageIds: ['S00000000001', 'R0363000001'] });
  });
  it('fails GEN-0.2 for a moment that never settled, even when no business event shows two heen yet', () => {
    const endless = new ObservationsBuilder();
    endless.endlessExchange = { happened: 'at Mon 2026-03-30 08:00 still exchanging after 25 rounds', messageIds: ['G0363000031'] };
    expect(run('GEN-0.2', endless).findings).toMatchObject([{ category: 'duplicate', happened: 'at Mon 2026-03-30 08:00 still exchanging after 25 rounds', messageIds: ['G0363000031'] }]);
    expect(run('GEN-0.2', new ObservationsBuilder()).findings).toEqual([]);
  });
  it('fails a party that stopped answering, or lost what it held before the hostile deliveries', () => {
    const stopped = new ObservationsBuilder();
    stopped.stoppedAnswering = 'after a DOCTYPE the party stopped answering';
    expect(run('GEN-0.3', stopped).findings).toEqual([{
      requirement: 'GEN-0.3', category: 'robustness', expected: 'the party keeps working after malformed, hostile or unexpected deliveries',
      happened: 'after a DOCTYPE the party stopped answering', messageIds: [],
    }]);
    const lost = new ObservationsBuilder();
    const held = { intentId: 'i-1', bericht: 'WMO501' as const, release: null, identificatie: null, status: 'queued' as const, retourCodes: [] };
    lost.state(ms(MORNING, -1), state([], [held]));
    const entry = lost.deliver(MORNING, svbHeen(1, 'S00000000001', MORNING), 400);
    lost.hostile.push({ label: 'not well-formed', at: MORNING, expectation: 'refuse', status: 400, xmlHash: entry.xmlHash, identificatie: '' });
    lost.state(MORNING, state());
    const result = run('GEN-0.3', lost);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.messageIds).toEqual(['i-1']);
  });
});

describe('Algemeen findings say what was expected, what happened, which messages', () => {
  it('GEN-0.1: an invalid message, an altered heen, a stray and a retour on nothing', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), MORNING);
    b.submit(MORNING, ownHeen(e.intent, 'G0363000001', MORNING), { code: 'IB001', status: 400, xsdValid: false });
    const heen = ownHeen(toekenning(1, undefined, 2_500), 'G0363000002', MORNING);
    b.submit(ms(MORNING, 1), { ...heen, header: { ...heen.header, afzender: '0364' } } as typeof heen);
    b.submit(ms(MORNING, 2), ownHeen(toekenning(7), 'G0363000003', MORNING), { code: 'IB103' });
    b.submit(ms(MORNING, 3), retour(svbHeen(1, 'S00000000009', MORNING), 'R0363000004', MORNING), { code: 'IB001', xsdValid: true });
    expect(run('GEN-0.1', b).findings).toMatchInlineSnapshot(`
      [
        {
          "category": "schema",
          "expected": "every submitted message valid against the XSD of its release",
          "happened": "2 were not: WMO501 G0363000001 at Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z): cvc-complex-type: unexpected element; WMO508 R0363000004 at Mon 2026-03-30 08:00:00.003 Europe/Amsterdam (06:00:00.003Z): IB001",
          "messageIds": [
            "G0363000001",
            "R0363000004",
          ],
          "requirement": "GEN-0.1",
        },
        {
          "category": "content",
          "expected": "WMO501 G0363000002 (Mon 2026-03-30 08:00:00.001 Europe/Amsterdam (06:00:00.001Z)) to carry business event i-1 faithfully",
          "happened": "FunctieBudget 1 is "01:2500:0:2026-04-01..2026-12-31" where the business event has "01:250000:0:2026-04-01..2026-12-31"; Afzender is 0364 where the party is 0363",
          "messageIds": [
            "G0363000002",
          ],
          "requirement": "GEN-0.1",
        },
        {
          "category": "content",
          "expected": "every heen of the party to carry a business event it was given",
          "happened": "WMO501 G0363000003 submitted at Mon 2026-03-30 08:00:00.002 Europe/Amsterdam (06:00:00.002Z) (IB103) matches none",
          "messageIds": [
            "G0363000003",
          ],
          "requirement": "GEN-0.1",
        },
        {
          "category": "correlation",
          "expected": "retour WMO508 R0363000004 to answer a heen delivered to the party",
          "happened": "it references Identificatie S00000000009, which the party never received",
          "messageIds": [
            "R0363000004",
          ],
          "requirement": "GEN-0.1",
        },
      ]
    `);
  });

  it('GEN-0.1: a retour that departs from its heen\'s header, and a reused Identificatie', () => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', MORNING);
    b.deliver(MORNING, heen);
    const r = retour(heen, 'R0363000001', MORNING);
    b.submit(MORNING, { ...r, header: { ...r.header, ontvanger: '0599', dagtekeningRetour: '2026-03-29' } } as typeof r);
    const other = svbHeen(2, 'S00000000002', MORNING);
    b.deliver(MORNING, other);
    b.submit(ms(MORNING, 1), retour(other, 'R0363000001', MORNING), { code: 'IB103' });
    expect(run('GEN-0.1', b).findings).toMatchInlineSnapshot(`
      [
        {
          "category": "content",
          "expected": "retour WMO508 R0363000001 (Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z)) to answer heen S00000000001 in its release, with its header unchanged and a verdict true to it",
          "happened": "Retour header Ontvanger is "0599", expected "0363" from the heen WMO507 S00000000001. Copy the heen's header unchanged into the retour (messages.md, "Retourbericht 502 / 508").; DagtekeningRetour is 2026-03-29 where the local date of the attempt is 2026-03-30",
          "messageIds": [
            "R0363000001",
            "S00000000001",
          ],
          "requirement": "GEN-0.1",
        },
        {
          "category": "content",
          "expected": "Identificatie R0363000001 used for one WMO508 of the party's only, accepted once (TR056; only a refused message's own re-offer may reuse it)",
          "happened": "it was used for 2 different messages: 2.0.2 at Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z) → accepted; 2.0.2 at Mon 2026-03-30 08:00:00.001 Europe/Amsterdam (06:00:00.001Z) → IB103",
          "messageIds": [
            "R0363000001",
          ],
          "requirement": "GEN-0.1",
        },
      ]
    `);
  });

  it('GEN-0.1: one Identificatie the switch accepted twice for one message', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), MORNING);
    b.submit(MORNING, ownHeen(e.intent, 'G0363000001', MORNING));
    b.submit(T2, ownHeen(e.intent, 'G0363000001', T2));
    expect(run('GEN-0.1', b).findings.map((f) => [f.expected, f.happened, f.messageIds])).toEqual([[
      'Identificatie G0363000001 used for one WMO501 of the party\'s only, accepted once (TR056; only a refused message\'s own re-offer may reuse it)',
      'the switch accepted it 2 times: 2.0.2 at Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z) → accepted; 2.3 at Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) → accepted',
      ['G0363000001'],
    ]]);
  });

  it('GEN-0.2: duplicates and losses name the event or heen and every accepted message', () => {
    const b = new ObservationsBuilder();
    const twice = b.event(toekenning(1), MORNING);
    b.submit(MORNING, ownHeen(twice.intent, 'G0363000001', MORNING));
    b.submit(ms(MORNING, 1), ownHeen(twice.intent, 'G0363000002', MORNING));
    b.event(toekenning(2), MORNING, 'i-never');
    const heen = svbHeen(1, 'S00000000001', MORNING);
    b.deliver(MORNING, heen);
    b.submit(MORNING, retour(heen, 'R0363000001', MORNING));
    b.submit(ms(MORNING, 1), retour(heen, 'R0363000002', MORNING));
    b.deliver(MORNING, svbHeen(2, 'S00000000002', MORNING), 400);
    expect(run('GEN-0.2', b).findings).toMatchInlineSnapshot(`
      [
        {
          "category": "duplicate",
          "expected": "exactly one accepted heen for business event i-1 (created Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z))",
          "happened": "2 were accepted: G0363000001 at Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z); G0363000002 at Mon 2026-03-30 08:00:00.001 Europe/Amsterdam (06:00:00.001Z)",
          "messageIds": [
            "G0363000001",
            "G0363000002",
          ],
          "requirement": "GEN-0.2",
        },
        {
          "category": "lost",
          "expected": "exactly one accepted heen for business event i-never (created Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z))",
          "happened": "none was accepted by the end of the scenario (0 attempt(s))",
          "messageIds": [
            "event i-never",
          ],
          "requirement": "GEN-0.2",
        },
        {
          "category": "duplicate",
          "expected": "exactly one accepted retour on WMO507 S00000000001 (delivered Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z))",
          "happened": "2 were accepted: R0363000001 at Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z); R0363000002 at Mon 2026-03-30 08:00:00.001 Europe/Amsterdam (06:00:00.001Z)",
          "messageIds": [
            "S00000000001",
            "R0363000001",
            "R0363000002",
          ],
          "requirement": "GEN-0.2",
        },
        {
          "category": "lost",
          "expected": "exactly one accepted retour on WMO507 S00000000002 (delivered Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z))",
          "happened": "none was accepted by the end of the scenario (the party answered its delivery 400)",
          "messageIds": [
            "S00000000002",
          ],
          "requirement": "GEN-0.2",
        },
      ]
    `);
  });

  it('GEN-0.3: how each kind of hostile delivery was answered, a redelivery, a lost message', () => {
    const b = new ObservationsBuilder();
    const h23 = svbHeen(1, 'S00000000001', MORNING, '2.3');
    const e1 = b.deliver(MORNING, h23);
    b.hostile.push({ label: 'a 2.3 heen before the go-live', at: MORNING, expectation: 'refuse-or-reject', status: 202, xmlHash: e1.xmlHash, identificatie: 'S00000000001' });
    b.submit(T2, retour(h23, 'R0363000001', T2, ['0200']));
    const bom = svbHeen(2, 'S00000000002', MORNING);
    const e2 = b.deliver(MORNING, bom);
    b.hostile.push({ label: 'a heen with a byte-order mark', at: MORNING, expectation: 'answer-or-refuse', status: 202, xmlHash: e2.xmlHash, identificatie: 'S00000000002' });
    const stray = retour(ownHeen(toekenning(1), 'ONBEKEND0001', MORNING), 'RONBEKEND1', MORNING);
    const e3 = b.deliver(MORNING, stray);
    b.hostile.push({ label: 'a retour on a heen never sent', at: MORNING, expectation: 'list-rejected-or-refuse', status: 202, xmlHash: e3.xmlHash, identificatie: 'RONBEKEND1' });
    const e4 = b.deliver(MORNING, svbHeen(3, 'S00000000003', MORNING), 0);
    b.hostile.push({ label: 'a DOCTYPE', at: MORNING, expectation: 'refuse', status: 0, xmlHash: e4.xmlHash, identificatie: '' });
    b.redeliveries.push({ at: MORNING, heldFrom: 0, xmlHash: 'h', status: 0, before: { now: '', incoming: [], outgoing: [] }, after: { now: '', incoming: [], outgoing: [] } });
    b.state(ms(MORNING, -1), { outgoing: [], incoming: [{ bericht: 'WMO507', release: '2.0.2', identificatie: 'S00000000009', status: 'processed', retour: null }] });
    b.state(ms(T2, HOUR), { outgoing: [], incoming: [{ bericht: 'WMO502', release: '2.0.2', identificatie: 'RONBEKEND1', status: 'processed', retour: null }] });
    expect(run('GEN-0.3', b)).toMatchInlineSnapshot(`
      {
        "findings": [
          {
            "category": "robustness",
            "expected": "a 2.3 heen before the go-live (delivered Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z)) refused with 400, or taken (202), answered with a rejecting retour and listed as rejected",
            "happened": "answered 202, then a retour with RetourCodes 0200",
            "messageIds": [
              "S00000000001",
            ],
            "requirement": "GEN-0.3",
          },
          {
            "category": "robustness",
            "expected": "a heen with a byte-order mark (delivered Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z)) refused with 400, or taken (202) and answered with a retour like any valid heen",
            "happened": "answered 202, and no retour followed",
            "messageIds": [
              "S00000000002",
            ],
            "requirement": "GEN-0.3",
          },
          {
            "category": "robustness",
            "expected": "a retour on a heen never sent (delivered Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z)) refused with 400, or taken (202) and listed as rejected",
            "happened": "answered 202, and the party lists it as processed",
            "messageIds": [
              "RONBEKEND1",
            ],
            "requirement": "GEN-0.3",
          },
          {
            "category": "robustness",
            "expected": "a DOCTYPE (delivered Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z)) refused with 400 (413 when over 25 MB)",
            "happened": "answered nothing (no answer)",
            "messageIds": [],
            "requirement": "GEN-0.3",
          },
          {
            "category": "robustness",
            "expected": "a byte-identical redelivery (Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z)) answered 202 and changing nothing",
            "happened": "it was answered not at all",
            "messageIds": [],
            "requirement": "GEN-0.3",
          },
          {
            "category": "robustness",
            "expected": "nothing the party had accepted or queued before the hostile deliveries lost afterwards",
            "happened": "1 message(s) disappeared from its state",
            "messageIds": [
              "S00000000009",
            ],
            "requirement": "GEN-0.3",
          },
        ],
        "notDue": [],
      }
    `);
  });
});

describe('Algemeen checks at the edges of what they judge', () => {
  it('GEN-0.1 names an invalid message the switch accepted and an unreadable one by what the ledger says', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), MORNING);
    b.submit(MORNING, ownHeen(e.intent, 'G0363000001', MORNING), { xsdValid: false });
    b.submit(ms(MORNING, 1), ownHeen(e.intent, 'G0363000002', MORNING), { code: 'IB001', entry: { name: null } });
    expect(run('GEN-0.1', b).findings.filter((f) => f.category === 'schema').map((f) => [f.happened, f.messageIds])).toEqual([[
      '2 were not: WMO501 G0363000001 at Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z): cvc-complex-type: unexpected element; unreadable (hash-000) at Mon 2026-03-30 08:00:00.001 Europe/Amsterdam (06:00:00.001Z): IB001',
      ['G0363000001', '(hash-000)'],
    ]]);
  });
  it('GEN-0.1 leaves a retour line whose body is not a retour, and ids it cannot read, to other duties', () => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', MORNING);
    b.submit(MORNING, heen, { entry: { name: 'WMO508' } });
    const h1 = svbHeen(2, 'S00000000002', MORNING);
    const h2 = svbHeen(3, 'S00000000003', MORNING);
    b.deliver(MORNING, h1);
    b.deliver(MORNING, h2);
    b.submit(MORNING, retour(h1, 'R0363000001', MORNING), { entry: { identificatieRetour: null } });
    b.submit(MORNING, retour(h2, 'R0363000002', MORNING), { entry: { identificatieRetour: null } });
    expect(run('GEN-0.1', b).findings).toEqual([]);
  });
  it('GEN-0.1 (TR056) counts a stray heen and a retour without a heen as messages of their own', () => {
    const stray = new ObservationsBuilder();
    const e = stray.event(toekenning(1), MORNING);
    stray.submit(MORNING, ownHeen(e.intent, 'G0363000001', MORNING));
    stray.submit(MORNING, ownHeen(toekenning(9), 'G0363000001', MORNING), { code: 'IB103' });
    expect(run('GEN-0.1', stray).findings.filter((f) => /TR056/.test(f.expected)).map((f) => f.happened)).toEqual([expect.stringMatching(/^it was used for 2 different messages/)]);
    const orphans = new ObservationsBuilder();
    const h = svbHeen(1, 'S00000000001', MORNING);
    orphans.submit(MORNING, retour(h, 'R0363000001', MORNING), { entry: { identificatie: null } });
    orphans.submit(MORNING, retour(h, 'R0363000001', MORNING), { code: 'IB103', entry: { identificatie: null } });
    expect(run('GEN-0.1', orphans).findings.filter((f) => /TR056/.test(f.expected)).map((f) => f.messageIds)).toEqual([['R0363000001']]);
  });
  it('GEN-0.2 counts accepted retours only, and judges delivered heen, not delivered retours', () => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', MORNING);
    b.deliver(MORNING, heen);
    b.submit(MORNING, retour(heen, 'R0363000001', MORNING), { code: 'IB103' });
    b.submit(ms(MORNING, 1), retour(heen, 'R0363000001', MORNING));
    const e = b.event(toekenning(1), MORNING);
    const own = ownHeen(e.intent, 'G0363000001', MORNING);
    b.submit(MORNING, own);
    b.deliver(ms(MORNING, 2), retour(own, 'C0000000001', ms(MORNING, 2)));
    expect(verdictOf(run('GEN-0.2', b))).toEqual({ verdict: 'passed', categories: [] });
  });
  it('GEN-0.2 cannot judge the retour on a heen whose release the ledger does not know', () => {
    const b = new ObservationsBuilder();
    b.deliver(MORNING, svbHeen(1, 'S00000000001', MORNING), 202, { release: null });
    b.visit(ms(T2, HOUR));
    const result = run('GEN-0.2', b);
    expect(verdictOf(result).verdict).toBe('not-tested');
    expect(result.notDue).toEqual([{ duty: 'a retour on WMO507 S00000000001 accepted' }]);
  });
  it('GEN-0.2 names the open duty of a heen not yet due', () => {
    const b = new ObservationsBuilder();
    b.event(toekenning(1), T0);
    b.visit(ms(T2, -1));
    expect(run('GEN-0.2', b).notDue).toEqual([{ duty: 'a heen for business event i-1 accepted' }]);
  });

  const state = (incoming: PartyState['incoming'] = [], outgoing: PartyState['outgoing'] = []): Omit<PartyState, 'now'> => ({ incoming, outgoing });
  it.each([
    ['answer-or-refuse, taken, scenario ends before T2', 'answer-or-refuse', 202, ms(T2, -1), 'not-tested'],
    ['refuse, taken, scenario ends before T2', 'refuse', 202, ms(T2, -1), 'failed'],
    ['refuse-or-reject, answered 500, scenario ends before T2', 'refuse-or-reject', 500, ms(T2, -1), 'failed'],
  ] as const)('GEN-0.3: a 2.3 heen before T2, %s', (_label, expectation, status, end, verdict) => {
    const b = new ObservationsBuilder();
    const entry = b.deliver(MORNING, svbHeen(1, 'S00000000001', MORNING, '2.3'), status);
    b.hostile.push({ label: 'a 2.3 heen before the go-live', at: MORNING, expectation, status, xmlHash: entry.xmlHash, identificatie: 'S00000000001' });
    b.state(end, state());
    expect(verdictOf(run('GEN-0.3', b)).verdict).toBe(verdict);
  });
  it('GEN-0.3 finds a hostile retour in the party\'s list by its own IdentificatieRetour', () => {
    const b = new ObservationsBuilder();
    const r = retour(ownHeen(toekenning(1), 'ONBEKEND0001', MORNING), 'RONBEKEND1', MORNING);
    const entry = b.deliver(MORNING, r);
    b.hostile.push({ label: 'a retour on a heen never sent', at: MORNING, expectation: 'list-rejected-or-refuse', status: 202, xmlHash: entry.xmlHash, identificatie: 'RONBEKEND1' });
    b.state(MORNING, state([
      { bericht: 'WMO507', release: '2.0.2', identificatie: 'S00000000001', status: 'rejected', retour: null },
      { bericht: 'WMO502', release: '2.0.2', identificatie: 'RONBEKEND1', heen: 'ONBEKEND0001', status: 'processed', retour: null },
    ]));
    expect(run('GEN-0.3', b).findings.map((f) => f.happened)).toEqual(['answered 202, and the party lists it as processed']);
  });
  it.each([
    ['its status', { status: 'rejected' as const }, 'failed'],
    ['the heen it names', { heen: 'G0363000009' }, 'failed'],
    ['its retour', { retour: { identificatie: 'R0363000009', status: 'queued' as const } }, 'failed'],
    ['nothing it lists as received (its clock and outgoing move on)', {}, 'passed'],
  ] as const)('GEN-0.3: a redelivery that changes %s', (_label, change, verdict) => {
    const b = new ObservationsBuilder();
    const listed = { bericht: 'WMO502' as const, release: '2.0.2' as const, identificatie: 'C0000000001', heen: 'G0363000001', status: 'processed' as const, retour: { identificatie: 'R0363000001', status: 'sent' as const } };
    const queued = { intentId: 'i-1', bericht: 'WMO501' as const, release: null, identificatie: null, status: 'queued' as const, retourCodes: [] };
    b.redeliveries.push({ at: MORNING, heldFrom: 0, xmlHash: 'h', status: 202, before: { now: 'a', incoming: [listed], outgoing: [queued] }, after: { now: 'b', incoming: [{ ...listed, ...change }], outgoing: [] } });
    b.state(MORNING, state());
    expect(verdictOf(run('GEN-0.3', b)).verdict).toBe(verdict);
  });
  it('GEN-0.3: what the party held before the first hostile delivery, by intent or by message name and Identificatie', () => {
    const b = new ObservationsBuilder();
    const kept = { intentId: 'i-1', bericht: 'WMO501' as const, release: '2.0.2' as const, identificatie: 'G0363000001', status: 'sent' as const, retourCodes: [] };
    const gone = { ...kept, intentId: 'i-2', identificatie: null, status: 'queued' as const };
    const s1 = { bericht: 'WMO507' as const, release: '2.0.2' as const, identificatie: 'S00000000001', status: 'processed' as const, retour: null };
    const s2 = { ...s1, identificatie: 'S00000000002' };
    b.state(ms(MORNING, -2), state([s1, s2, { ...s1, identificatie: 'S00000000003' }], [kept, gone]));
    b.state(ms(MORNING, -1), state([s1, s2], [kept, gone]));
    const entry = b.deliver(MORNING, svbHeen(9, 'S00000000009', MORNING), 400);
    b.hostile.push({ label: 'not well-formed', at: MORNING, expectation: 'refuse', status: 400, xmlHash: entry.xmlHash, identificatie: '' });
    b.state(MORNING, state([s1, { ...s2, bericht: 'JW507' }], [kept]));
    b.state(ms(MORNING, 1), state([s1, { ...s2, bericht: 'JW507' }], [{ ...kept, status: 'answered' }]));
    expect(run('GEN-0.3', b).findings.map((f) => f.messageIds)).toEqual([['i-2', 'S00000000002']]);
  });
  it('GEN-0.3 passes a party with states and no hostile delivery', () => {
    const b = new ObservationsBuilder();
    b.state(MORNING, state());
    expect(verdictOf(run('GEN-0.3', b))).toEqual({ verdict: 'passed', categories: [] });
  });
});

describe('Algemeen messages, the last few words', () => {
  it('GEN-0.1 names a heen\'s Dagtekening that is not the local date of its attempt', () => {
    const b = new ObservationsBuilder();
    const night = at('2026-03-30T00:30:00+02:00');
    const e = b.event(toekenning(1), night);
    const heen = ownHeen(e.intent, 'G0363000001', night);
    b.submit(night, { ...heen, header: { ...heen.header, berichtIdentificatie: { identificatie: 'G0363000001', dagtekening: '2026-03-29' } } } as typeof heen);
    expect(run('GEN-0.1', b).findings.map((f) => f.happened)).toEqual(['Dagtekening is 2026-03-29 where the local date of the attempt is 2026-03-30']);
  });
  it('GEN-0.3 says a body that must be refused was taken, and a retour listed by no state at all', () => {
    const b = new ObservationsBuilder();
    const e1 = b.deliver(MORNING, svbHeen(1, 'S00000000001', MORNING));
    b.hostile.push({ label: 'a DOCTYPE', at: MORNING, expectation: 'refuse', status: 202, xmlHash: e1.xmlHash, identificatie: 'S00000000001' });
    const r = retour(ownHeen(toekenning(1), 'ONBEKEND0001', MORNING), 'RONBEKEND1', MORNING);
    const e2 = b.deliver(MORNING, r);
    b.hostile.push({ label: 'a retour on a heen never sent', at: MORNING, expectation: 'list-rejected-or-refuse', status: 202, xmlHash: e2.xmlHash, identificatie: 'RONBEKEND1' });
    expect(run('GEN-0.3', b).findings.map((f) => f.happened)).toEqual(['answered 202', 'answered 202, and the party lists it as absent']);
  });
});
