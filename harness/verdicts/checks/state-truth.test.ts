/** TRA-2.2's reading of GET /state against the ledger (state-truth.ts), on hand-made observations. */
import { describe, expect, it } from 'vitest';
import type { DateTime } from 'luxon';
import type { OutgoingEntry } from '../../protocol/party-protocol.js';
import { observedTraffic } from '../traffic.js';
import { stateTruthFindings } from './state-truth.js';
import { ObservationsBuilder, T0, T2, ms, ownHeen, retour, svbHeen, toekenning } from './checks-fixture.js';

const HOUR = 3_600_000;
const out = (intentId: string, over: Partial<OutgoingEntry> = {}): OutgoingEntry =>
  ({ intentId, bericht: 'WMO501', release: null, identificatie: null, status: 'queued', retourCodes: [], ...over });
const findings = (b: ObservationsBuilder) => {
  const obs = b.build();
  return stateTruthFindings(obs, observedTraffic(obs)).map((f) => `${f.category}: ${f.happened}`);
};

describe('TRA-2.2: what GET /state says of the party\'s heen is what the switch saw', () => {
  const morning = ms(T0, -2 * HOUR);
  const scene = (state: (t: DateTime) => OutgoingEntry[], attempt?: { at: DateTime; release: '2.0.2' | '2.3'; id: string }) => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), morning);
    if (attempt) b.submit(attempt.at, ownHeen(e.intent, attempt.id, attempt.at, attempt.release));
    const later = ms(morning, HOUR);
    b.visit(morning, later).state(later, { outgoing: state(later), incoming: [] });
    return findings(b);
  };

  it('passes a queued heen never offered, and a sent one the switch accepted, as last submitted', () => {
    expect(scene(() => [out('i-1')])).toEqual([]);
    expect(scene(() => [out('i-1', { status: 'sent', release: '2.0.2', identificatie: 'G1' })], { at: morning, release: '2.0.2', id: 'G1' })).toEqual([]);
  });

  it('fails a heen reported sent that was never offered to the switch', () => {
    expect(scene(() => [out('i-1', { status: 'sent', release: '2.0.2', identificatie: 'G1' })])).toEqual([
      expect.stringMatching(/^lost: at .* the party reports it as sent, but it never offered it to the switch$/),
    ]);
  });

  it('fails a business event missing from the state, and an Identificatie other than the last submitted', () => {
    expect(scene(() => [])).toEqual([expect.stringMatching(/^lost: 1 business event\(s\) are missing: i-1/)]);
    expect(scene(() => [out('i-1', { status: 'sent', release: '2.0.2', identificatie: 'G9' })], { at: morning, release: '2.0.2', id: 'G1' }))
      .toEqual(['correlation: it reports G9 in 2.0.2']);
  });

  it('allows a state read before what happened later at its own moment', () => {
    const b = new ObservationsBuilder();
    b.visit(T2);
    // Read at T2 before the event was created and offered at T2: neither is owed to that state yet.
    b.state(T2, { outgoing: [], incoming: [] });
    const e = b.event(toekenning(1), T2);
    b.state(T2, { outgoing: [out('i-1')], incoming: [] });
    b.submit(T2, ownHeen(e.intent, 'G1', T2, '2.3'));
    b.state(T2, { outgoing: [out('i-1', { status: 'sent', release: '2.3', identificatie: 'G1' })], incoming: [] });
    expect(findings(b)).toEqual([]);
  });
});

describe('TRA-2.2: a retour the party owes is not listed sent before it was offered', () => {
  const morning = ms(T0, -2 * HOUR);
  const scene = (status: 'queued' | 'sent', offered: boolean) => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S00000000001', morning);
    b.deliver(morning, heen);
    if (offered) b.submit(morning, retour(heen, 'R0363000001', morning));
    b.state(ms(morning, HOUR), { outgoing: [], incoming: [{ bericht: 'WMO507', release: '2.0.2', identificatie: 'S00000000001', status: 'processed', retour: { identificatie: 'R0363000001', status } }] });
    return findings(b);
  };

  it('passes a queued retour, and a sent one the switch accepted', () => {
    expect(scene('queued', false)).toEqual([]);
    expect(scene('sent', true)).toEqual([]);
  });

  it('fails a retour listed sent that was never offered to the switch', () => {
    expect(scene('sent', false)).toEqual([expect.stringMatching(/^lost: at .* the party reports it as sent, but it never offered a retour on that heen to the switch$/)]);
  });
});

describe('TRA-2.2: what went and what came stays in GET /state', () => {
  const morning = ms(T0, -2 * HOUR);
  const later = ms(morning, HOUR);

  it('fails a heen still reported queued after the switch accepted it', () => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), morning);
    b.submit(morning, ownHeen(e.intent, 'G1', morning));
    b.state(later, { outgoing: [out('i-1', { release: '2.0.2', identificatie: 'G1' })], incoming: [] });
    expect(findings(b)).toEqual([expect.stringMatching(/^correlation: at .* the party still reports it as queued/)]);
  });

  /** A 507 delivered in the morning, answered by R1 (or not), and the state an hour later. */
  const delivered = (listed: (heen: 'S1') => Parameters<ObservationsBuilder['state']>[1]['incoming'], answered = true) => {
    const b = new ObservationsBuilder();
    const heen = svbHeen(1, 'S1', morning);
    b.deliver(morning, heen);
    if (answered) b.submit(morning, retour(heen, 'R1', morning));
    b.state(later, { outgoing: [], incoming: listed('S1') });
    return findings(b);
  };
  const entry = (over: Record<string, unknown> = {}) =>
    ({ bericht: 'WMO507' as const, release: '2.0.2' as const, identificatie: 'S1', status: 'processed' as const, retour: { identificatie: 'R1', status: 'sent' as const }, ...over });

  it('passes a delivered heen listed with its release and its accepted retour', () => {
    expect(delivered(() => [entry()])).toEqual([]);
    expect(delivered(() => [entry({ retour: null })], false)).toEqual([]);
  });

  it('fails a taken delivery missing from incoming, or listed in another release', () => {
    expect(delivered(() => [])).toEqual([expect.stringMatching(/^lost: 1 are not listed: WMO507 S1 \(2\.0\.2/)]);
    expect(delivered(() => [entry({ release: '2.3' })])).toEqual([expect.stringMatching(/^correlation: at .* the party lists it in 2\.3$/)]);
  });

  it('fails an accepted retour listed as queued, as none, or under another IdentificatieRetour', () => {
    for (const retourShown of [{ identificatie: 'R1', status: 'queued' }, null, { identificatie: 'R9', status: 'sent' }]) {
      expect(delivered(() => [entry({ retour: retourShown })])).toEqual([expect.stringMatching(/^correlation: at .* the party lists (retour R\d as (queued|sent)|no retour on it)$/)]);
    }
  });

  it('does not ask for a delivery at the state\'s own moment, which may follow the state', () => {
    const b = new ObservationsBuilder();
    b.deliver(later, svbHeen(1, 'S1', later));
    b.state(later, { outgoing: [], incoming: [] });
    expect(findings(b)).toEqual([]);
  });
});

describe('TRA-2.2 in a live rehearsal: a state may lag the switch by a few seconds', () => {
  const morning = ms(T0, -2 * HOUR);
  const judged = (acceptedBefore: number) => {
    const b = new ObservationsBuilder();
    const e = b.event(toekenning(1), ms(morning, -HOUR));
    b.submit(ms(morning, -acceptedBefore), ownHeen(e.intent, 'G1', morning));
    b.state(morning, { outgoing: [out('i-1', { release: '2.0.2', identificatie: 'G1' })], incoming: [] });
    const obs = { ...b.build(), live: true as const };
    return stateTruthFindings(obs, observedTraffic(obs)).map((f) => f.category);
  };

  it('does not ask a live party to show an acceptance of a second ago, and does one of a minute ago', () => {
    expect(judged(1_000)).toEqual([]);
    expect(judged(60_000)).toEqual(['correlation']);
  });
});
