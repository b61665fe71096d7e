/**
 * What the steering group reads, as data both renderings share: per party and per precondition
 * of runbook chapter 4 whether the evidence *supports* it (cutover.md "Verdicts" and
 * "Preconditions the evidence serves"), the run's facts (calendar, suite, schema set, operator),
 * what went wrong in plain Dutch, and every requirement row for the appendix.
 *
 * A precondition is "ondersteund" only when every requirement it rests on passed, on the
 * migration's own calendar, with a suite known to be unmodified; a failure makes it "niet
 * ondersteund"; anything else (a requirement not tested, a rehearsal calendar, a modified or
 * unknown suite) leaves it "onvolledig" and says why.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_ZONE } from '../clock/calendar.js';
import type { Role } from '../messages/model.js';
import { findingCategories, findingLine, MAX_IDS_SHOWN, type Finding } from '../verdicts/finding.js';
import { appliesTo, preconditions as profilePreconditions, requirementIds, requirement, requirementTextNl, type Phase, type RequirementId } from '../verdicts/requirements.js';
import {
  CATEGORY_NL, dossierIntroLiveNl, dossierIntroNl, dossierTitleNl, preconditionColumnsNl, type PreconditionColumnNl, liveBannerNl, NOT_TESTED_REASONS_NL, OUTCOME_NL, ROLE_NL, type VERDICT_NL,
} from './dossier-nl.js';
import { partyName } from './party-names.js';
import { runProfile } from '../profile/run-profile.js';
import { signatureText } from './attestation.js';
import { instantOf, momentsIn, runbookMomentLocal, runbookMomentShort } from './runbook-time.js';
import type { ScenarioRecord } from './scenario-record.js';
import { failedOutcomes, inScenarioOrder, partyKey, requirementFailures, type PartySummary, type Summary } from './summary.js';

export interface DossierInput { summary: Summary; records: readonly ScenarioRecord[] }

export type PreconditionVerdict = keyof typeof VERDICT_NL;
export type RowOutcome = (typeof OUTCOME_NL)[keyof typeof OUTCOME_NL];

/** At most this many examples per failed requirement, then "en N meer". */
export const MAX_EXAMPLES = 3;

export interface Examples { shown: string[]; more: number }

export interface RequirementRow {
  id: RequirementId;
  phase: Phase;
  runbookStep: string;
  plicht: string;
  /** The runbook's words for this role, exactly, with where they stand. */
  quote?: { text: string; bron?: string };
  outcome: RowOutcome;
  tests: number;
  /** The technical failure lines of summary.json (English), bounded. */
  technical: Examples;
  /** Why not tested or not applicable, in Dutch where the suite's own reason is known. */
  reason?: string;
  /** Where in the party's branch of the report tree the tests that judged it are: phase, step numbers and test counts. */
  reportPaths: string[];
}

export interface FindingView {
  id: RequirementId;
  /** One sentence: what went wrong, with the kinds of failure seen. */
  misging: string;
  betekent: string;
  examples: Examples;
}

export interface PreconditionView {
  nr: string;
  /** The runbook's words. */
  text: string;
  verdict: PreconditionVerdict;
  /** Why it is not "ondersteund": the requirement ids and run facts that stand in the way. */
  because: string[];
  /** The first reason only, for the matrix: the failed ids, else what is missing. */
  mainReason?: string;
}

export interface PartyView {
  key: string;
  role: Role;
  identity: string;
  /** `gemeente 0363 Amsterdam`. */
  label: string;
  /** `Acme Pgb-Suite 4.2` or `product niet opgegeven`. */
  product: string;
  /** The vendor, when the party names one. */
  vendor?: string;
  /** Endpoint, image and digest, or the bundled reference party. */
  build: string;
  testedAt: string;
  /** `di 1 dec 2026 12.47 uur`, for the matrix. */
  testedOn: string;
  verdict: PreconditionVerdict;
  preconditions: PreconditionView[];
  findings: FindingView[];
  notTested: Array<{ id: RequirementId; reason: string }>;
  rows: RequirementRow[];
}

export interface RunFacts {
  runId: string;
  summarySha256?: string;
  calendar: { name: string; national: boolean; t0: string; t1: string; t2: string; zone: string; sha256: string };
  profile: string;
  suite: { text: string; modified: boolean | undefined };
  schemaSet: { text: string; official: boolean };
  operator: string;
  /** Whether the evidence is signed (DSSE, Ed25519) and how to check it, or "niet ondertekend". */
  signature: string;
  /** Loud lines for the top of every rendering: why this run supports no precondition. */
  banners: string[];
  /** The dossier's title: the run profile's migration. */
  title: string;
  /** The introduction under the facts: a live rehearsal says it ran on the wall clock. */
  intro: string;
  /** The matrix's two precondition columns. */
  columns: readonly PreconditionColumnNl[];
}

export interface DossierView { run: RunFacts; parties: PartyView[] }


/** One short fingerprint for the whole schema set: equal sets give equal fingerprints. */
export function schemaFingerprint(sha256: Record<string, string>): string {
  const lines = Object.entries(sha256).sort(([a], [b]) => a.localeCompare(b)).map(([f, h]) => `${f}=${h}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex').slice(0, 12);
}

const VERDICT_RANK: Readonly<Record<PreconditionVerdict, number>> = { 'niet ondersteund': 0, onvolledig: 1, ondersteund: 2 };
const ROLE_ORDER: readonly Role[] = ['gemeente', 'zorgkantoor', 'svb'];

export function dossierView(inputs: readonly DossierInput[], summarySha256?: string): DossierView {
  const first = inputs[0]?.summary;
  if (!first) throw new Error('Cannot make a dossier of nothing: give at least one run (its summary.json and records).');
  const run = runFacts(first, summarySha256);
  const parties = inputs.flatMap(({ summary, records }) => summary.parties.map((p) => partyView(summary, run, p, records)));
  const untested = parties.filter((p) => p.notTested.length > 0);
  if (untested.length) {
    const n = untested.reduce((sum, p) => sum + p.notTested.length, 0);
    run.banners.push(`Onvolledige run: ${n} ${n === 1 ? 'eis is' : 'eisen zijn'} niet getest bij ${untested.length} van de ${parties.length} partij${parties.length === 1 ? '' : 'en'}; ` +
      'per partij staat de reden erbij.');
  }
  return { run, parties: orderForReading(parties) };
}

/** Failing parties first, grouped by role; a group with a failing party before one without. */
function orderForReading(parties: PartyView[]): PartyView[] {
  const worst = (role: Role) => Math.min(...parties.filter((p) => p.role === role).map((p) => VERDICT_RANK[p.verdict]));
  const roles = ROLE_ORDER.filter((r) => parties.some((p) => p.role === r))
    .sort((a, b) => worst(a) - worst(b) || ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
  return roles.flatMap((role) => parties.filter((p) => p.role === role)
    .sort((a, b) => VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || a.identity.localeCompare(b.identity)));
}

/** The profile named with its hash; a summary from before profiles ran the national one. */
function profileText(summary: Summary): string {
  const p = summary.profile;
  if (!p) return 'iPgb 2.0 → 2.3 (profiel niet vastgelegd)';
  return `${p.name} (${p.from} → ${p.to}${p.synthetic ? ', synthetisch' : ''}; sha256 ${p.sha256.slice(0, 12)})`;
}

function runFacts(summary: Summary, summarySha256: string | undefined): RunFacts {
  const cal = summary.calendar;
  const ids = requirementIds();
  const zone = cal.zone ?? DEFAULT_ZONE;
  const moment = (iso: string) => {
    const t = instantOf(iso);
    return t ? runbookMomentShort(t, zone) : `onleesbaar (${iso.slice(0, 40)})`;
  };
  const calendarSha = createHash('sha256').update(JSON.stringify([zone, cal.heenStop, cal.retourStop, cal.goLive])).digest('hex');
  const national = cal.national === true;
  const name = cal.name ?? 'zonder naam';
  // Older summaries have no `suite`; null means not known (not a git checkout of the suite).
  const suite = summary.suite as Summary['suite'] | undefined;
  const modified = suite?.modified ?? undefined;
  const suiteText = [
    `versie ${suite?.version ?? summary.suiteVersion}`,
    suite?.commit ? `commit ${suite.commit.slice(0, 12)}` : 'commit niet vastgelegd',
    modified === false ? 'ongewijzigd' : modified === true ? 'GEWIJZIGD' : 'niet vastgelegd of gewijzigd',
  ].join(', ');
  const bundled = summary.schemas.source === 'bundled';
  const xsds = `${Object.keys(summary.schemas.sha256).length} XSD's, vingerafdruk ${schemaFingerprint(summary.schemas.sha256)}`;
  const banners: string[] = [];
  if (summary.mode === 'live') banners.push(liveBannerNl(moment(cal.heenStop), moment(cal.retourStop), moment(cal.goLive)));
  if (!national) {
    banners.push(`Niet de landelijke kalender: deze run gebruikte kalender '${name}' (heenstop ${moment(cal.heenStop)}). ` +
      'Een uitslag op een andere kalender ondersteunt geen randvoorwaarde van de migratie.');
  }
  if (summary.profile?.synthetic === true) {
    banners.push(`Synthetisch migratieprofiel '${summary.profile.name}': deze run toetst de suite zelf, geen echte release. ` +
      'Een uitslag onder dit profiel ondersteunt geen randvoorwaarde van de migratie.');
  }
  if (modified !== false) {
    banners.push(modified === true
      ? 'Suite gewijzigd: dit is geen bewijs. De run is gedaan met een suite die afwijkt van haar commit.'
      : 'Suite gewijzigd: dit is geen bewijs. Niet vastgelegd is dat de suite ongewijzigd was (summary.json noemt geen commit).');
  }
  return {
    runId: runIdOf(summary.startedAt),
    ...(summarySha256 ? { summarySha256 } : {}),
    calendar: { name, national, zone, t0: moment(cal.heenStop), t1: moment(cal.retourStop), t2: moment(cal.goLive), sha256: calendarSha },
    profile: `${profileText(summary)}, de ${ids.length} eisen van cutover.md (${ids[0]} tot en met ${ids.at(-1)})`,
    suite: { text: suiteText, modified },
    schemaSet: bundled
      ? { text: `meegeleverd: gereconstrueerd, niet de officiële set (${xsds})`, official: false }
      : { text: `${summary.schemas.source} (${xsds})`, official: true },
    operator: summary.operator ?? 'niet opgegeven (--operator NAAM of CONFORMANCE_OPERATOR)',
    signature: signatureText(summary),
    banners,
    // The merge refuses runs of another profile than this process's, so the run profile is the runs' own.
    title: dossierTitleNl(runProfile().label),
    intro: (summary.mode === 'live' ? dossierIntroLiveNl : dossierIntroNl)(runProfile().runbookNl),
    columns: preconditionColumnsNl(runProfile().releases.to.id),
  };
}

/** A stable, readable id for the run: its start in UTC, `20261130-100000Z`. */
const runIdOf = (startedAt: string): string => {
  const t = instantOf(startedAt);
  return t ? t.toUTC().toFormat("yyyyMMdd-HHmmss'Z'") : 'onbekend';
};

function partyView(summary: Summary, run: RunFacts, party: PartySummary, records: readonly ScenarioRecord[]): PartyView {
  // In scenario order: where the tests are (reportPaths) must not follow the order they finished in.
  const own = inScenarioOrder(records.filter((r) => partyKey(r) === partyKey(party)));
  const rows = requirementIds().map((id) => requirementRow(party, id, own, summary.profile?.dutiesAbsent?.[id]?.redenNl));
  const row = (id: RequirementId) => rows.find((r) => r.id === id)!;
  const runBlocks = [
    ...(run.calendar.national ? [] : [`kalender '${run.calendar.name}' is niet de landelijke`]),
    ...(run.suite.modified === false ? [] : [run.suite.modified ? 'suite gewijzigd' : 'niet vastgelegd dat de suite ongewijzigd was']),
  ];
  const preconditions = profilePreconditions().filter((pc) => pc.role === party.role).map((pc): PreconditionView => {
    const applicable = pc.shownBy.filter((id) => appliesTo(id, party.role)).map(row);
    const failed = applicable.filter((r) => r.outcome === OUTCOME_NL.failed).map((r) => r.id);
    const untested = applicable.filter((r) => r.outcome === OUTCOME_NL['not-tested']).map((r) => r.id);
    const because = [
      ...(failed.length ? [`${failed.join(', ')} niet gehaald`] : []),
      ...(untested.length ? [`${untested.join(', ')} niet getest`] : []),
      ...runBlocks,
    ];
    const verdict: PreconditionVerdict = failed.length ? 'niet ondersteund' : because.length ? 'onvolledig' : 'ondersteund';
    const mainReason = failed.length ? `niet gehaald: ${failed.join(', ')}` : untested.length ? `niet getest: ${untested.join(', ')}` : runBlocks[0];
    return { nr: pc.nr, text: pc.draaiboek ?? pc.text, verdict, because, ...(mainReason ? { mainReason } : {}) };
  });
  const about = party.about;
  const product = [about?.product, about?.version].filter(Boolean).join(' ');
  const startedAt = instantOf(party.startedAt ?? summary.startedAt);
  const name = partyName(party.role, party.identity);
  return {
    key: partyKey(party),
    role: party.role,
    identity: party.identity,
    label: party.role === 'svb' ? 'SVB' : `${ROLE_NL[party.role].een} ${party.identity}${name ? ` ${name}` : ''}`,
    product: product || 'product niet opgegeven',
    ...(about?.vendor ? { vendor: about.vendor } : {}),
    build: party.digest ? `${party.image ?? 'image'}@${party.digest}` : party.image ?? party.endpoint,
    testedAt: startedAt ? runbookMomentShort(startedAt.startOf('minute'), run.calendar.zone) : 'onbekend',
    testedOn: startedAt ? runbookMomentLocal(startedAt.startOf('minute'), run.calendar.zone) : 'onbekend',
    verdict: preconditions.reduce<PreconditionVerdict>((w, p) => (VERDICT_RANK[p.verdict] < VERDICT_RANK[w] ? p.verdict : w), 'ondersteund'),
    preconditions,
    findings: rows.filter((r) => r.outcome === OUTCOME_NL.failed).map((r) => findingOf(r, own)),
    notTested: rows.filter((r) => r.outcome === OUTCOME_NL['not-tested']).map((r) => ({ id: r.id, reason: r.reason ?? NOT_TESTED_REASONS_NL['no reason given']! })),
    rows,
  };
}

const bounded = (items: readonly string[]): Examples =>
  ({ shown: items.slice(0, MAX_EXAMPLES), more: Math.max(0, items.length - MAX_EXAMPLES) });

function requirementRow(party: PartySummary, id: RequirementId, records: readonly ScenarioRecord[], absentNl: string | undefined): RequirementRow {
  const req = requirement(id);
  const nl = requirementTextNl(id);
  const judged = party.requirements[id] ?? { verdict: 'not-tested' as const, tests: 0, reason: 'not in summary.json' };
  const verdict = appliesTo(id, party.role) ? judged.verdict : 'not-applicable';
  const quoteText = nl.draaiboek?.[party.role] ?? nl.draaiboek?.alle;
  // Where the tests are in the report tree (phase › step), short: "Afsluiting 1.1 (3), 1.5 (1)".
  const places = new Map<string, Map<string, number>>();
  for (const r of records.filter((x) => x.requirements.some((o) => o.id === id && o.verdict !== 'not-applicable'))) {
    const steps = places.get(r.phase) ?? new Map<string, number>();
    const step = STEP_NUMBER.exec(r.runbookStep)?.[0] ?? r.runbookStep.split(' ')[0] ?? r.runbookStep;
    steps.set(step, (steps.get(step) ?? 0) + 1);
    places.set(r.phase, steps);
  }
  const reason = verdict === 'not-tested'
    ? NOT_TESTED_REASONS_NL[judged.reason ?? 'no reason given'] ?? judged.reason
    : verdict === 'not-applicable' ? (appliesTo(id, party.role) ? absentNl : undefined) ?? `de ${ROLE_NL[party.role].een} heeft deze plicht niet` : undefined;
  return {
    id, phase: req.phase, runbookStep: req.runbookStep, plicht: nl.plicht,
    ...(quoteText ? { quote: { text: quoteText, ...(nl.bron ? { bron: nl.bron } : {}) } } : {}),
    outcome: OUTCOME_NL[verdict],
    tests: judged.tests,
    // From the records' full list: summary.json's lines are bounded already, so its count would be wrong.
    technical: bounded(verdict === 'failed' ? requirementFailures(id, records).map((l) => l.text) : []),
    ...(reason ? { reason } : {}),
    reportPaths: [...places].map(([phase, steps]) => `${phase} ${[...steps].map(([step, n]) => `${step} (${n})`).join(', ')}`),
  };
}

const STEP_NUMBER = /^(?:\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?(?: en \d+(?:\.\d+)?)?|TR\d+)(?=\s|$)/;

function findingOf(row: RequirementRow, records: readonly ScenarioRecord[]): FindingView {
  const nl = requirementTextNl(row.id);
  const findings = requirementFindings(row.id, records);
  const kinds = [...new Set(findingCategories(findings).map((c) => CATEGORY_NL[c] ?? c))];
  return {
    id: row.id,
    misging: `${nl.misging.replace(/\.$/, '')} (${kinds.join('; ') || 'geen regel vastgelegd'}).`,
    betekent: nl.betekent,
    examples: bounded(findings.map(exampleOf)),
  };
}

/** Every finding of a requirement over these records, each once (as summary.json lists its lines). */
function requirementFindings(id: RequirementId, records: readonly ScenarioRecord[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of failedOutcomes(id, records).flatMap((o) => o.findings)) {
    const line = findingLine(f);
    if (!seen.has(line)) seen.set(line, f);
  }
  return [...seen.values()];
}

/** A finding in words a reader can check: the messages involved and the moment, in runbook style. */
function exampleOf(f: Finding): string {
  const kind = CATEGORY_NL[f.category] ?? 'bevinding';
  const ids = [...new Set(f.messageIds)];
  const idText = `${ids.slice(0, MAX_IDS_SHOWN).join(', ')}${ids.length > MAX_IDS_SHOWN ? `, ${ids.length - MAX_IDS_SHOWN} andere` : ''}`;
  // What happened carries the moments that went wrong; else the deadline the duty names.
  const happened = momentsIn(f.happened);
  const named = happened.length ? [] : momentsIn(f.expected);
  const parts = [
    ids.length ? `bericht${ids.length > 1 ? 'en' : ''} ${idText}` : undefined,
    happened.length ? `op ${happened.slice(0, 2).join(' en ')}` : named.length ? `termijn ${named.at(-1)}` : undefined,
  ].filter(Boolean);
  return `${kind}: ${parts.length ? parts.join(', ') : 'zonder bericht of tijdstip; de technische regel staat in de bijlage'}`;
}
