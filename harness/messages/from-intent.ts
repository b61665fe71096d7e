/**
 * The Client part of a heenbericht made from a business event of the party protocol: the one
 * mapping from protocol JSON to message content, used by the reference party, the counterparty
 * and the suite alike. A function without its own period takes the budget's; freeAmount
 * defaults to 0; an end date of null or absent means an open period.
 */
import type { BudgetafsluitingIntent, Intent, PeriodJson, ToekenningIntent } from '../protocol/party-protocol.js';
import type { Client501, Client507, Heenbericht, IsoDate, Period, Release } from './model.js';
import { budgetafsluiting507, toekenning501 } from './heen.js';

const period = (p: PeriodJson): Period => (p.end ? { begindatum: p.start, einddatum: p.end } : { begindatum: p.start });

export function client501Of(intent: ToekenningIntent): Client501 {
  const b = intent.budget;
  return {
    bsn: intent.bsn,
    budget: {
      budgetIdentificatie: b.id,
      ...(b.previousId ? { budgetIdentificatieOud: b.previousId } : {}),
      afgiftedatum: b.issued,
      budgetPeriode: period(b.period),
      functieBudgetten: b.functions.map((f) => ({
        zorgfunctie: f.code,
        functieBudgetPeriode: period(f.period ?? b.period),
        functieBudgetBedrag: f.amount,
        verantwoordingsvrijBedrag: f.freeAmount ?? 0,
      })),
    },
  };
}

export function client507Of(intent: BudgetafsluitingIntent): Client507 {
  return {
    bsn: intent.bsn,
    functieBudgetBesteed: intent.spent.map((s) => ({
      budgetIdentificatie: s.budgetId,
      zorgfunctie: s.code,
      bestedingsPeriode: period(s.period),
      bedrag: s.amount,
      redenBudgetafsluiting: s.reason,
    })),
  };
}

export interface HeenEnvelope {
  release: Release;
  identificatie: string;
  dagtekening: IsoDate;
  /** The sender's code: Afzender of a 501 (a 507 always comes from the SVB). */
  afzender: string;
}

/** The heenbericht that carries a business event: a 501 for a toekenning, a 507 for a budgetafsluiting. */
export function heenOf(intent: Intent, envelope: HeenEnvelope): Heenbericht {
  const { release, identificatie, dagtekening } = envelope;
  return intent.kind === 'toekenning'
    ? toekenning501({ wet: intent.wet, release, identificatie, dagtekening, afzender: envelope.afzender, client: client501Of(intent) })
    : budgetafsluiting507({ wet: intent.wet, release, identificatie, dagtekening, ontvanger: intent.recipient, client: client507Of(intent) });
}
