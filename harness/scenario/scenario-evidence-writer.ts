/**
 * The attachments of one scenario: its timeline (local time and UTC), the ledger excerpt, the
 * party's last state, the judgement per requirement, every finding (JSON and CSV: the failure
 * message shows only the first ones), every validation error, and the XML of the messages: first
 * the messages findings name, then the rest, up to a readable number. The categories of its
 * findings become labels, which the report's categories match on.
 */
import { DateTime } from 'luxon';
import { describeMoment } from '../clock/describe-moment.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import { findingsCsv } from '../evidence/findings-table.js';
import { addParameter, attachCsv, attachJson, attachText, attachTimeline, attachXml, labelFindingCategories, runbookStep } from '../evidence/scenario-evidence.js';
import type { TimelineRow } from '../evidence/timeline-table.js';
import { findingCategories } from '../verdicts/finding.js';
import type { RequirementJudgement } from '../verdicts/judge.js';
import type { CutoverWorld } from './cutover-world.js';

/** Beyond this many messages a scenario's report gets slow to open; the ledger keeps them all. */
const MAX_XML_ATTACHMENTS = 40;

export async function writeScenarioEvidence(world: CutoverWorld, judgements: readonly RequirementJudgement[]): Promise<void> {
  const obs = world.observations();
  const zone = obs.calendar.zone;
  const row = (t: DateTime, event: string): TimelineRow => {
    const [local = '', utc = ''] = describeMoment(t, zone).split(` ${zone} `);
    return { at: t.toUTC().toISO() ?? '', local, utc: utc.replace(/[()]/g, ''), event };
  };
  const rows = [
    ...world.timelineNotes().map((n) => row(n.at, n.event)),
    ...obs.entries.map((e) => row(DateTime.fromISO(e.at, { zone }), describeEntry(e))),
  ];
  const releases = [...new Set(obs.entries.map((e) => e.release).filter((r) => r !== null))].sort();
  await addParameter('releases', releases.join(', ') || 'none');
  const findings = judgements.flatMap((j) => j.findings);
  await labelFindingCategories(findingCategories(findings));
  await runbookStep('Bewijs: tijdlijn, grootboek en stand van de partij', async () => {
    await attachTimeline(rows);
    await attachJson('verdicts per requirement', judgements.map((j) => ({ id: j.id, verdict: j.verdict, findings: j.findings.length })));
    if (findings.length) {
      await attachJson('findings.json', findings);
      await attachCsv('findings.csv', findingsCsv(findings));
    }
    await attachJson('ledger excerpt', obs.entries);
    const last = obs.snapshots[obs.snapshots.length - 1];
    if (last) await attachJson(`party state at ${describeMoment(last.at, zone)}`, last.state);
    const invalid = obs.entries.filter((e) => e.errors.length);
    if (invalid.length) await attachText('validation errors', invalid.map((e) => `${describeEntry(e)}\n  ${e.errors.join('\n  ')}`).join('\n'));
  });
  const named = new Set(findings.flatMap((f) => f.messageIds));
  const byHash = new Map<string, LedgerEntry>();
  for (const e of obs.entries) if (e.xmlHash && !byHash.has(e.xmlHash) && e.bytes < 1_000_000) byHash.set(e.xmlHash, e);
  const entries = [...byHash.values()];
  // A backlog's findings can name a thousand messages: the first ones show, the ledger keeps all.
  const offending = entries.filter((e) => named.has(e.identificatie ?? '') || named.has(e.identificatieRetour ?? '')).slice(0, MAX_XML_ATTACHMENTS);
  const rest = entries.filter((e) => !offending.includes(e)).slice(0, Math.max(0, MAX_XML_ATTACHMENTS - offending.length));
  await runbookStep(`Berichten (${offending.length + rest.length} van ${entries.length})`, async () => {
    for (const e of [...offending, ...rest]) {
      const xml = world.xmlOf(e.xmlHash);
      if (xml !== undefined) await attachXml(`${offending.includes(e) ? 'BEVINDING ' : ''}${e.at} ${e.kind} ${e.name ?? 'unreadable'} ${e.identificatieRetour ?? e.identificatie ?? ''}`.trim(), xml);
    }
  });
}

function describeEntry(e: LedgerEntry): string {
  const who = e.kind === 'delivery' ? 'switch delivers to the party' : e.origin === 'put' ? 'party submits' : 'counterparty submits';
  const id = e.identificatieRetour ? `${e.identificatieRetour} (on ${e.identificatie})` : e.identificatie ?? '';
  const answer = e.kind === 'delivery' ? `party answers ${e.status || 'nothing'}${e.attempts > 1 ? ` after ${e.attempts} attempts` : ''}` : e.code ? `refused ${e.code}` : `accepted (${e.status})`;
  return `${who} ${e.name ?? 'unreadable body'} ${e.release ?? ''} ${id} → ${answer}`.replace(/\s+/g, ' ');
}
