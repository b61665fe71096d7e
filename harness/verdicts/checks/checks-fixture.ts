/**
 * Test support for the verdict layer's unit tests (the checks, the judge, traffic and business
 * content): small Observations made by hand, as a scenario would leave them (ledger lines with
 * their parsed messages, events, moments, states), on the national calendar. Not used by the
 * suite itself; the one observation builder of the unit tests.
 */
import type { DateTime } from 'luxon';
import { parseCalendar, parseMoment } from '../../clock/calendar.js';
import type { LedgerEntry } from '../../ledger/ledger-entry.js';
import { heenOf } from '../../messages/from-intent.js';
import { retourOn } from '../../messages/retour.js';
import { buildXml, syntheticBsn } from '../../messages/index.js';
import type { Bericht, Heenbericht, Release, Retourbericht } from '../../messages/model.js';
import { isRetour } from '../../messages/model.js';
import type { BudgetafsluitingIntent, IbCode, Intent, PartyState, ToekenningIntent } from '../../protocol/party-protocol.js';
import type { UnplannedBlock } from '../../switch/unplanned-block.js';
import type { CreatedEvent, EndlessExchange, HostileDelivery, Observations, Redelivery, StateSnapshot } from '../observations.js';
import type { Finding } from '../finding.js';
import type { CheckOutcome } from './check.js';
import type { MigrationProfile } from '../../profile/migration-profile.js';
import { runProfile } from '../../profile/run-profile.js';

export const CAL = parseCalendar({
  zone: 'Europe/Amsterdam',
  heenStop: '2026-03-30T09:00:00+02:00', retourStop: '2026-03-30T17:00:00+02:00', goLive: '2026-04-01T09:00:00+02:00',
});
export const { heenStop: T0, retourStop: T1, goLive: T2 } = CAL;
export const at = (iso: string): DateTime => parseMoment(iso, CAL.zone);
export const ms = (t: DateTime, n: number): DateTime => t.plus({ milliseconds: n });

export const GEMEENTE = '0363';

export function toekenning(n: number, budget = `B0363-${String(n).padStart(6, '0')}`, amount = 250_000): ToekenningIntent {
  return {
    kind: 'toekenning', wet: 'WMO', bsn: syntheticBsn(n),
    budget: { id: budget, previousId: null, issued: '2026-03-02', period: { start: '2026-04-01', end: '2026-12-31' }, functions: [{ code: '01', amount, freeAmount: 0 }] },
  };
}

/** Toekenning `n` with some of its budget changed (a TR507 follow-up, an altered copy), or another Bsn. */
export function toekenningWith(n: number, over: Partial<ToekenningIntent['budget']>, bsn = syntheticBsn(n)): ToekenningIntent {
  const base = toekenning(n);
  return { ...base, bsn, budget: { ...base.budget, ...over } };
}

export function afsluiting(n: number): BudgetafsluitingIntent {
  return {
    kind: 'budgetafsluiting', wet: 'WMO', recipient: GEMEENTE, bsn: syntheticBsn(100 + n),
    spent: [{ budgetId: `B0363-${String(n).padStart(6, '0')}`, code: '01', period: { start: '2026-01-01', end: '2026-02-28' }, amount: 180_000, reason: '1' }],
  };
}

const localDate = (t: DateTime): string => t.setZone(CAL.zone).toISODate() ?? '';

/** The heen of an intent as the party (gemeente 0363) would send it at `t`. */
export function ownHeen(intent: Intent, identificatie: string, t: DateTime, release: Release = t < T2 ? '2.0.2' : '2.3'): Heenbericht {
  return heenOf(intent, { release, identificatie, dagtekening: localDate(t), afzender: GEMEENTE });
}

/** A 507 from the SVB to the party, as the counterparty would deliver it at `t`. */
export function svbHeen(n: number, identificatie: string, t: DateTime, release: Release = t < T2 ? '2.0.2' : '2.3'): Heenbericht {
  return heenOf(afsluiting(n), { release, identificatie, dagtekening: localDate(t), afzender: 'SVB' });
}

export function retour(heen: Heenbericht, identificatieRetour: string, t: DateTime, retourCodes: string[] = ['0200']): Retourbericht {
  return retourOn(heen, { identificatieRetour, dagtekeningRetour: localDate(t), retourCodes, withClient: retourCodes.includes('0200') });
}

/**
 * How the switch answered a submission; `entry` overrides ledger fields (a line without a name,
 * another origin); `byteOrderMark` puts one before the body.
 */
interface Submit { status?: number; code?: IbCode; xsdValid?: boolean; entry?: Partial<LedgerEntry>; byteOrderMark?: boolean }

/** Builds Observations line by line; `build()` hands them to a check. */
export class ObservationsBuilder {
  private readonly entries: LedgerEntry[] = [];
  private readonly messages = new Map<string, Bericht>();
  private readonly marked = new Set<string>();
  readonly events: CreatedEvent[] = [];
  readonly moments: DateTime[] = [];
  readonly snapshots: StateSnapshot[] = [];
  readonly blocks: UnplannedBlock[] = [];
  readonly hostile: HostileDelivery[] = [];
  readonly redeliveries: Redelivery[] = [];
  stoppedAnswering: string | undefined;
  endlessExchange: EndlessExchange | undefined;
  /** The migration the observations are judged under (default: the run's). */
  profile: MigrationProfile = runProfile();

  /** Visits moments (kept in order, as the world does). */
  visit(...ts: DateTime[]): this {
    for (const t of ts) if (!this.moments.some((m) => m.toMillis() === t.toMillis())) this.moments.push(t);
    this.moments.sort((a, b) => a.toMillis() - b.toMillis());
    return this;
  }

  event(intent: Intent, createdAt: DateTime, intentId = `i-${this.events.length + 1}`): CreatedEvent {
    const made = { intentId, intent, createdAt };
    this.events.push(made);
    this.visit(createdAt);
    return made;
  }

  /** The party submits `bericht` at `t`; 202 unless a refusal is given. */
  submit(t: DateTime, bericht: Bericht, how: Submit = {}): LedgerEntry {
    const entry = this.line('submission', 'put', t, bericht, how.status ?? (how.code ? (how.code === 'IB103' ? 503 : 422) : 202), how.code ?? null, how.xsdValid ?? true, how.entry);
    if (how.byteOrderMark) this.marked.add(entry.xmlHash);
    return entry;
  }

  /** The switch delivers `bericht` to the party at `t`, which answers `status`; `entry` overrides ledger fields. */
  deliver(t: DateTime, bericht: Bericht, status = 202, entry: Partial<LedgerEntry> = {}): LedgerEntry {
    return this.line('delivery', 'counterparty', t, bericht, status, null, true, entry);
  }

  state(t: DateTime, state: Omit<PartyState, 'now'>): this {
    this.visit(t);
    this.snapshots.push({ at: t, state: { now: t.toISO() ?? '', ...state } });
    return this;
  }

  private line(kind: LedgerEntry['kind'], origin: LedgerEntry['origin'], t: DateTime, bericht: Bericht, status: number, code: IbCode | null, xsdValid: boolean, over: Partial<LedgerEntry> = {}): LedgerEntry {
    this.visit(t);
    const xmlHash = over.xmlHash ?? `hash-${String(this.entries.length).padStart(4, '0')}`;
    this.messages.set(xmlHash, bericht);
    const entry: LedgerEntry = {
      seq: this.entries.length + 1, at: t.toUTC().toISO() ?? '', kind, origin, switch: 'GGk',
      name: `${bericht.wet}${bericht.family}`, release: bericht.release, sender: null, addressee: null,
      identificatie: bericht.header.berichtIdentificatie.identificatie,
      identificatieRetour: isRetour(bericht) ? bericht.header.identificatieRetour : null,
      dagtekening: bericht.header.berichtIdentificatie.dagtekening, xsdValid, errors: xsdValid ? [] : ['cvc-complex-type: unexpected element'],
      status, code, ontvangstId: null, attempts: 1, xmlHash, bytes: 1000,
      ...over,
    };
    this.entries.push(entry);
    return entry;
  }

  build(): Observations {
    return {
      role: 'gemeente', identity: GEMEENTE, calendar: CAL, profile: this.profile, entries: this.entries,
      messageOf: (hash) => this.messages.get(hash),
      bodyOf: (hash) => {
        const bericht = this.messages.get(hash);
        return bericht && `${this.marked.has(hash) ? '\uFEFF' : ''}${buildXml(bericht)}`;
      },
      events: this.events, moments: this.moments, snapshots: this.snapshots, blocks: this.blocks,
      hostile: this.hostile, redeliveries: this.redeliveries,
      ...(this.stoppedAnswering ? { stoppedAnswering: this.stoppedAnswering } : {}),
      ...(this.endlessExchange ? { endlessExchange: this.endlessExchange } : {}),
    };
  }
}

/** What a check's outcome comes to, for one table row: the verdict and the findings' categories. */
export function verdictOf(result: CheckOutcome): { verdict: 'passed' | 'failed' | 'not-tested'; categories: Finding['category'][] } {
  const verdict = result.findings.length ? 'failed' : result.notDue.length ? 'not-tested' : 'passed';
  return { verdict, categories: result.findings.map((f) => f.category) };
}
