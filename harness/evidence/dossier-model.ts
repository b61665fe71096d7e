/**
 * What the steering group reads: per party, per precondition of runbook chapter 4, whether the
 * suite shows it, and the requirement rows underneath. A precondition is only "voldaan" when
 * every requirement that applies to the role was tested and passed; an untested one leaves it
 * "niet aangetoond" (a partial run, `--only`, proves nothing about the rest).
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { DEFAULT_ZONE } from '../clock/calendar.js';
import type { Role } from '../messages/model.js';
import { appliesTo, PRECONDITIONS, requirement, type Phase, type RequirementId } from '../verdicts/requirements.js';
import { partyLabel } from './scenario-evidence.js';
import type { ScenarioRecord } from './scenario-record.js';
import { boundedLines } from '../verdicts/finding.js';
import { partyKey, requirementFailures, type PartySummary, type Summary } from './summary.js';

export interface DossierInput { summary: Summary; records: readonly ScenarioRecord[] }

export type RowOutcome = 'geslaagd' | 'gefaald' | 'niet van toepassing' | 'niet getest';
export type PreconditionVerdict = 'voldaan' | 'niet voldaan' | 'niet aangetoond';

export interface RequirementRow {
  id: RequirementId;
  phase: Phase;
  runbookStep: string;
  duty: string;
  outcome: RowOutcome;
  tests: number;
  failures: string[];
  /** Report tree paths (party › phase › step › requirement › test) of the tests that judged it. */
  reportPaths: string[];
}

export interface PreconditionView { nr: string; text: string; verdict: PreconditionVerdict; rows: RequirementRow[] }

export interface PartyView {
  role: Role;
  identity: string;
  /** Endpoint, or image and digest when the suite started the party. */
  build: string;
  suiteVersion: string;
  schemaSet: string;
  runDate: string;
  preconditions: PreconditionView[];
}

/** Failure lines a requirement row shows: examples for the steering group; the report has them all. */
export const DOSSIER_EXAMPLES = 3;

/** One short fingerprint for the whole schema set: equal sets give equal fingerprints. */
export function schemaFingerprint(sha256: Record<string, string>): string {
  const lines = Object.entries(sha256).sort(([a], [b]) => a.localeCompare(b)).map(([f, h]) => `${f}=${h}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex').slice(0, 12);
}

export function dossierParties(inputs: readonly DossierInput[]): PartyView[] {
  return inputs.flatMap(({ summary, records }) => summary.parties.map((p) => partyView(summary, p, records)));
}

function partyView(summary: Summary, party: PartySummary, records: readonly ScenarioRecord[]): PartyView {
  const own = records.filter((r) => partyKey(r) === partyKey(party));
  const rowOf = (id: RequirementId): RequirementRow => requirementRow(party, id, own);
  return {
    role: party.role,
    identity: party.identity,
    build: party.digest ? `${party.image ?? 'image'}@${party.digest}` : party.image ?? party.endpoint,
    suiteVersion: summary.suiteVersion,
    schemaSet: `${summary.schemas.source}, ${Object.keys(summary.schemas.sha256).length} XSD's, vingerafdruk ${schemaFingerprint(summary.schemas.sha256)}`,
    // In the calendar's zone: the one the runbook's times are read in.
    runDate: `${DateTime.fromISO(summary.startedAt, { setZone: true }).setZone(summary.calendar.zone ?? DEFAULT_ZONE).toFormat('dd-MM-yyyy HH:mm')} (${summary.calendar.zone ?? DEFAULT_ZONE})`,
    preconditions: PRECONDITIONS.filter((pc) => pc.role === party.role).map((pc) => {
      const rows = pc.shownBy.map(rowOf);
      return { nr: pc.nr, text: pc.text, verdict: preconditionVerdict(rows), rows };
    }),
  };
}

function requirementRow(party: PartySummary, id: RequirementId, records: readonly ScenarioRecord[]): RequirementRow {
  const req = requirement(id);
  const judged = party.requirements[id];
  const outcome: RowOutcome = !appliesTo(id, party.role)
    ? 'niet van toepassing'
    : judged.verdict === 'passed' ? 'geslaagd' : judged.verdict === 'failed' ? 'gefaald' : 'niet getest';
  // One line per runbook step in the report tree (party › phase › step), with the number of
  // scenarios under it that verify this id: the reader opens that branch, not a list of titles.
  const places = new Map<string, number>();
  for (const r of records.filter((x) => x.requirements.some((o) => o.id === id && o.verdict !== 'not-applicable'))) {
    const place = [partyLabel(r.role, r.identity), r.phase, r.runbookStep].join(' › ');
    places.set(place, (places.get(place) ?? 0) + 1);
  }
  const reportPaths = [...places].map(([place, n]) => `${place} (${n} scenario${n === 1 ? '' : "'s"})`);
  return {
    id, phase: req.phase, runbookStep: req.runbookStep, duty: req.duty, outcome,
    tests: judged.tests, reportPaths,
    failures: judged.verdict === 'failed' ? boundedLines(requirementFailures(id, records), DOSSIER_EXAMPLES, (left) => `en ${left} meer (alle bevindingen: het Allure-rapport en records.jsonl)`) : [],
  };
}

function preconditionVerdict(rows: readonly RequirementRow[]): PreconditionVerdict {
  if (rows.some((r) => r.outcome === 'gefaald')) return 'niet voldaan';
  if (rows.some((r) => r.outcome === 'niet getest')) return 'niet aangetoond';
  return 'voldaan';
}
