/**
 * A business event (intent) and the heenbericht that carries it, reduced to comparable facts:
 * a key that says which event a message is about (Bsn and budget), and a fingerprint of its whole
 * content (amounts, periods, codes) to tell a follow-up from a copy and to spot altered content.
 */
import type { Heenbericht, MessageName, Period } from '../messages/model.js';
import type { Intent, PeriodJson } from '../protocol/party-protocol.js';

const period = (p: PeriodJson): string => `${p.start}..${p.end ?? ''}`;
const msgPeriod = (p: Period): string => `${p.begindatum}..${p.einddatum ?? ''}`;

/** The heen a business event leads to: a toekenning a 501, a budgetafsluiting a 507. */
export const heenNameOfIntent = (intent: Intent): MessageName => `${intent.wet}${intent.kind === 'toekenning' ? '501' : '507'}`;

export function intentKey(intent: Intent): string {
  return intent.kind === 'toekenning'
    ? `${intent.wet}501|${intent.bsn}|${intent.budget.id}`
    : `${intent.wet}507|${intent.recipient}|${intent.bsn}|${intent.spent[0]?.budgetId ?? ''}`;
}

export function heenKey(heen: Heenbericht): string {
  if (heen.family === '501') return `${heen.wet}501|${heen.client.bsn}|${heen.client.budget.budgetIdentificatie}`;
  return `${heen.wet}507|${heen.header.ontvanger ?? ''}|${heen.client.bsn}|${heen.client.functieBudgetBesteed[0]?.budgetIdentificatie ?? ''}`;
}

export function intentFingerprint(intent: Intent): string {
  if (intent.kind === 'toekenning') {
    const b = intent.budget;
    const fns = b.functions.map((f) => `${f.code}:${f.amount}:${f.freeAmount ?? 0}:${period(f.period ?? b.period)}`);
    return [intentKey(intent), b.previousId ?? '', b.issued, period(b.period), ...fns].join('|');
  }
  const spent = intent.spent.map((s) => `${s.budgetId}:${s.code}:${period(s.period)}:${s.amount}:${s.reason}`);
  return [intentKey(intent), ...spent].join('|');
}

export function heenFingerprint(heen: Heenbericht): string {
  if (heen.family === '501') {
    const b = heen.client.budget;
    const fns = b.functieBudgetten.map((f) =>
      `${f.zorgfunctie}:${f.functieBudgetBedrag}:${f.verantwoordingsvrijBedrag}:${msgPeriod(f.functieBudgetPeriode)}`);
    return [heenKey(heen), b.budgetIdentificatieOud ?? '', b.afgiftedatum, msgPeriod(b.budgetPeriode), ...fns].join('|');
  }
  const spent = heen.client.functieBudgetBesteed.map((s) =>
    `${s.budgetIdentificatie}:${s.zorgfunctie}:${msgPeriod(s.bestedingsPeriode)}:${s.bedrag}:${s.redenBudgetafsluiting}`);
  return [heenKey(heen), ...spent].join('|');
}

/** The first field where a message departs from its business event, in words; undefined when equal. */
export function contentDifference(intent: Intent, heen: Heenbericht): string | undefined {
  const want = intentFingerprint(intent).split('|');
  const got = heenFingerprint(heen).split('|');
  const labels = intent.kind === 'toekenning'
    ? ['message', 'Bsn', 'BudgetIdentificatie', 'BudgetIdentificatieOud', 'Afgiftedatum', 'BudgetPeriode']
    : ['message', 'Ontvanger', 'Bsn', 'BudgetIdentificatie'];
  for (let i = 0; i < Math.max(want.length, got.length); i += 1) {
    if (want[i] !== got[i]) {
      const what = labels[i] ?? (intent.kind === 'toekenning' ? `FunctieBudget ${i - labels.length + 1}` : `FunctieBudgetBesteed ${i - labels.length + 1}`);
      return `${what} is ${JSON.stringify(got[i] ?? null)} where the business event has ${JSON.stringify(want[i] ?? null)}`;
    }
  }
  return undefined;
}
