import { describe, expect, it } from 'vitest';
import { carriesHeen, observedTraffic, refusedByParty } from './traffic.js';
import { CAL, LedgerBuilder, event, heenFor, retourFor, toekenning } from '../../fixtures/verdicts/ledger-observations.js';

const t0 = CAL.heenStop;
const at = (minutes: number) => t0.minus({ minutes });

describe('carriesHeen', () => {
  it('is true for a 501 or 507 only', () => {
    expect(carriesHeen('WMO501')).toBe(true);
    expect(carriesHeen('JW507')).toBe(true);
    expect(carriesHeen('WMO502')).toBe(false);
    expect(carriesHeen('WLZ508')).toBe(false);
    expect(carriesHeen(null)).toBe(false);
  });
});

describe('observedTraffic: the ledger seen from the party', () => {
  it("takes the party's own submissions only, heen and retour apart", () => {
    const ledger = new LedgerBuilder();
    const heen = heenFor(toekenning(1), 'G1');
    ledger.submit(heen, at(30));
    ledger.submit(heenFor(toekenning(2), 'G2'), at(29), 202, { origin: 'counterparty' });
    ledger.submit(retourFor(heenFor(toekenning(3), 'S9'), 'R1'), at(28));
    ledger.submit(heen, at(27), 202, { name: null, xmlHash: 'unreadable' });
    const traffic = observedTraffic(ledger.observations());
    expect(traffic.submissions.map((s) => s.id)).toEqual(['G1', 'R1', '(unreadab)']);
    expect(traffic.heenSubmissions.map((s) => s.id)).toEqual(['G1']);
    expect(traffic.retourSubmissions.map((s) => s.id)).toEqual(['R1']);
  });

  it('counts a message as accepted on a 202 only', () => {
    const ledger = new LedgerBuilder();
    ledger.submit(heenFor(toekenning(1), 'G1'), at(3), 202);
    ledger.submit(heenFor(toekenning(2), 'G2'), at(2), 200);
    ledger.submit(heenFor(toekenning(3), 'G3'), at(1), 400);
    expect(observedTraffic(ledger.observations()).submissions.map((s) => s.accepted)).toEqual([true, false, false]);
  });

  it('reads the moment in the calendar zone and refers a heen and its retour to the same heen', () => {
    const ledger = new LedgerBuilder();
    const heen = heenFor(toekenning(1), 'G1');
    ledger.submit(heen, at(30));
    ledger.submit(retourFor(heen, 'R1'), at(20));
    const [h, r] = observedTraffic(ledger.observations()).submissions;
    expect(h!.at.zoneName).toBe('Europe/Amsterdam');
    expect(h!.at.toMillis()).toBe(at(30).toMillis());
    expect(h!.heenRef).toBe('WMO501|G1');
    expect(r!.heenRef).toBe('WMO501|G1');
    expect(r!.id).toBe('R1');
    expect(h!.bericht).toBe(heen);
  });

  it('has no heen reference without a name or an Identificatie, and names a message without an id by its hash', () => {
    const ledger = new LedgerBuilder();
    const heen = heenFor(toekenning(1), 'G1');
    ledger.submit(heen, at(3), 202, { name: null });
    ledger.submit(heen, at(2), 202, { identificatie: null, xmlHash: 'abcdef0123456789' });
    ledger.submit(retourFor(heen, 'R1'), at(1), 202, { identificatieRetour: null, xmlHash: '99887766554433' });
    const [noName, noId, retour] = observedTraffic(ledger.observations()).submissions;
    expect(noName!.heenRef).toBeUndefined();
    expect(noId!.heenRef).toBeUndefined();
    expect(noId!.id).toBe('(abcdef01)');
    expect(retour!.id).toBe('(99887766)');
    expect(retour!.heenRef).toBe('WMO501|G1');
  });

  it('lists each delivered body once, leaving out hostile ones, and finds a delivery by its heen', () => {
    const ledger = new LedgerBuilder();
    const h1 = heenFor(toekenning(1), 'S1');
    ledger.deliver(h1, at(10), 202, { xmlHash: 'same' });
    ledger.deliver(h1, at(9), 400, { xmlHash: 'same' });
    ledger.deliver(heenFor(toekenning(2), 'S2'), at(8), 400, { xmlHash: 'evil' });
    ledger.deliver(heenFor(toekenning(3), 'S3'), at(7), 0);
    ledger.submit(heenFor(toekenning(4), 'G4'), at(6));
    // A delivery is never a submission of the party's, whoever offered its body.
    ledger.deliver(heenFor(toekenning(5), 'S5'), at(5), 202, { origin: 'put' });
    const obs = ledger.observations([], { hostile: [{ label: 'x', at: at(8), expectation: 'refuse', status: 400, xmlHash: 'evil', identificatie: 'S2' }] });
    const traffic = observedTraffic(obs);
    expect(traffic.deliveries.map((d) => [d.id, d.entry.status])).toEqual([['S1', 202], ['S3', 0], ['S5', 202]]);
    expect(traffic.deliveryOf('WMO501|S1')?.entry.status).toBe(202);
    expect(traffic.deliveryOf('WMO501|S2')).toBeUndefined();
    expect(traffic.submissions.map((x) => x.id)).toEqual(['G4']);
  });

  it('groups retours by the heen they answer', () => {
    const ledger = new LedgerBuilder();
    const h1 = heenFor(toekenning(1), 'S1');
    const h2 = heenFor(toekenning(2), 'S2');
    ledger.submit(retourFor(h1, 'R1'), at(3));
    ledger.submit(retourFor(h2, 'R2'), at(2));
    ledger.submit(retourFor(h1, 'R3'), at(1), 400);
    ledger.submit(retourFor(h1, 'R4'), at(1), 202, { identificatie: null });
    const traffic = observedTraffic(ledger.observations());
    expect(traffic.retoursOn('WMO501|S1').map((r) => r.id)).toEqual(['R1', 'R3']);
    expect(traffic.retoursOn('WMO501|S2').map((r) => r.id)).toEqual(['R2']);
    expect(traffic.retoursOn('WMO501|S3')).toEqual([]);
  });
});

describe('observedTraffic: which heen carries which business event', () => {
  it('puts every attempt on its event and the accepted ones apart', () => {
    const ledger = new LedgerBuilder();
    const intent = toekenning(1);
    ledger.submit(heenFor(intent, 'G1'), at(20), 503);
    ledger.submit(heenFor(intent, 'G1'), at(10), 202);
    const { trails, strays } = observedTraffic(ledger.observations([event('i-1', intent, at(30))]));
    expect(trails).toHaveLength(1);
    expect(trails[0]!.event.intentId).toBe('i-1');
    expect(trails[0]!.attempts.map((a) => a.entry.status)).toEqual([503, 202]);
    expect(trails[0]!.accepted.map((a) => a.entry.status)).toEqual([202]);
    expect(strays).toEqual([]);
  });

  it('never gives a message to an event created after it, but to one created at the same moment', () => {
    const ledger = new LedgerBuilder();
    const intent = toekenning(1);
    ledger.submit(heenFor(intent, 'G1'), at(10));
    const later = observedTraffic(ledger.observations([event('i-1', intent, at(10).plus({ milliseconds: 1 }))]));
    expect(later.trails[0]!.attempts).toEqual([]);
    expect(later.strays.map((s) => s.id)).toEqual(['G1']);
    const same = observedTraffic(ledger.observations([event('i-1', intent, at(10))]));
    expect(same.trails[0]!.attempts.map((a) => a.id)).toEqual(['G1']);
  });

  it('tells a TR507 follow-up from the first toekenning of the same budget by its content', () => {
    const ledger = new LedgerBuilder();
    const first = toekenning(1);
    const followUp = toekenning(1, { previousId: 'B1' });
    ledger.submit(heenFor(followUp, 'G2'), at(10));
    ledger.submit(heenFor(first, 'G1'), at(9));
    const { trails } = observedTraffic(ledger.observations([event('i-1', first, at(30)), event('i-2', followUp, at(30))]));
    expect(trails.map((t) => t.accepted.map((a) => a.id))).toEqual([['G1'], ['G2']]);
  });

  it('gives an altered message to the oldest event of its key still without an accepted heen', () => {
    const ledger = new LedgerBuilder();
    const a = toekenning(1);
    const b = toekenning(1, { previousId: 'B1' });
    const c = toekenning(1, { previousId: 'B0' });
    const alteredContent = toekenning(1, { functions: [{ code: '01', amount: 2500 }] });
    ledger.submit(heenFor(a, 'G1'), at(10));
    ledger.submit(heenFor(alteredContent, 'G2'), at(9));
    const { trails, strays } = observedTraffic(ledger.observations([event('i-1', a, at(30)), event('i-2', b, at(30)), event('i-3', c, at(30))]));
    expect(trails.map((t) => t.attempts.map((x) => x.id))).toEqual([['G1'], ['G2'], []]);
    expect(strays).toEqual([]);
  });

  it('calls a heen line whose body is a retour stray, never an event\'s heen', () => {
    const ledger = new LedgerBuilder();
    const intent = toekenning(1);
    ledger.submit(retourFor(heenFor(intent, 'G1'), 'R1'), at(10), 202, { name: 'WMO501' });
    const { trails, strays } = observedTraffic(ledger.observations([event('i-1', intent, at(30))]));
    expect(strays.map((s) => s.id)).toEqual(['G1']);
    expect(trails[0]!.attempts).toEqual([]);
  });

  it('gives an altered message to the last event of its key when every one has an accepted heen', () => {
    const ledger = new LedgerBuilder();
    const a = toekenning(1);
    const b = toekenning(1, { previousId: 'B1' });
    ledger.submit(heenFor(a, 'G1'), at(10));
    ledger.submit(heenFor(b, 'G2'), at(9));
    ledger.submit(heenFor(toekenning(1, { issued: '2026-01-01' }), 'G3'), at(8));
    const { trails } = observedTraffic(ledger.observations([event('i-1', a, at(30)), event('i-2', b, at(30))]));
    expect(trails.map((t) => t.attempts.map((x) => x.id))).toEqual([['G1'], ['G2', 'G3']]);
  });

  it('calls a heen stray when it matches no event (another Bsn or budget), or cannot be read', () => {
    const ledger = new LedgerBuilder();
    ledger.submit(heenFor(toekenning(1, {}, '999990777'), 'G1'), at(10));
    ledger.submit(heenFor(toekenning(1), 'G2'), at(9), 202, { xmlHash: 'unread' });
    const obs = ledger.observations([event('i-1', toekenning(1), at(30))]);
    const unreadable = { ...obs, messageOf: (hash: string) => (hash === 'unread' ? undefined : obs.messageOf(hash)) };
    const { trails, strays } = observedTraffic(unreadable);
    expect(strays.map((s) => s.id)).toEqual(['G1', 'G2']);
    expect(trails[0]!.attempts).toEqual([]);
  });

  it('does not take a retour for a heen of a business event', () => {
    const ledger = new LedgerBuilder();
    const intent = toekenning(1);
    ledger.submit(retourFor(heenFor(intent, 'S1'), 'R1'), at(10));
    const { trails, strays } = observedTraffic(ledger.observations([event('i-1', intent, at(30))]));
    expect(trails[0]!.attempts).toEqual([]);
    expect(strays).toEqual([]);
  });
});

describe('refusedByParty', () => {
  it('says nothing for a delivery the party took, and how it answered otherwise', () => {
    const ledger = new LedgerBuilder();
    ledger.deliver(heenFor(toekenning(1), 'S1'), at(3), 202);
    ledger.deliver(heenFor(toekenning(2), 'S2'), at(2), 400);
    ledger.deliver(heenFor(toekenning(3), 'S3'), at(1), 0);
    const [taken, refused, silent] = observedTraffic(ledger.observations()).deliveries;
    expect(refusedByParty(taken!)).toBe('');
    expect(refusedByParty(refused!)).toBe(' (the party answered its delivery 400)');
    expect(refusedByParty(silent!)).toBe(' (the party answered its delivery not at all)');
  });
});
