/**
 * Valid messages for the switch's own tests: built with the message API from a business event,
 * dated by the clock, so no test of the switch spells XML or dates by hand.
 */
import type { DateTime } from 'luxon';
import { buildXml, heenOf, retourOn, syntheticBsn, type Heenbericht, type Release, type Wet } from '../messages/index.js';
import { defaultProviderFor } from '../counterparty/identities.js';

export interface SampleHeen {
  wet?: Wet;
  release: Release;
  /** 501: the Afzender; 507: the Ontvanger. */
  provider?: string;
  identificatie: string;
  at: DateTime;
  kind?: 'toekenning' | 'budgetafsluiting';
}

export function sampleHeen(s: SampleHeen): Heenbericht {
  const wet = s.wet ?? 'WMO';
  const provider = s.provider ?? defaultProviderFor(wet);
  const date = s.at.toISODate() ?? '';
  const code = wet === 'WMO' ? '01' : wet === 'JW' ? '31' : '99';
  const envelope = { release: s.release, identificatie: s.identificatie, dagtekening: date, afzender: provider };
  return s.kind === 'budgetafsluiting'
    ? heenOf({ kind: 'budgetafsluiting', wet, recipient: provider, bsn: syntheticBsn(2),
        spent: [{ budgetId: 'B1', code, period: { start: date }, amount: 1000, reason: '1' }] }, envelope)
    : heenOf({ kind: 'toekenning', wet, bsn: syntheticBsn(1),
        budget: { id: 'B1', issued: date, period: { start: date }, functions: [{ code, amount: 250000 }] } }, envelope);
}

export const sampleHeenXml = (s: SampleHeen): string => buildXml(sampleHeen(s));

export function sampleRetourXml(heen: Heenbericht, identificatieRetour: string, at: DateTime): string {
  return buildXml(retourOn(heen, { identificatieRetour, dagtekeningRetour: at.toISODate() ?? '', retourCodes: ['0200'] }));
}
