/**
 * Business-level constructors of heenberichten: the caller gives the business content, the
 * catalog fills the header fields that follow from message name and release.
 */
import { berichtCodeOf, messageName, releaseInfo } from './catalog.js';
import type {
  Budgetafsluiting507, Client501, Client507, HeenHeader, IsoDate, MessageName, Release, Toekenning501, Wet,
} from './model.js';

interface HeenInput {
  wet: Wet;
  release: Release;
  identificatie: string;
  dagtekening: IsoDate;
}

export interface Toekenning501Input extends HeenInput {
  /** gemeentecode (Wmo, Jw) or zorgkantoorcode (Wlz). */
  afzender: string;
  client: Client501;
}

export interface Budgetafsluiting507Input extends HeenInput {
  /** gemeentecode (Wmo, Jw) or zorgkantoorcode (Wlz). */
  ontvanger: string;
  client: Client507;
}

function headerOf(
  name: MessageName,
  input: HeenInput,
  party: Pick<HeenHeader, 'afzender'> | Pick<HeenHeader, 'ontvanger'>,
): HeenHeader {
  const info = releaseInfo(input.release);
  return {
    berichtCode: berichtCodeOf(name),
    berichtVersie: info.versie,
    berichtSubversie: info.subversie,
    ...party,
    berichtIdentificatie: { identificatie: input.identificatie, dagtekening: input.dagtekening },
    xsdVersie: { basisschemaXsdVersie: info.xsdVersie, berichtXsdVersie: info.xsdVersie },
  };
}

export function toekenning501(input: Toekenning501Input): Toekenning501 {
  return {
    family: '501',
    wet: input.wet,
    release: input.release,
    header: headerOf(messageName(input.wet, '501'), input, { afzender: input.afzender }),
    client: input.client,
  };
}

export function budgetafsluiting507(input: Budgetafsluiting507Input): Budgetafsluiting507 {
  return {
    family: '507',
    wet: input.wet,
    release: input.release,
    header: headerOf(messageName(input.wet, '507'), input, { ontvanger: input.ontvanger }),
    client: input.client,
  };
}
