/**
 * The iPgb message model of `../shared/spec/messages.md`, for the two releases of the migration
 * profile (harness/profile/: which releases exist is data, not code).
 * Plain data: builders turn it into XML, the parser turns XML back into it.
 * Amounts are integers in eurocents; codes and dates stay strings (`0200`, `2026-03-30`).
 */

import type { Release, Wet } from '../protocol/vocabulary.js';

export type { Family, MessageName, Release, Role, Wet } from '../protocol/vocabulary.js';

/** An ISO calendar date without time zone, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Period {
  begindatum: IsoDate;
  /** Optional in every period of every message. */
  einddatum?: IsoDate;
}

export interface XsdVersie {
  basisschemaXsdVersie: string;
  berichtXsdVersie: string;
}

export interface BerichtIdentificatie {
  identificatie: string;
  dagtekening: IsoDate;
}

/** Header of a heenbericht. A 501 has `afzender`, a 507 has `ontvanger`, never both. */
export interface HeenHeader {
  berichtCode: string;
  berichtVersie: string;
  berichtSubversie: string;
  afzender?: string;
  ontvanger?: string;
  berichtIdentificatie: BerichtIdentificatie;
  xsdVersie: XsdVersie;
}

export interface RetourHeader extends HeenHeader {
  identificatieRetour: string;
  dagtekeningRetour: IsoDate;
  xsdVersieRetour: XsdVersie;
  retourCodes: string[];
}

export interface FunctieBudget {
  zorgfunctie: string;
  functieBudgetPeriode: Period;
  /** eurocents */
  functieBudgetBedrag: number;
  /** eurocents */
  verantwoordingsvrijBedrag: number;
}

export interface Budget {
  budgetIdentificatie: string;
  budgetIdentificatieOud?: string;
  afgiftedatum: IsoDate;
  budgetPeriode: Period;
  functieBudgetten: FunctieBudget[];
}

export interface Client501 {
  bsn: string;
  budget: Budget;
}

export interface FunctieBudgetBesteed {
  budgetIdentificatie: string;
  zorgfunctie: string;
  bestedingsPeriode: Period;
  /** eurocents */
  bedrag: number;
  redenBudgetafsluiting: '1' | '2' | '3';
}

export interface Client507 {
  bsn: string;
  functieBudgetBesteed: FunctieBudgetBesteed[];
}

export interface Toekenning501 {
  family: '501';
  wet: Wet;
  release: Release;
  header: HeenHeader;
  client: Client501;
}

export interface Budgetafsluiting507 {
  family: '507';
  wet: Wet;
  release: Release;
  header: HeenHeader;
  client: Client507;
}

export type Heenbericht = Toekenning501 | Budgetafsluiting507;

/** A retourbericht: its heen's content plus the retour header fields; Client optional. */
export interface Retour502 {
  family: '502';
  wet: Wet;
  release: Release;
  header: RetourHeader;
  client?: Client501 & { retourCodes: string[] };
}

export interface Retour508 {
  family: '508';
  wet: Wet;
  release: Release;
  header: RetourHeader;
  client?: Client507 & { retourCodes: string[] };
}

export type Retourbericht = Retour502 | Retour508;
export type Bericht = Heenbericht | Retourbericht;

export const isHeen = (b: Bericht): b is Heenbericht => b.family === '501' || b.family === '507';
export const isRetour = (b: Bericht): b is Retourbericht => !isHeen(b);
