/**
 * The attachments of one scenario: its timeline (local time and UTC), the ledger excerpt, the
 * party's last state, the judgement per requirement, every finding (JSON and CSV: the failure
 * message shows only the first ones), every validation error, and the XML of the messages: first
 * every attempt of a message a finding names, at its moment, then the rest, up to a readable
 * number. The categories of its findings become labels, which the report's categories match on.
 */
import type { DateTime } from 'luxon';
import { describeMoment } from '../clock/describe-moment.js';
import { ledgerInstant } from '../clock/ledger-instant.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import { findingsCsv } from '../evidence/findings-table.js';
import { addParameter, attachCsv, attachJson, attachText, attachTimeline, attachXml, labelFindingCategories, markedMoment, runbookStep } from '../evidence/scenario-evidence.js';
import type { TimelineRow } from '../evidence/timeline-table.js';
import { findingCategories, findingLine } from '../verdicts/finding.js';
import type { RequirementJudgement } from '../verdicts/judge.js';
import type { CutoverWorld } from './cutover-world.js';

/** Beyond this many messages a scenario's report gets slow to open; the ledger keeps them all. */
const MAX_XML_ATTACHMENTS = 40;
/** Finding lines a marked moment step names; findings.json holds every one. */
const MAX_STEP_LINES = 20;

export async function writeScenarioEvidence(world: CutoverWorld, judgements: readonly RequirementJudgement[]): Promise<void> {
  const obs = world.observations();
  const zone = obs.calendar.zone;
  const row = (t: DateTime, event: string): TimelineRow => {
    const [local = '', utc = ''] = describeMoment(t, zone).split(` ${zone} `);
    return { at: t.toUTC().toISO() ?? '', local, utc: utc.replace(/[()]/g, ''), event };
  };
  const findings = judgements.flatMap((j) => j.findings);
  const excerpt = ledgerExcerpt(obs.entries, new Set(findings.flatMap((f) => f.messageIds)));
  const rows = [
    ...world.timelineNotes().map((n) => row(n.at, n.event)),
    ...excerpt.entries.map((e) => row(ledgerInstant(e.at, zone), describeEntry(e))),
  ];
  const releases = [...new Set(obs.entries.map((e) => e.release).filter((r) => r !== null))].sort();
  await addParameter('releases', releases.join(', ') || 'none');
  await labelFindingCategories(findingCategories(findings));
  await runbookStep('Bewijs: tijdlijn, grootboek en stand van de partij', async () => {
    await attachTimeline(rows);
    await attachJson('verdicts per requirement', judgements.map((j) => ({ id: j.id, verdict: j.verdict, findings: j.findings.length })));
    if (findings.length) {
      await attachJson('findings.json', findings);
      await attachCsv('findings.csv', findingsCsv(findings));
    }
    await attachJson(excerpt.title, excerpt.entries);
    const last = obs.snapshots[obs.snapshots.length - 1];
    if (last) await attachJson(`party state at ${describeMoment(last.at, zone)}`, last.state);
    const invalid = obs.entries.filter((e) => e.errors.length);
    if (invalid.length) await attachText('validation errors', invalid.map((e) => `${describeEntry(e)}\n  ${e.errors.join('\n  ')}`).join('\n'));
  });
  await attachMessages(world, judgements);
}

/** The id a finding names a message by: its IdentificatieRetour for a retour, else its Identificatie. */
const ownId = (e: LedgerEntry): string => e.identificatieRetour ?? e.identificatie ?? `(${e.xmlHash.slice(0, 8)})`;

/**
 * The ledger lines the timeline and the ledger attachment show: all of them up to this many.
 * A 1,000-event backlog ledgers 3,000 lines (1.7 MB of JSON per role, half the report's size);
 * the judgement and findings.json cover every line, the report shows what a reader can open.
 */
export const MAX_LEDGER_LINES = 500;

/** Lines a finding names first, then the earliest, in ledger order; its title says what was left out. */
export function ledgerExcerpt(entries: readonly LedgerEntry[], named: ReadonlySet<string>): { title: string; entries: LedgerEntry[] } {
  if (entries.length <= MAX_LEDGER_LINES) return { title: 'ledger excerpt', entries: [...entries] };
  const chosen = new Set(entries.filter((e) => named.has(ownId(e))).slice(0, MAX_LEDGER_LINES));
  for (const e of entries) {
    if (chosen.size >= MAX_LEDGER_LINES) break;
    chosen.add(e);
  }
  return {
    title: `ledger excerpt (${MAX_LEDGER_LINES} of ${entries.length} lines: those a finding names, then the earliest)`,
    entries: entries.filter((e) => chosen.has(e)),
  };
}

/**
 * Every attempt (ledger line) of a message a finding names gets its own attachment, labelled with
 * that attempt's moment in local time and UTC, inside a failed step named after the moment: the
 * moment where the party went wrong is marked in the report. Only those are BEVINDING; the other
 * messages follow once per content, up to a readable number.
 */
async function attachMessages(world: CutoverWorld, judgements: readonly RequirementJudgement[]): Promise<void> {
  const obs = world.observations();
  const zone = obs.calendar.zone;
  const findings = judgements.flatMap((j) => j.findings);
  const named = new Set(findings.flatMap((f) => f.messageIds).filter((id) => id !== ''));
  const readable = obs.entries.filter((e) => e.xmlHash && e.bytes < 1_000_000);
  const offending = readable.filter((e) => named.has(ownId(e))).slice(0, MAX_XML_ATTACHMENTS);
  const label = (e: LedgerEntry): string => `${describeMoment(ledgerInstant(e.at, zone), zone)} ${e.kind} ${e.name ?? 'unreadable'} ${ownId(e)}`;

  const byMoment = new Map<number, { moment: DateTime; entries: LedgerEntry[] }>();
  for (const e of offending) {
    const moment = momentOf(obs.moments, ledgerInstant(e.at, zone));
    const group = byMoment.get(moment.toMillis()) ?? { moment, entries: [] };
    group.entries.push(e);
    byMoment.set(moment.toMillis(), group);
  }
  for (const { moment, entries } of byMoment.values()) {
    const ids = [...new Set(entries.map(ownId))];
    // The step names what went wrong there; a backlog's moment would otherwise list hundreds.
    const lines = findings.filter((f) => f.messageIds.some((id) => ids.includes(id))).slice(0, MAX_STEP_LINES).map((f) => `${f.requirement} ${findingLine(f)}`);
    await markedMoment(`${describeMoment(moment, zone)} — BEVINDING ${ids.join(', ')}`, lines, async () => {
      for (const e of entries) {
        const xml = world.xmlOf(e.xmlHash);
        if (xml !== undefined) await attachXml(`BEVINDING ${label(e)}`, xml);
      }
    });
  }

  const shown = new Set(offending.map((e) => e.xmlHash));
  const byHash = new Map<string, LedgerEntry>();
  for (const e of readable) if (!shown.has(e.xmlHash) && !byHash.has(e.xmlHash)) byHash.set(e.xmlHash, e);
  const rest = [...byHash.values()].slice(0, Math.max(0, MAX_XML_ATTACHMENTS - offending.length));
  await runbookStep(`Berichten (${offending.length + rest.length} van ${readable.length} aanleveringen)`, async () => {
    for (const e of rest) {
      const xml = world.xmlOf(e.xmlHash);
      if (xml !== undefined) await attachXml(label(e), xml);
    }
  });
}

/** The moment step an entry happened in: the last moment the scenario visited at or before it. */
function momentOf(moments: readonly DateTime[], at: DateTime): DateTime {
  let found: DateTime | undefined;
  for (const m of moments) if (m.toMillis() <= at.toMillis() && (!found || m.toMillis() > found.toMillis())) found = m;
  return found ?? at;
}

function describeEntry(e: LedgerEntry): string {
  const who = e.kind === 'delivery' ? 'switch delivers to the party' : e.origin === 'put' ? 'party submits' : 'counterparty submits';
  const id = e.identificatieRetour ? `${e.identificatieRetour} (on ${e.identificatie})` : e.identificatie ?? '';
  const answer = e.kind === 'delivery' ? `party answers ${e.status || 'nothing'}${e.attempts > 1 ? ` after ${e.attempts} attempts` : ''}` : e.code ? `refused ${e.code}` : `accepted (${e.status})`;
  return `${who} ${e.name ?? 'unreadable body'} ${e.release ?? ''} ${id} → ${answer}`.replace(/\s+/g, ' ');
}
