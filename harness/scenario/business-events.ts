/**
 * Business events a scenario creates at the party: toekenningen for a budget provider,
 * budgetafsluitingen for the SVB. Deterministic (the n-th event is always the same), synthetic
 * BSNs only, and every date derived from the calendar, so a rehearsal calendar gets its own.
 */
import type { DateTime } from 'luxon';
import type { Calendar } from '../clock/calendar.js';
import type { Role, Wet } from '../messages/model.js';
import { ZORGFUNCTIES, syntheticBsn, syntheticBsnCount, syntheticBsnWithLeadingZeros } from '../messages/index.js';
import type { BudgetafsluitingIntent, Intent, ToekenningIntent } from '../protocol/party-protocol.js';
import { defaultProviderFor } from '../counterparty/identities.js';

/** RedenBudgetafsluiting (messages.md, code lists). */
const REASONS = ['1', '2', '3'] as const;

const LAWS_OF: Readonly<Record<Role, readonly Wet[]>> = { gemeente: ['WMO', 'JW'], zorgkantoor: ['WLZ'], svb: ['WMO', 'JW', 'WLZ'] };

/** The calendar's dates every event carries, worked out once rather than once per event. */
interface EventDates {
  year: number;
  /** The day of T0, where a budgetafsluiting's spending ends. */
  heenStopDay: string;
  /** Four weeks before T0: when a toekenning was issued. */
  issued: string;
}

export class BusinessEvents {
  private next = 0;
  private readonly dates: EventDates;

  constructor(
    private readonly role: Role,
    private readonly identity: string,
    calendar: Calendar,
    /** Separates the BSNs of parallel scenarios' parties; any small number. */
    private readonly seed = 0,
  ) {
    this.dates = {
      year: calendar.goLive.setZone(calendar.zone).year,
      heenStopDay: localDate(calendar.heenStop, calendar),
      issued: localDate(calendar.heenStop.minus({ days: 28 }), calendar),
    };
  }

  /** `count` new events of the kind the party originates, spread over its laws. */
  fresh(count: number): Intent[] {
    return Array.from({ length: count }, () => this.one());
  }

  /** A follow-up toekenning for the same Bsn and budget (TR507), with changed amounts. */
  followUp(previousEvent: { intent: Intent } | undefined): ToekenningIntent {
    if (!previousEvent) throw new Error('A follow-up (TR507) needs the event it follows, and none was created. Fix: create the first event before its follow-up.');
    const previous = previousEvent.intent;
    if (previous.kind !== 'toekenning') {
      throw new Error(`A follow-up (TR507) exists for a toekenning only, not for a ${previous.kind}. Fix: pass an event made for a gemeente or zorgkantoor.`);
    }
    return {
      ...previous,
      budget: {
        ...previous.budget,
        functions: previous.budget.functions.map((f) => ({ ...f, amount: f.amount + 10_000 })),
      },
    };
  }

  /**
   * A new budget for the client of `previousEvent` that names the previous one as its
   * BudgetIdentificatieOud (a budget replaced by another): another BudgetIdentificatie, so no
   * follow-up under TR507, which keys on the budget itself. A party that also waits on the budget
   * it names holds a 501 it owes before the heen stop.
   */
  successor(previousEvent: { intent: Intent } | undefined): ToekenningIntent {
    const previous = previousEvent?.intent;
    if (previous?.kind !== 'toekenning') {
      throw new Error('A successor budget needs the toekenning whose budget it replaces, and none was given. Fix: pass an event made for a gemeente or zorgkantoor.');
    }
    const n = this.next++;
    return { ...previous, budget: { ...previous.budget, id: `${previous.budget.id}-N${n}`.slice(0, 20), previousId: previous.budget.id } };
  }

  /**
   * A new event for the same client (Bsn) and message name as `previousEvent`, on another budget:
   * two open heen the party must tell apart by Identificatie alone, not by Bsn or order.
   */
  sameClient(previousEvent: { intent: Intent } | undefined): Intent {
    if (!previousEvent) throw new Error('An event for the same client needs the event it shares the Bsn with, and none was created. Fix: create that event first.');
    const previous = previousEvent.intent;
    const n = this.next++;
    if (previous.kind === 'toekenning') {
      return { ...previous, budget: { ...previous.budget, id: `${previous.budget.id}-${n}`.slice(0, 20) } };
    }
    return { ...previous, spent: previous.spent.map((s) => ({ ...s, budgetId: `${s.budgetId}-${n}`.slice(0, 20) })) };
  }

  /**
   * Events on the counterparty's side, for the heen it sends the party: toekenningen of the
   * providers when the SVB is under test, budgetafsluitingen addressed to the party otherwise.
   */
  forCounterparty(count: number): Intent[] {
    const opposite: Role = this.role === 'svb' ? 'gemeente' : 'svb';
    return Array.from({ length: count }, () => this.one(opposite, LAWS_OF[this.role]));
  }

  private one(role: Role = this.role, laws: readonly Wet[] = LAWS_OF[role]): Intent {
    const n = this.next++;
    const wet = laws[n % laws.length] as Wet;
    // The synthetic range holds some 900 BSNs; budgets keep events apart when a Bsn recurs. The
    // fourth event of every seven has a Bsn with leading zeros, which a number would lose.
    const bsn = n % 7 === 3 ? syntheticBsnWithLeadingZeros(this.seed * 1_000 + n) : syntheticBsn((this.seed * 1_000 + n) % syntheticBsnCount());
    const { year, heenStopDay, issued } = this.dates;
    const period = { start: `${year}-01-01`, end: `${year}-12-31` };
    const codes = ZORGFUNCTIES[wet];
    const code = codes[n % codes.length] as string;
    const other = codes[(n + 1) % codes.length] as string;
    const amount = 100_000 + (n % 97) * 1_250;
    // Every field of the intent varies somewhere in a scenario's first few events (a second
    // function with a period of its own, a previous budget, a second spent line, each reason), so
    // a party that drops or fixes one is seen wherever messages are compared with their event.
    const twoLines = n % 5 === 2;
    if (role === 'svb') {
      const recipient = this.role === 'svb' ? defaultProviderFor(wet) : this.identity;
      // Budget ids are the provider's own: most carry its code, every third one does not, so a
      // system that reads the recipient out of the budget id is seen.
      const budgetId = n % 3 === 1 ? `PGB${year}-${String(n).padStart(6, '0')}` : `B${recipient}-${String(n).padStart(6, '0')}`;
      const intent: BudgetafsluitingIntent = {
        kind: 'budgetafsluiting', wet, recipient, bsn,
        spent: [
          { budgetId, code, period: { start: `${year}-01-01`, end: heenStopDay }, amount, reason: REASONS[n % 3]! },
          ...(twoLines ? [{ budgetId, code: other, period: { start: `${year}-01-01`, end: `${year}-02-28` }, amount: 20_000 + n % 89, reason: REASONS[(n + 1) % 3]! }] : []),
        ],
      };
      return intent;
    }
    const id = `B${role === this.role ? this.identity : defaultProviderFor(wet)}-${String(n).padStart(6, '0')}`;
    return {
      kind: 'toekenning', wet, bsn,
      budget: {
        id,
        previousId: n % 4 === 3 ? `${id}-V`.slice(0, 20) : null,
        issued,
        // messages.md: Einddatum is optional in every period; an open budget now and then.
        period: n % 7 === 5 ? { start: period.start, end: null } : period,
        functions: [
          { code, amount, freeAmount: n % 3 === 0 ? 5_000 : 0 },
          ...(twoLines ? [{ code: other, amount: 30_000 + n % 89, freeAmount: 0, period: { start: `${year}-04-01`, end: `${year}-09-30` } }] : []),
        ],
      },
    };
  }
}

function localDate(t: DateTime, cal: Calendar): string {
  return t.setZone(cal.zone).toISODate() ?? '';
}

/**
 * The event with `lines` function lines, copies of its first with amounts of their own: a valid
 * message as large as a scenario needs (every repeated element of messages.md is 1..n).
 */
export function withLines<T extends Pick<ToekenningIntent, 'kind' | 'budget'> | Pick<BudgetafsluitingIntent, 'kind' | 'spent'>>(event: T, lines: number): T {
  const amount = (i: number): number => 1_000 + i;
  if (event.kind === 'toekenning') {
    const first = event.budget.functions[0]!;
    return { ...event, budget: { ...event.budget, functions: Array.from({ length: lines }, (_, i) => ({ ...first, amount: amount(i) })) } };
  }
  const first = event.spent[0]!;
  return { ...event, spent: Array.from({ length: lines }, (_, i) => ({ ...first, amount: amount(i) })) };
}
