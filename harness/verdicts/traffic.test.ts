import { describe, expect, it } from 'vitest';
import { carriesHeen, observedTraffic, refusedByParty } from './traffic.js';
import type { Bericht, Heenbericht } from '../messages/model.js';
import type { Intent } from '../protocol/party-protocol.js';
import { ObservationsBuilder, T0, ownHeen, retour, toekenning, toekenningWith } from './checks/checks-fixture.js';
import { syntheticBsn } from '../messages/index.js';

/** `minutes` before the heen stop: every message below is a 2.0.2 one of the Afsluiting morning. */
const at = (minutes: number) => T0.minus({ minutes });
const heenFor = (intent: Intent, identificatie: string): Heenbericht => ownHeen(intent, identificatie, at(60));
const retourFor = (heen: Heenbericht, identificatieRetour: string): Bericht => retour(heen, identificatieRetour, at(60));

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
    const ledger = new ObservationsBuilder();
    const heen = heenFor(toekenning(1), 'G1');
    ledger.submit(at(30), heen);
    ledger.submit(at(29), heenFor(toekenning(2), 'G2'), { entry: { origin: 'counterparty' } });
    ledger.submit(at(28), retourFor(heenFor(toekenning(3), 'S9'), 'R1'));
    ledger.submit(at(27), heen, { entry: { name: null, xmlHash: 'unreadable' } });
    const traffic = observedTraffic(ledger.build());
    expect(traffic.submissions.map((s) => s.id)).toEqual(['G1', 'R1', '(unreadab)']);
    expect(traffic.heenSubmissions.map((s) => s.id)).toEqual(['G1']);
    expect(traffic.retourSubmissions.map((s) => s.id)).toEqual(['R1']);
  });

  it('counts a message as accepted on a 202 only', () => {
    const ledger = new ObservationsBuilder();
    ledger.submit(at(3), heenFor(toekenning(1), 'G1'));
    ledger.submit(at(2), heenFor(toekenning(2), 'G2'), { status: 200 });
    ledger.submit(at(1), heenFor(toekenning(3), 'G3'), { status: 400 });
    expect(observedTraffic(ledger.build()).submissions.map((s) => s.accepted)).toEqual([true, false, false]);
  });

  it('reads the moment in the calendar zone and refers a heen and its retour to the same heen', () => {
    const ledger = new ObservationsBuilder();
    const heen = heenFor(toekenning(1), 'G1');
    ledger.submit(at(30), heen);
    ledger.submit(at(20), retourFor(heen, 'R1'));
    const [h, r] = observedTraffic(ledger.build()).submissions;
    expect(h!.at.zoneName).toBe('Europe/Amsterdam');
    expect(h!.at.toMillis()).toBe(at(30).toMillis());
    expect(h!.heenRef).toBe('WMO501|G1');
    expect(r!.heenRef).toBe('WMO501|G1');
    expect(r!.id).toBe('R1');
    expect(h!.bericht).toBe(heen);
  });

  it('has no heen reference without a name or an Identificatie, and names a message without an id by its hash', () => {
    const ledger = new ObservationsBuilder();
    const heen = heenFor(toekenning(1), 'G1');
    ledger.submit(at(3), heen, { entry: { name: null } });
    ledger.submit(at(2), heen, { entry: { identificatie: null, xmlHash: 'abcdef0123456789' } });
    ledger.submit(at(1), retourFor(heen, 'R1'), { entry: { identificatieRetour: null, xmlHash: '99887766554433' } });
    const [noName, noId, retour] = observedTraffic(ledger.build()).submissions;
    expect(noName!.heenRef).toBeUndefined();
    expect(noId!.heenRef).toBeUndefined();
    expect(noId!.id).toBe('(abcdef01)');
    expect(retour!.id).toBe('(99887766)');
    expect(retour!.heenRef).toBe('WMO501|G1');
  });

  it('lists each delivered body once, leaving out hostile ones, and finds a delivery by its heen', () => {
    const ledger = new ObservationsBuilder();
    const h1 = heenFor(toekenning(1), 'S1');
    ledger.deliver(at(10), h1, 202, { xmlHash: 'same' });
    ledger.deliver(at(9), h1, 400, { xmlHash: 'same' });
    ledger.deliver(at(8), heenFor(toekenning(2), 'S2'), 400, { xmlHash: 'evil' });
    ledger.deliver(at(7), heenFor(toekenning(3), 'S3'), 0);
    ledger.submit(at(6), heenFor(toekenning(4), 'G4'));
    // A delivery is never a submission of the party's, whoever offered its body.
    ledger.deliver(at(5), heenFor(toekenning(5), 'S5'), 202, { origin: 'put' });
    ledger.hostile.push({ label: 'x', at: at(8), expectation: 'refuse', status: 400, xmlHash: 'evil', identificatie: 'S2' });
    const obs = ledger.build();
    const traffic = observedTraffic(obs);
    expect(traffic.deliveries.map((d) => [d.id, d.entry.status])).toEqual([['S1', 202], ['S3', 0], ['S5', 202]]);
    expect(traffic.deliveryOf('WMO501|S1')?.entry.status).toBe(202);
    expect(traffic.deliveryOf('WMO501|S2')).toBeUndefined();
    expect(traffic.submissions.map((x) => x.id)).toEqual(['G4']);
  });

  it('groups retours by the heen they answer', () => {
    const ledger = new ObservationsBuilder();
    const h1 = heenFor(toekenning(1), 'S1');
    const h2 = heenFor(toekenning(2), 'S2');
    ledger.submit(at(3), retourFor(h1, 'R1'));
    ledger.submit(at(2), retourFor(h2, 'R2'));
    ledger.submit(at(1), retourFor(h1, 'R3'), { status: 400 });
    ledger.submit(at(1), retourFor(h1, 'R4'), { entry: { identificatie: null } });
    const traffic = observedTraffic(ledger.build());
    expect(traffic.retoursOn('WMO501|S1').map((r) => r.id)).toEqual(['R1', 'R3']);
    expect(traffic.retoursOn('WMO501|S2').map((r) => r.id)).toEqual(['R2']);
    expect(traffic.retoursOn('WMO501|S3')).toEqual([]);
  });
});

describe('observedTraffic: which heen carries which business event', () => {
  it('puts every attempt on its event and the accepted ones apart', () => {
    const ledger = new ObservationsBuilder();
    const intent = toekenning(1);
    ledger.submit(at(20), heenFor(intent, 'G1'), { status: 503 });
    ledger.submit(at(10), heenFor(intent, 'G1'));
    ledger.event(intent, at(30), 'i-1');
    const { trails, strays } = observedTraffic(ledger.build());
    expect(trails).toHaveLength(1);
    expect(trails[0]!.event.intentId).toBe('i-1');
    expect(trails[0]!.attempts.map((a) => a.entry.status)).toEqual([503, 202]);
    expect(trails[0]!.accepted.map((a) => a.entry.status)).toEqual([202]);
    expect(strays).toEqual([]);
  });

  it('never gives a message to an event created after it, but to one created at the same moment', () => {
    const intent = toekenning(1);
    const createdAt = (t: typeof T0) => {
      const ledger = new ObservationsBuilder();
      ledger.submit(at(10), heenFor(intent, 'G1'));
      ledger.event(intent, t, 'i-1');
      return observedTraffic(ledger.build());
    };
    const later = createdAt(at(10).plus({ milliseconds: 1 }));
    expect(later.trails[0]!.attempts).toEqual([]);
    expect(later.strays.map((s) => s.id)).toEqual(['G1']);
    const same = createdAt(at(10));
    expect(same.trails[0]!.attempts.map((a) => a.id)).toEqual(['G1']);
  });

  it('tells a TR507 follow-up from the first toekenning of the same budget by its content', () => {
    const ledger = new ObservationsBuilder();
    const first = toekenning(1);
    const followUp = toekenningWith(1, { previousId: 'B0363-000001' });
    ledger.submit(at(10), heenFor(followUp, 'G2'));
    ledger.submit(at(9), heenFor(first, 'G1'));
    ledger.event(first, at(30), 'i-1');
    ledger.event(followUp, at(30), 'i-2');
    const { trails } = observedTraffic(ledger.build());
    expect(trails.map((t) => t.accepted.map((a) => a.id))).toEqual([['G1'], ['G2']]);
  });

  it('gives an altered message to the oldest event of its key still without an accepted heen', () => {
    const ledger = new ObservationsBuilder();
    const a = toekenning(1);
    const b = toekenningWith(1, { previousId: 'B0363-000001' });
    const c = toekenningWith(1, { previousId: 'B0363-000000' });
    const alteredContent = toekenning(1, undefined, 2_500);
    ledger.submit(at(10), heenFor(a, 'G1'));
    ledger.submit(at(9), heenFor(alteredContent, 'G2'));
    ledger.event(a, at(30), 'i-1');
    ledger.event(b, at(30), 'i-2');
    ledger.event(c, at(30), 'i-3');
    const { trails, strays } = observedTraffic(ledger.build());
    expect(trails.map((t) => t.attempts.map((x) => x.id))).toEqual([['G1'], ['G2'], []]);
    expect(strays).toEqual([]);
  });

  it('calls a heen line whose body is a retour stray, never an event\'s heen', () => {
    const ledger = new ObservationsBuilder();
    const intent = toekenning(1);
    ledger.submit(at(10), retourFor(heenFor(intent, 'G1'), 'R1'), { entry: { name: 'WMO501' } });
    ledger.event(intent, at(30), 'i-1');
    const { trails, strays } = observedTraffic(ledger.build());
    expect(strays.map((s) => s.id)).toEqual(['G1']);
    expect(trails[0]!.attempts).toEqual([]);
  });

  it('gives an altered message to the last event of its key when every one has an accepted heen', () => {
    const ledger = new ObservationsBuilder();
    const a = toekenning(1);
    const b = toekenningWith(1, { previousId: 'B0363-000001' });
    ledger.submit(at(10), heenFor(a, 'G1'));
    ledger.submit(at(9), heenFor(b, 'G2'));
    ledger.submit(at(8), heenFor(toekenningWith(1, { issued: '2026-01-01' }), 'G3'));
    ledger.event(a, at(30), 'i-1');
    ledger.event(b, at(30), 'i-2');
    const { trails } = observedTraffic(ledger.build());
    expect(trails.map((t) => t.attempts.map((x) => x.id))).toEqual([['G1'], ['G2', 'G3']]);
  });

  it('calls a heen stray when it matches no event (another Bsn or budget), or cannot be read', () => {
    const ledger = new ObservationsBuilder();
    ledger.submit(at(10), heenFor(toekenningWith(1, {}, syntheticBsn(77)), 'G1'));
    ledger.submit(at(9), heenFor(toekenning(1), 'G2'), { entry: { xmlHash: 'unread' } });
    ledger.event(toekenning(1), at(30), 'i-1');
    const obs = ledger.build();
    const unreadable = { ...obs, messageOf: (hash: string) => (hash === 'unread' ? undefined : obs.messageOf(hash)) };
    const { trails, strays } = observedTraffic(unreadable);
    expect(strays.map((s) => s.id)).toEqual(['G1', 'G2']);
    expect(trails[0]!.attempts).toEqual([]);
  });

  it('does not take a retour for a heen of a business event', () => {
    const ledger = new ObservationsBuilder();
    const intent = toekenning(1);
    ledger.submit(at(10), retourFor(heenFor(intent, 'S1'), 'R1'));
    ledger.event(intent, at(30), 'i-1');
    const { trails, strays } = observedTraffic(ledger.build());
    expect(trails[0]!.attempts).toEqual([]);
    expect(strays).toEqual([]);
  });
});

describe('refusedByParty', () => {
  it('says nothing for a delivery the party took, and how it answered otherwise', () => {
    const ledger = new ObservationsBuilder();
    ledger.deliver(at(3), heenFor(toekenning(1), 'S1'), 202);
    ledger.deliver(at(2), heenFor(toekenning(2), 'S2'), 400);
    ledger.deliver(at(1), heenFor(toekenning(3), 'S3'), 0);
    const [taken, refused, silent] = observedTraffic(ledger.build()).deliveries;
    expect(refusedByParty(taken!)).toBe('');
    expect(refusedByParty(refused!)).toBe(' (the party answered its delivery 400)');
    expect(refusedByParty(silent!)).toBe(' (the party answered its delivery not at all)');
  });
});
