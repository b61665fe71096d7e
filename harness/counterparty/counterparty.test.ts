import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock/virtual-clock.js';
import { retourOn, syntheticBsn, type Heenbericht } from '../messages/index.js';
import { createValidator, validateMessage, type XsdValidator } from '../validation/index.js';
import { sampleHeen } from '../switch/sample-traffic.test-support.js';
import { Counterparty, type CounterpartyHeenSpec, type Offer } from './counterparty.js';
import { loadCalendar } from '../../fixtures/calendars/calendars.js';

const cal = loadCalendar('ipgb-2026');
let validator: XsdValidator;
beforeAll(async () => { validator = await createValidator(); });
afterAll(() => validator.dispose());

function svbOpposite0363(start = cal.heenStop.minus({ hours: 1 })) {
  const clock = new VirtualClock(start, cal.zone);
  return { clock, cp: new Counterparty({ clock, calendar: cal, putRole: 'gemeente', putIdentity: '0363' }) };
}
const expectValid = (offers: Offer[]) => {
  for (const o of offers) expect(validateMessage(o.xml, validator)).toMatchObject({ ok: true, xsd: { valid: true } });
};
const afsluiting = (n = 1): CounterpartyHeenSpec => ({
  kind: 'budgetafsluiting', wet: 'WMO', bsn: syntheticBsn(n),
  spent: [{ budgetId: `B${n}`, code: '01', period: { start: cal.heenStop.minus({ months: 2 }).toISODate() ?? '' }, amount: 1200, reason: '1' }],
});

describe('Counterparty opposite a gemeente', () => {
  it('plays the SVB only', () => {
    const { cp } = svbOpposite0363();
    expect([cp.knows('SVB'), cp.knows('0363'), cp.knows('5501')]).toEqual([true, false, false]);
  });

  it('answers a heen at once with 0200 and its Client, in the heen\'s release', () => {
    const { cp, clock } = svbOpposite0363();
    cp.receiveHeen(sampleHeen({ release: '2.0.2', identificatie: 'G1', at: clock.now() }));
    const [offer, ...rest] = [...cp.due()];
    expect(rest).toEqual([]);
    expect(offer?.bericht).toMatchObject({ family: '502', release: '2.0.2', header: { retourCodes: ['0200'], afzender: '0363', berichtIdentificatie: { identificatie: 'G1' }, dagtekeningRetour: clock.now().toISODate() } });
    expect(offer?.bericht.client).toBeDefined();
    expectValid([...cp.due()]);
    cp.settle(offer!.key, true);
    expect([...cp.due()]).toEqual([]);
  });

  it('builds each retour of a backlog from its heen as it came in, though the heen waited packed outside the heap', () => {
    const { cp, clock } = svbOpposite0363();
    const wets = ['WMO', 'JW', 'WLZ'] as const;
    // Enough heen to fill more than one 1 MiB chunk of packed heen, of every law and both kinds.
    const heens = Array.from({ length: 6_000 }, (_, i) => sampleHeen({
      release: '2.0.2', identificatie: `G${i + 1}`, at: clock.now(), wet: wets[i % 3], ...(i % 5 === 0 ? { kind: 'budgetafsluiting' as const } : {}),
    }));
    for (const heen of heens) cp.receiveHeen(heen);
    const offers = [...cp.due()];
    expect(offers).toHaveLength(heens.length);
    offers.forEach((offer, i) => {
      const { header, client } = offer.bericht as { header: { identificatieRetour: string; retourCodes: string[] }; client?: unknown };
      const expected = retourOn(heens[i] as Heenbericht, {
        identificatieRetour: header.identificatieRetour, dagtekeningRetour: clock.now().toISODate() ?? '', retourCodes: header.retourCodes, withClient: client !== undefined,
      });
      expect(offer.bericht).toStrictEqual(expected);
    });
    for (const offer of offers) cp.settle(offer.key, true);
    expect([...cp.due()]).toEqual([]);
  });

  it('rejects a heen whose Bsn fails the 11-test with a header-only retour', () => {
    const { cp, clock } = svbOpposite0363();
    const heen = sampleHeen({ release: '2.0.2', identificatie: 'G1', at: clock.now() }) as Heenbericht & { family: '501' };
    heen.client.bsn = '111111111';
    cp.receiveHeen(heen);
    const retour = [...cp.due()][0]?.bericht;
    expect(retour).toMatchObject({ header: { retourCodes: ['0001'] } });
    expect(retour).not.toHaveProperty('client');
  });

  it('answers a reused Identificatie with 9056 and a follow-up 501 before the previous retour with 9507', () => {
    const { cp, clock } = svbOpposite0363();
    cp.receiveHeen(sampleHeen({ release: '2.0.2', identificatie: 'G1', at: clock.now() }));
    cp.receiveHeen(sampleHeen({ release: '2.0.2', identificatie: 'G1', at: clock.now() }));
    cp.receiveHeen(sampleHeen({ release: '2.0.2', identificatie: 'G2', at: clock.now() }));
    expect([...cp.due()].map((o) => o.bericht.header)).toMatchObject([{ retourCodes: ['0200'] }, { retourCodes: ['9056'] }, { retourCodes: ['9507'] }]);
    for (const o of [...cp.due()]) cp.settle(o.key, true);
    cp.receiveHeen(sampleHeen({ release: '2.0.2', identificatie: 'G3', at: clock.now() }));
    expect([...cp.due()][0]?.bericht.header).toMatchObject({ retourCodes: ['0200'] });
  });

  it('follows a scripted late answer: only after T2, still in 2.0.2', () => {
    const { cp, clock } = svbOpposite0363();
    const late = cal.goLive.plus({ hours: 1 });
    cp.answerPlan(() => ({ at: late }));
    cp.receiveHeen(sampleHeen({ release: '2.0.2', identificatie: 'G1', at: clock.now() }));
    for (const t of [clock.now(), cal.retourStop.minus({ milliseconds: 1 }), cal.goLive]) {
      clock.advanceTo(t);
      expect([...cp.due()]).toEqual([]);
    }
    clock.advanceTo(late);
    const offers = [...cp.due()];
    expect(offers.map((o) => [o.bericht.family, o.bericht.release, o.bericht.header.berichtIdentificatie.identificatie])).toEqual([['502', '2.0.2', 'G1']]);
    expectValid(offers);
  });

  it('never answers when told so', () => {
    const { cp, clock } = svbOpposite0363();
    cp.answerPlan(() => ({ never: true }));
    cp.receiveHeen(sampleHeen({ release: '2.0.2', identificatie: 'G1', at: clock.now() }));
    expect([...cp.due()]).toEqual([]);
  });

  it('sends its heen in the release of the moment and holds it in [T0, T2)', () => {
    const { cp, clock } = svbOpposite0363();
    const before = cp.heen(afsluiting(1));
    expect(before.bericht).toMatchObject({ family: '507', release: '2.0.2', header: { ontvanger: '0363' } });
    clock.advanceTo(cal.heenStop);
    cp.heen(afsluiting(2));
    expect([...cp.due()]).toEqual([]);
    clock.advanceTo(cal.goLive);
    const offers = [...cp.due()];
    expect(offers.map((o) => o.bericht.release)).toEqual(['2.3', '2.3']);
    expectValid(offers);
    const ids = offers.map((o) => o.bericht.header.berichtIdentificatie.identificatie);
    expect(new Set(ids).size).toBe(2);
    expect(ids.every((id) => id.length <= 12)).toBe(true);
  });

  it('re-offers a refused heen later (not at the same moment), keeping its Identificatie', () => {
    const { cp, clock } = svbOpposite0363();
    const first = cp.heen(afsluiting());
    expect([...cp.due()].map((o) => o.key)).toEqual([first.key]);
    cp.settle(first.key, false);
    expect([...cp.due()]).toEqual([]);
    clock.advanceBy(60_000);
    const again = [...cp.due()];
    expect(again.map((o) => o.key)).toEqual([first.key]);
    cp.settle(first.key, false);
    clock.advanceTo(cal.goLive.plus({ days: 1 }));
    const rebuilt = [...cp.due()][0];
    expect(rebuilt?.bericht).toMatchObject({ release: '2.3', header: { berichtIdentificatie: { identificatie: first.bericht.header.berichtIdentificatie.identificatie, dagtekening: clock.now().toISODate() } } });
    cp.settle(first.key, true);
    expect([...cp.due()]).toEqual([]);
    expect(() => cp.settle(first.key, true)).toThrow(/cannot settle .*Fix:/);
  });

  it('builds a heen in a forced release without queueing it, for robustness tests', () => {
    const { cp, clock } = svbOpposite0363();
    clock.advanceTo(cal.goLive);
    const forced = cp.heen(afsluiting(), { release: '2.0.2' });
    expect(forced.bericht.release).toBe('2.0.2');
    expect([...cp.due()]).toEqual([]);
    expectValid([forced]);
  });

  it('correlates the party\'s retour to its heen', () => {
    const { cp } = svbOpposite0363();
    const offer = cp.heen(afsluiting());
    cp.settle(offer.key, true);
    const id = offer.bericht.header.berichtIdentificatie.identificatie;
    expect(cp.answered(id)).toBeUndefined();
    const heen = offer.bericht as Heenbericht;
    const stranger = retourOn({ ...heen, header: { ...heen.header, berichtIdentificatie: { ...heen.header.berichtIdentificatie, identificatie: 'X1' } } },
      { identificatieRetour: 'R1', dagtekeningRetour: '2000-01-01', retourCodes: ['0200'] });
    expect(cp.receiveRetour(stranger)).toBe(false);
    expect(cp.receiveRetour(retourOn(heen, { identificatieRetour: 'R2', dagtekeningRetour: '2000-01-01', retourCodes: ['0200'] }))).toBe(true);
    expect(cp.answered(id)).toEqual(['0200']);
  });
});

describe('Counterparty opposite an SVB', () => {
  it('plays gemeenten and a zorgkantoor, sends 501s, and holds a follow-up 501 until the previous is answered (TR507)', () => {
    const clock = new VirtualClock(cal.heenStop.minus({ hours: 2 }), cal.zone);
    const cp = new Counterparty({ clock, calendar: cal, putRole: 'svb', putIdentity: 'SVB' });
    expect(['0363', '0599', '5501', 'SVB'].map((id) => cp.knows(id))).toEqual([true, true, true, false]);
    expect(() => cp.heen(afsluiting())).toThrow(/cannot send a 507 .* as "SVB".*Fix:/);
    const budget = { id: 'B9', issued: clock.now().toISODate() ?? '', period: { start: clock.now().toISODate() ?? '' }, functions: [{ code: '99', amount: 1000 }] };
    const first = cp.heen({ kind: 'toekenning', wet: 'WLZ', bsn: syntheticBsn(3), budget });
    const followUp = cp.heen({ kind: 'toekenning', wet: 'WLZ', bsn: syntheticBsn(3), budget });
    expect(first.bericht.header.afzender).toBe('5501');
    expect([...cp.due()].map((o) => o.key)).toEqual([first.key]);
    cp.settle(first.key, true);
    expect([...cp.due()]).toEqual([]);
    cp.receiveRetour(retourOn(first.bericht as Heenbericht, { identificatieRetour: 'R1', dagtekeningRetour: clock.now().toISODate() ?? '', retourCodes: ['0200'] }));
    const next = [...cp.due()];
    expect(next.map((o) => o.key)).toEqual([followUp.key]);
    expectValid(next);
  });
});
