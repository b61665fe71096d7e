/** A heen listed as answered is answered by a retour that arrived (retour-landing.ts), on hand-made observations. */
import { describe, expect, it } from 'vitest';
import type { DateTime } from 'luxon';
import type { OutgoingEntry } from '../../protocol/party-protocol.js';
import type { Release } from '../../messages/model.js';
import { observedTraffic } from '../traffic.js';
import { answeredWithoutRetour } from './retour-landing.js';
import { ObservationsBuilder, T0, T2, ms, ownHeen, retour, toekenning } from './checks-fixture.js';

const HOUR = 3_600_000;
const answered = (identificatie: string, release: Release): OutgoingEntry =>
  ({ intentId: 'i-1', bericht: 'WMO501', release, identificatie, status: 'answered', retourCodes: ['0200'] });

/** A 501 sent at `sent`, its state read an hour later, with or without its retour delivered before that. */
function scene(sent: DateTime, release: Release, retourAt?: DateTime) {
  const b = new ObservationsBuilder();
  const e = b.event(toekenning(1), ms(sent, -1));
  const heen = ownHeen(e.intent, 'G1', sent, release);
  b.submit(sent, heen);
  if (retourAt) b.deliver(retourAt, retour(heen, 'R1', retourAt));
  const read = ms(sent, HOUR);
  b.visit(sent, read).state(read, { outgoing: [answered('G1', release)], incoming: [] });
  const obs = b.build();
  const traffic = observedTraffic(obs);
  return (requirement: 'AFS-1.5' | 'ING-3.3' | 'ING-3.6') => answeredWithoutRetour(obs, traffic, requirement).map((f) => `${f.requirement}: ${f.happened}`);
}

describe('a heen is listed as answered only once a retour on it arrived', () => {
  it('passes a heen answered after its retour was delivered', () => {
    const findings = scene(ms(T0, -3 * HOUR), '2.0.2', ms(T0, -2.5 * HOUR));
    expect([...findings('AFS-1.5'), ...findings('ING-3.3'), ...findings('ING-3.6')]).toEqual([]);
  });

  it('fails a from-release heen answered before the go-live without a retour under AFS-1.5, and only there', () => {
    const findings = scene(ms(T0, -3 * HOUR), '2.0.2');
    expect(findings('AFS-1.5')).toEqual([expect.stringMatching(/^AFS-1\.5: at .* lists it as answered with RetourCodes \[0200\], but no retour on it had been delivered; the switch accepted it/)]);
    expect([...findings('ING-3.3'), ...findings('ING-3.6')]).toEqual([]);
  });

  it('fails a retour that came only after the state that showed it', () => {
    const findings = scene(ms(T0, -3 * HOUR), '2.0.2', ms(T0, -1 * HOUR));
    expect(findings('AFS-1.5')).toEqual([expect.stringMatching(/no retour on it had been delivered \(the first came .*\)/)]);
  });

  it('judges a to-release heen under ING-3.6', () => {
    expect(scene(ms(T2, HOUR), '2.3')('ING-3.6')).toHaveLength(1);
    expect(scene(ms(T2, HOUR), '2.3', ms(T2, 1.5 * HOUR))('ING-3.6')).toEqual([]);
  });
});
