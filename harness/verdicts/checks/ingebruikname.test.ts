/** The Ingebruikname checks (ING-3.1 to 3.4, 3.6) on hand-made observations. */
import { describe, expect, it } from 'vitest';
import { ingebruiknameChecks } from './ingebruikname.js';
import { observedTraffic } from '../traffic.js';
import type { RequirementId } from '../requirements.js';
import type { OutgoingEntry, IncomingEntry } from '../../protocol/party-protocol.js';
import { ObservationsBuilder, T0, T1, T2, ms, ownHeen, retour, svbHeen, toekenning, verdictOf } from './checks-fixture.js';

const run = (id: RequirementId, b: ObservationsBuilder) => {
  const obs = b.build();
  return ingebruiknameChecks[id]!(obs, observedTraffic(obs));
};

describe('ING-3.1: from T2 every new heen is valid 2.3', () => {
  it.each([
    ['2.0.2 1 ms before T2', ms(T2, -1), '2.0.2', true, 'passed'],
    ['2.0.2 at T2', T2, '2.0.2', true, 'failed'],
    ['2.0.2 1 ms after T2', ms(T2, 1), '2.0.2', true, 'failed'],
    ['2.3 at T2', T2, '2.3', true, 'passed'],
    ['2.3 but XSD-invalid at T2', T2, '2.3', false, 'failed'],
  ] as const)('%s', (_label, t, release, xsdValid, verdict) => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, 1));
    b.submit(t, ownHeen(e.intent, 'G0363000001', t, release), { xsdValid, ...(t < T2 ? { code: 'IB103' as const } : release === '2.0.2' ? { code: 'IB004' as const } : {}) });
    const result = run('ING-3.1', b);
    expect(verdictOf(result)).toEqual({ verdict, categories: verdict === 'failed' ? ['schema'] : [] });
    if (verdict === 'failed') expect(result.findings[0]?.messageIds).toEqual(['G0363000001']);
  });
});

describe('ING-3.2: a 2.3 heen delivered after T2 is answered with a valid 2.3 retour', () => {
  const scene = (how: { release?: '2.0.2' | '2.3'; xsdValid?: boolean; deliveredAt?: typeof T2; status?: number; end?: typeof T2; blocked?: boolean }) => {
    const b = new ObservationsBuilder();
    const deliveredAt = how.deliveredAt ?? ms(T2, 60_000);
    const heen = svbHeen(1, 'S00000000001', deliveredAt, deliveredAt < T2 ? '2.0.2' : '2.3');
    b.deliver(deliveredAt, heen, how.status ?? 202);
    if (how.blocked) b.blocks.push({ from: deliveredAt, until: ms(T2, 86_400_000), scope: 'retour' });
    if (how.release) {
      const r = retour(heen, 'R0363000001', deliveredAt);
      b.submit(deliveredAt, { ...r, release: how.release } as typeof r, { xsdValid: how.xsdValid ?? true });
    }
    b.visit(how.end ?? ms(T2, 3_600_000));
    return run('ING-3.2', b);
  };
  it.each([
    ['answered in valid 2.3', { release: '2.3' }, 'passed', []],
    ['answered in 2.3, XSD-invalid', { release: '2.3', xsdValid: false }, 'failed', ['schema']],
    ['answered in 2.0.2', { release: '2.0.2' }, 'failed', ['schema']],
    ['not answered', {}, 'failed', ['correlation']],
    ['refused by the party (400) and not answered', { status: 400 }, 'failed', ['correlation']],
    ['not answered while every retour was blocked to the end', { blocked: true }, 'not-tested', []],
    ['a 2.0.2 heen delivered before T2 is not its concern', { deliveredAt: ms(T2, -1) }, 'passed', []],
  ] as const)('%s', (_label, how, verdict, categories) => {
    expect(verdictOf(scene(how))).toEqual({ verdict, categories });
  });
  it('says when the party refused the delivery', () => {
    expect(scene({ status: 400 }).findings[0]?.happened).toMatch(/answered its delivery 400/);
  });
});

describe('ING-3.4: a retour owed at T1 on a 2.0.2 heen goes after T2 in 2.0.2', () => {
  const scene = (answer: { at: typeof T2; release: '2.0.2' | '2.3' } | undefined, end = ms(T2, 3_600_000), blockedAfterT2 = false) => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', ms(T1, -60_000));
    b.deliver(ms(T1, -60_000), heen);
    if (blockedAfterT2) b.blocks.push({ from: T2, until: ms(T2, 86_400_000), scope: 'all' });
    if (answer) {
      const r = retour(heen, 'R0363000001', answer.at);
      b.submit(answer.at, { ...r, release: answer.release } as typeof r, answer.release === '2.3' ? { code: 'IB001' as never, status: 400, xsdValid: false } : {});
    }
    b.visit(end);
    return run('ING-3.4', b);
  };
  it.each([
    ['sent at T2 in 2.0.2', { at: T2, release: '2.0.2' }, 'passed', []],
    ['sent 1 ms before T1 (not owed)', { at: ms(T1, -1), release: '2.0.2' }, 'passed', []],
    ['sent after T2 in 2.3', { at: T2, release: '2.3' }, 'failed', ['schema']],
    ['never sent', undefined, 'failed', ['lost']],
  ] as const)('%s', (_label, answer, verdict, categories) => {
    expect(verdictOf(scene(answer))).toEqual({ verdict, categories });
  });
  it('is not-tested when the scenario ends before T2 or the switch stays closed', () => {
    expect(verdictOf(scene(undefined, ms(T2, -1))).verdict).toBe('not-tested');
    expect(verdictOf(scene(undefined, ms(T2, 3_600_000), true)).verdict).toBe('not-tested');
    expect(verdictOf(scene(undefined, T2)).verdict).toBe('failed');
  });
});

describe.each([
  ['ING-3.3', '2.0.2'] as const,
  ['ING-3.6', '2.3'] as const,
])('%s: a %s retour after T2 lands on the heen its Identificatie names', (id, release) => {
  /** Two heen of the same name and Bsn; retours come in reverse order, the second rejecting. */
  const scene = (listing: { outgoing: ReadonlyArray<Partial<Omit<OutgoingEntry, 'retourCodes'>> & { retourCodes?: readonly string[] }>; incoming: Array<Partial<IncomingEntry>> }, how: { status?: number; deliveredAt?: typeof T2 } = {}) => {
    const b = new ObservationsBuilder();
    const sentAt = release === '2.0.2' ? ms(T0, -60_000) : T2;
    const first = b.event(toekenning(1, 'B0363-000001'), sentAt);
    const second = b.event(toekenning(1, 'B0363-000002'), sentAt);
    const h1 = ownHeen(first.intent, 'G0363000001', sentAt, release);
    const h2 = ownHeen(second.intent, 'G0363000002', sentAt, release);
    b.submit(sentAt, h1);
    b.submit(sentAt, h2);
    const deliveredAt = how.deliveredAt ?? ms(T2, 60_000);
    b.deliver(deliveredAt, retour(h2, 'C0000000002', deliveredAt, ['0001']), how.status ?? 202);
    b.deliver(ms(deliveredAt, 1), retour(h1, 'C0000000001', deliveredAt, ['0200']));
    const base = { intentId: 'i', bericht: 'WMO501' as const, release, status: 'answered' as const };
    b.state(ms(T2, 3_600_000), {
      outgoing: listing.outgoing.map((o, i) => ({ ...base, identificatie: `G036300000${i + 1}`, ...o, retourCodes: [...(o.retourCodes ?? [])] })),
      incoming: listing.incoming.map((i) => ({ bericht: 'WMO502', release, identificatie: '', status: 'processed', retour: null, ...i })),
    });
    return run(id, b);
  };
  const rightIncoming = [{ identificatie: 'C0000000002', heen: 'G0363000002' }, { identificatie: 'C0000000001', heen: 'G0363000001' }];
  it.each([
    ['each heen shows its own retour\'s codes', [{ retourCodes: ['0200'] }, { retourCodes: ['0001'] }], rightIncoming, 'passed'],
    ['the codes are swapped (correlated by order)', [{ retourCodes: ['0001'] }, { retourCodes: ['0200'] }], rightIncoming, 'failed'],
    ['a heen is still sent', [{ retourCodes: ['0200'] }, { status: 'sent' as const }], rightIncoming, 'failed'],
    ['a retour is listed as rejected', [{ retourCodes: ['0200'] }, { retourCodes: ['0001'] }], [{ ...rightIncoming[0], status: 'rejected' as const }, rightIncoming[1]], 'failed'],
    ['a retour names another heen', [{ retourCodes: ['0200'] }, { retourCodes: ['0001'] }], [{ ...rightIncoming[0], heen: 'G0363000001' }, rightIncoming[1]], 'failed'],
    ['a retour is not listed', [{ retourCodes: ['0200'] }, { retourCodes: ['0001'] }], [rightIncoming[1]], 'failed'],
    ['a heen is not listed', [{ retourCodes: ['0200'] }], rightIncoming, 'failed'],
    ['a heen is listed in the other release', [{ retourCodes: ['0200'] }, { retourCodes: ['0001'], release: release === '2.3' ? '2.0.2' as const : '2.3' as const }], rightIncoming, 'failed'],
  ] as const)('%s', (_label, outgoing, incoming, verdict) => {
    const result = scene({ outgoing: [...outgoing], incoming: [...incoming] as Array<Partial<IncomingEntry>> });
    expect(verdictOf(result).verdict).toBe(verdict);
    for (const f of result.findings) expect(f).toMatchObject({ requirement: id, category: 'correlation' });
  });
  it('fails a retour the party refused, naming it and its heen', () => {
    const result = scene({ outgoing: [{ retourCodes: ['0200'] }, { status: 'sent' }], incoming: [rightIncoming[1]!] }, { status: 400 });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.messageIds).toEqual(['C0000000002', 'G0363000002']);
    expect(result.findings[0]?.happened).toMatch(/answered its delivery 400/);
  });
  it('leaves retours delivered before T2 to other checks', () => {
    expect(verdictOf(scene({ outgoing: [], incoming: [] }, { deliveredAt: ms(T2, -2) })).verdict).toBe('passed');
    expect(verdictOf(scene({ outgoing: [], incoming: [] }, { deliveredAt: T2 })).verdict).toBe('failed');
  });
});

describe('Ingebruikname findings say what was expected by when, what happened, which messages', () => {
  it('ING-3.1: every heen from T2 not valid 2.3, with its release, XSD error and answer', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, 1));
    b.submit(T2, ownHeen(e.intent, 'G0363000001', T2, '2.0.2'), { code: 'IB004' });
    b.submit(ms(T2, 1), ownHeen(e.intent, 'G0363000002', ms(T2, 1), '2.3'), { code: 'IB001', xsdValid: false });
    b.submit(ms(T2, 2), ownHeen(e.intent, 'G0363000003', ms(T2, 2), '2.3'), { entry: { release: null } });
    expect(run('ING-3.1', b).findings).toMatchInlineSnapshot(`
      [
        {
          "category": "schema",
          "expected": "every heen submitted from the go-live Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) valid iPgb 2.3",
          "happened": "3 heen were not: WMO501 G0363000001 at Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) in 2.0.2 → IB004; WMO501 G0363000002 at Wed 2026-04-01 09:00:00.001 Europe/Amsterdam (07:00:00.001Z) in 2.3, XSD-invalid (cvc-complex-type: unexpected element) → IB001; WMO501 G0363000003 at Wed 2026-04-01 09:00:00.002 Europe/Amsterdam (07:00:00.002Z) in an unknown release → accepted",
          "messageIds": [
            "G0363000001",
            "G0363000002",
            "G0363000003",
          ],
          "requirement": "ING-3.1",
        },
      ]
    `);
  });

  it('ING-3.2: a heen never answered, and one answered in the wrong release', () => {
    const b = new ObservationsBuilder();
    const silent = svbHeen(1, 'S00000000001', T2, '2.3');
    b.deliver(T2, silent, 400);
    const wrong = svbHeen(2, 'S00000000002', T2, '2.3');
    b.deliver(T2, wrong);
    const r = retour(wrong, 'R0363000002', T2);
    b.submit(ms(T2, 1), { ...r, release: '2.0.2' } as typeof r, { code: 'IB004' });
    expect(run('ING-3.2', b).findings).toMatchInlineSnapshot(`
      [
        {
          "category": "correlation",
          "expected": "a valid 2.3 retour on WMO507 S00000000001 (delivered Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)) accepted by the switch",
          "happened": "no retour on it was submitted (the party answered its delivery 400)",
          "messageIds": [
            "S00000000001",
          ],
          "requirement": "ING-3.2",
        },
        {
          "category": "schema",
          "expected": "a valid 2.3 retour on WMO507 S00000000002 (delivered Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)) accepted by the switch",
          "happened": "its retour attempts were: 2.0.2 at Wed 2026-04-01 09:00:00.001 Europe/Amsterdam (07:00:00.001Z) → IB004",
          "messageIds": [
            "S00000000002",
            "R0363000002",
          ],
          "requirement": "ING-3.2",
        },
      ]
    `);
  });

  it('ING-3.4: an owed retour never sent, and one sent in 2.3', () => {
    const b = new ObservationsBuilder();
    const never = svbHeen(1, 'S00000000001', ms(T1, -60_000));
    b.deliver(ms(T1, -60_000), never, 0);
    const wrong = svbHeen(2, 'S00000000002', ms(T1, -60_000));
    b.deliver(ms(T1, -60_000), wrong);
    const r = retour(wrong, 'R0363000002', T2);
    b.submit(T2, { ...r, release: '2.3' } as typeof r, { code: 'IB001', status: 400, xsdValid: false });
    b.visit(ms(T2, 1));
    expect(run('ING-3.4', b).findings).toMatchInlineSnapshot(`
      [
        {
          "category": "lost",
          "expected": "the retour still owed at its retour stop Mon 2026-03-30 17:00:00.000 Europe/Amsterdam (15:00:00.000Z) on 2.0.2 WMO507 S00000000001 sent after the go-live Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) in 2.0.2 and accepted",
          "happened": "no retour on it was submitted (the party answered its delivery not at all)",
          "messageIds": [
            "S00000000001",
          ],
          "requirement": "ING-3.4",
        },
        {
          "category": "schema",
          "expected": "the retour still owed at its retour stop Mon 2026-03-30 17:00:00.000 Europe/Amsterdam (15:00:00.000Z) on 2.0.2 WMO507 S00000000002 sent after the go-live Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) in 2.0.2 and accepted",
          "happened": "its retour attempts were: 2.3 at Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) → IB001",
          "messageIds": [
            "S00000000002",
            "R0363000002",
          ],
          "requirement": "ING-3.4",
        },
      ]
    `);
  });

  it.each([['ING-3.3', '2.0.2'], ['ING-3.6', '2.3']] as const)('%s: a %s retour the party lists on no heen', (id, release) => {
    const b = new ObservationsBuilder();
    const sentAt = release === '2.0.2' ? ms(T0, -60_000) : T2;
    const e = b.event(toekenning(1), sentAt);
    const heen = ownHeen(e.intent, 'G0363000001', sentAt, release);
    b.submit(sentAt, heen);
    b.deliver(ms(T2, 60_000), retour(heen, 'C0000000001', ms(T2, 60_000), ['0001']));
    b.state(ms(T2, 120_000), { outgoing: [], incoming: [{ bericht: 'WMO502', release, identificatie: 'C0000000001', status: 'rejected', retour: null }] });
    const [finding] = run(id, b).findings;
    expect(finding).toEqual({
      requirement: id, category: 'correlation',
      expected: `${id === 'ING-3.3' ? 'late 2.0.2' : '2.3'} retour WMO502 C0000000001 (delivered Wed 2026-04-01 09:01:00.000 Europe/Amsterdam (07:01:00.000Z)) taken (202), processed and correlated by its Identificatie to the party's heen G0363000001, which shows its RetourCodes`,
      happened: 'the party lists the retour as rejected (heen none) and its heen WMO501 G0363000001 as absent, where the retour carries RetourCodes [0001]',
      messageIds: ['C0000000001', 'G0363000001'],
    });
  });

  it('ING-3.3 and ING-3.6 judge only retours on a heen the switch accepted from the party, in their own release', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, -60_000));
    const refused = ownHeen(e.intent, 'G0363000001', ms(T0, -60_000), '2.0.2');
    b.submit(ms(T0, -60_000), refused, { code: 'IB103' });
    const accepted = ownHeen(e.intent, 'G0363000002', T2, '2.3');
    b.submit(T2, accepted);
    b.deliver(ms(T2, 1), retour(refused, 'C0000000001', ms(T2, 1)));
    b.deliver(ms(T2, 2), retour(accepted, 'C0000000002', ms(T2, 2)));
    b.state(ms(T2, 3), { outgoing: [], incoming: [] });
    expect(verdictOf(run('ING-3.3', b))).toEqual({ verdict: 'passed', categories: [] });
    expect(run('ING-3.6', b).findings.map((f) => f.messageIds)).toEqual([['C0000000002', 'G0363000002']]);
  });
});

describe('Ingebruikname checks at the edges of what they judge', () => {
  const retour23 = (heen: ReturnType<typeof svbHeen>, id: string, t: typeof T2) => retour(heen, id, t);
  it('ING-3.2 judges 2.3 heen delivered from T2 on, nothing else', () => {
    const b = new ObservationsBuilder();
    b.deliver(T2, svbHeen(1, 'S00000000001', T2, '2.3'));
    b.deliver(ms(T2, -1), svbHeen(2, 'S00000000002', ms(T2, -1), '2.3'));
    b.deliver(ms(T2, 1), svbHeen(3, 'S00000000003', ms(T2, 1), '2.0.2'));
    const own = ownHeen(toekenning(1), 'G0363000001', T2, '2.3');
    b.deliver(ms(T2, 2), retour23(own as never, 'C0000000001', ms(T2, 2)));
    b.visit(ms(T2, 3_600_000));
    const result = run('ING-3.2', b);
    expect(result.findings.map((f) => f.messageIds)).toEqual([['S00000000001']]);
  });
  it('ING-3.2 and ING-3.4 name each open duty', () => {
    const b = new ObservationsBuilder();
    b.deliver(ms(T2, 1), svbHeen(1, 'S00000000001', ms(T2, 1), '2.3'));
    b.deliver(ms(T1, -1), svbHeen(2, 'S00000000002', ms(T1, -1)));
    b.visit(ms(T2, -1));
    b.blocks.push({ from: T2, until: ms(T2, 86_400_000), scope: 'all' });
    b.visit(ms(T2, 2));
    expect(run('ING-3.2', b).notDue).toEqual([{ duty: 'a valid 2.3 retour on WMO507 S00000000001' }]);
    expect(run('ING-3.4', b).notDue).toEqual([{ duty: 'the retour owed at its retour stop on WMO507 S00000000002 sent after the go-live in 2.0.2' }]);
  });
  it.each([
    ['delivered at T1: no longer owed at T1', T1, [], 'passed', []],
    ['refused before T1, then nothing: lost', ms(T1, -1), [{ at: ms(T1, -1), release: '2.0.2', code: 'IB103' }], 'failed', ['lost']],
    ['refused in the transition only: lost', ms(T1, -1), [{ at: T1, release: '2.0.2', code: 'IB103' }], 'failed', ['lost']],
    ['refused after T2 in 2.0.2 (blocked): not sent', ms(T1, -1), [{ at: T2, release: '2.0.2', code: 'IB103' }], 'failed', ['schema']],
    ['accepted after T2 in 2.3', ms(T1, -1), [{ at: T2, release: '2.3' }], 'failed', ['schema']],
  ] as const)('ING-3.4: a 2.0.2 heen %s', (_label, deliveredAt, answers, verdict, categories) => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', deliveredAt);
    b.deliver(deliveredAt, heen);
    for (const a of answers) {
      const r = retour(heen, 'R0363000001', a.at);
      b.submit(a.at, { ...r, release: a.release } as typeof r, 'code' in a ? { code: a.code } : {});
    }
    b.visit(ms(T2, 3_600_000));
    expect(verdictOf(run('ING-3.4', b))).toEqual({ verdict, categories });
  });
  it('ING-3.4 leaves delivered retours and 2.3 heen to other duties', () => {
    const b = new ObservationsBuilder();
    b.deliver(ms(T1, -2), svbHeen(1, 'S00000000001', ms(T1, -2), '2.3'));
    const own = ownHeen(toekenning(1), 'G0363000001', ms(T0, -60_000));
    b.deliver(ms(T1, -1), retour(own as never, 'C0000000001', ms(T1, -1)));
    b.visit(ms(T2, 3_600_000));
    expect(verdictOf(run('ING-3.4', b))).toEqual({ verdict: 'passed', categories: [] });
  });
  it('ING-3.6 leaves a 2.0.2 retour on an Identificatie whose 2.3 re-offer was accepted to ING-3.3, which has no 2.0.2 heen for it', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, -60_000));
    const old = ownHeen(e.intent, 'G0363000001', ms(T0, -60_000), '2.0.2');
    b.submit(ms(T0, -60_000), old, { code: 'IB103' });
    b.submit(T2, ownHeen(e.intent, 'G0363000001', T2, '2.3'));
    b.deliver(T2, retour(old, 'C0000000001', T2));
    b.state(ms(T2, 1), { outgoing: [], incoming: [] });
    expect(verdictOf(run('ING-3.6', b))).toEqual({ verdict: 'passed', categories: [] });
    expect(verdictOf(run('ING-3.3', b))).toEqual({ verdict: 'passed', categories: [] });
  });
  it('ING-3.3 judges a retour delivered at T2 itself, and one on a 2.3 heen not at all', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(T0, -60_000));
    const old = ownHeen(e.intent, 'G0363000001', ms(T0, -60_000), '2.0.2');
    b.submit(ms(T0, -60_000), old);
    const e2 = b.event(toekenning(2), T2);
    const now = ownHeen(e2.intent, 'G0363000002', T2, '2.3');
    b.submit(T2, now);
    b.deliver(T2, retour(old, 'C0000000001', T2));
    b.deliver(T2, { ...retour(now, 'C0000000002', T2), release: '2.0.2' } as never);
    expect(run('ING-3.3', b).findings.map((f) => [f.messageIds, f.happened])).toEqual([[['C0000000001', 'G0363000001'], 'the suite has no state of the party']]);
  });
});

describe('ING-3.4 reads the ledger at the retour stop and the go-live exactly', () => {
  it.each([
    ['accepted at T1 itself: still owed, never sent after T2', T1, 'failed'],
    ['accepted in 2.0.2 during the transition: not sent after T2', ms(T1, 3_600_000), 'failed'],
    ['accepted 1 ms before T1', ms(T1, -1), 'passed'],
  ] as const)('a retour %s', (_label, t, verdict) => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', ms(T1, -60_000));
    b.deliver(ms(T1, -60_000), heen);
    b.submit(t, retour(heen, 'R0363000001', t));
    b.visit(ms(T2, 3_600_000));
    expect(verdictOf(run('ING-3.4', b)).verdict).toBe(verdict);
  });
});
