/**
 * Retourberichten (messages.md, "Retourbericht 502 / 508"): a copy of the heen with the retour
 * fields added. A retour is always in its heen's release, also after the 2.3 go-live.
 */
import { berichtCodeOf, messageName, releaseInfo, retourNameOf } from './catalog.js';
import { copyPlain } from './copy-plain.js';
import type {
  Budgetafsluiting507, Heenbericht, IsoDate, Retour502, Retour508, Retourbericht, RetourHeader, Toekenning501,
} from './model.js';

export interface RetourInput {
  identificatieRetour: string;
  dagtekeningRetour: IsoDate;
  /** 1..n codes; `['0200']` or `['0233']` accept, anything else rejects. */
  retourCodes: readonly string[];
  /** Copy the heen's Client with the codes appended (default); false gives a header-only retour. */
  withClient?: boolean;
  /** The Client's own RetourCodes where they differ from the header's verdict (default: the header's). */
  clientRetourCodes?: readonly string[];
}

/** The header's verdict: accepted iff the codes are exactly `0200` or exactly `0233`. */
export function isAccepting(codes: readonly string[]): boolean {
  return codes.length === 1 && (codes[0] === '0200' || codes[0] === '0233');
}

export function retourOn(heen: Toekenning501, input: RetourInput): Retour502;
export function retourOn(heen: Budgetafsluiting507, input: RetourInput): Retour508;
export function retourOn(heen: Heenbericht, input: RetourInput): Retourbericht;
export function retourOn(heen: Heenbericht, input: RetourInput): Retourbericht {
  if (input.retourCodes.length === 0) {
    throw new Error(
      'Cannot build a retourbericht: it has no RetourCode, and the header needs 1..n. ' +
        "Pass at least one code, e.g. ['0200'] to accept.",
    );
  }
  const retourName = retourNameOf(messageName(heen.wet, heen.family));
  const xsd = releaseInfo(heen.release).xsdVersie;
  // A copy: the retour must not share objects with the heen a ledger may still hold.
  const header: RetourHeader = {
    ...copyPlain(heen.header),
    berichtCode: berichtCodeOf(retourName),
    identificatieRetour: input.identificatieRetour,
    dagtekeningRetour: input.dagtekeningRetour,
    xsdVersieRetour: { basisschemaXsdVersie: xsd, berichtXsdVersie: xsd },
    retourCodes: [...input.retourCodes],
  };
  const withClient = input.withClient ?? true;
  const clientCodes = [...(input.clientRetourCodes ?? input.retourCodes)];
  if (heen.family === '501') {
    return {
      family: '502', wet: heen.wet, release: heen.release, header,
      ...(withClient ? { client: { ...copyPlain(heen.client), retourCodes: clientCodes } } : {}),
    };
  }
  return {
    family: '508', wet: heen.wet, release: heen.release, header,
    ...(withClient ? { client: { ...copyPlain(heen.client), retourCodes: clientCodes } } : {}),
  };
}
