/**
 * Reads a migration profile and refuses every mistake in it with one line per problem: where in
 * the file (a JSON pointer), what is wrong, how to fix it. First the JSON Schema
 * (migration-profile.schema.json), then what a schema cannot say: codes and names unique, every
 * retour answering a heen of the table with the sender and receiver swapped, every from-release
 * message covered by a stop rule, the two releases told apart by their namespaces, and the
 * requirement rows: ids unique, preconditions naming only those ids, the runbook quoted only
 * where there is a runbook, and no placeholder but {from} and {to}. A profile may take its rows
 * from another profile of the standard (`requirements.extends`, requirement-rows-from.ts), and
 * the rows may name the scenarios that verify them (checked against suites/ by whoever knows them).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import type { LoadedProfile, MigrationProfile, ProfileFile, ProfileRole, RequirementsFrom } from './migration-profile.js';
import { directionOf, stopRuleFor } from './profile-messages.js';
import { inheritedRequirements, type RowsSource } from './requirement-rows-from.js';
import { problem } from './profile-problem.js';
import { compiledSchema } from './compiled-schema.js';

const SCHEMA_TEXT = readFileSync(new URL('./migration-profile.schema.json', import.meta.url), 'utf8');
const AJV_OPTIONS = { strict: true, allErrors: true, code: { source: true } };
// The cache key holds whatever the validator is made from: a changed option makes a new one.
const validateShape = compiledSchema(JSON.stringify({ options: AJV_OPTIONS, schema: SCHEMA_TEXT }), () => {
  const ajv = new Ajv2020(AJV_OPTIONS);
  return { ajv, validate: ajv.compile(JSON.parse(SCHEMA_TEXT) as object) };
});

/** The IB codes the suite's switches answer with (cutover.md): a profile must describe each. */
const ENGINE_IB_CODES = ['IB001', 'IB003', 'IB004', 'IB005', 'IB103'];
const MAX_PROBLEMS = 20;

export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  constructor(readonly source: string, readonly problems: string[]) {
    super(`Migration profile ${source} is not usable: ${problems.length} problem(s).\n` +
      problems.slice(0, MAX_PROBLEMS).map((p) => `  ${p}`).join('\n') +
      (problems.length > MAX_PROBLEMS ? `\n  … and ${problems.length - MAX_PROBLEMS} more` : ''));
  }
}


function schemaProblem(e: ErrorObject): string {
  const at = e.instancePath || '/';
  switch (e.keyword) {
    case 'required': return problem(at, `"${String(e.params['missingProperty'])}" is missing`, 'add it (see harness/profile/migration-profile.schema.json)');
    case 'additionalProperties': return problem(at, `"${String(e.params['additionalProperty'])}" is not a field of a profile`, 'remove it or correct its spelling');
    case 'enum': return problem(at, `${e.message ?? 'is not allowed'}`, `use one of ${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`);
    case 'pattern': return problem(at, `does not match ${String(e.params['pattern'])}`, 'correct the value');
    case 'oneOf': return problem(at, 'has none of the allowed forms', ONE_OF_FIX[at.slice(at.lastIndexOf('/') + 1)] ?? 'correct the value (see harness/profile/migration-profile.schema.json)');
    default: return problem(at, e.message ?? e.keyword, 'correct the value (see harness/profile/migration-profile.schema.json)');
  }
}

const ONE_OF_FIX: Record<string, string> = {
  shownBy: 'give "all" (every requirement of the role) or a list of requirement ids',
  requirements: 'list the requirement rows, or give { "extends": "<profile>.json" } to take them from another profile of the standard',
};

/** One line per mistake: a value matching no branch of a oneOf is one problem, not one per branch. */
function schemaProblems(errors: readonly ErrorObject[]): string[] {
  const oneOf = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  // A mistake inside the value (e.g. in one row of the list) names itself; its oneOf would only repeat it.
  const inside = (path: string): boolean => errors.some((e) => e.instancePath.startsWith(`${path}/`));
  return errors.filter((e) => (e.keyword === 'oneOf' ? !inside(e.instancePath) : !oneOf.has(e.instancePath))).map(schemaProblem);
}

/** The problems a schema cannot see, as `at /pointer: what. Fix: how.` lines. */
export function semanticProblems(p: MigrationProfile): string[] {
  const out: string[] = [];
  const byName = new Map(p.messages.map((m) => [m.name, m]));
  const seenCode = new Map<string, number>();
  const seenName = new Set<string>();
  p.messages.forEach((m, i) => {
    const at = `/messages/${i}`;
    if (seenName.has(m.name)) out.push(problem(`${at}/name`, `${m.name} is listed twice`, 'list every message once'));
    seenName.add(m.name);
    const other = seenCode.get(m.berichtCode);
    if (other !== undefined) out.push(problem(`${at}/berichtCode`, `BerichtCode ${m.berichtCode} is also that of /messages/${other}`, 'give every message its own BerichtCode'));
    seenCode.set(m.berichtCode, i);
    if (m.sender === m.receiver) out.push(problem(at, `${m.name} is sent and received by ${m.sender}`, 'a message goes from one role to another'));
    const retourFamily = m.name.endsWith('502') || m.name.endsWith('508');
    if (retourFamily && m.answers === undefined) out.push(problem(at, `${m.name} is a retour but answers no heen`, `add "answers" naming its heen`));
    if (!retourFamily && m.answers !== undefined) out.push(problem(`${at}/answers`, `${m.name} is a heen and cannot answer ${m.answers}`, 'remove "answers"'));
    if (m.answers === undefined) return;
    const heen = byName.get(m.answers);
    if (!heen) out.push(problem(`${at}/answers`, `${m.answers} is not in the message table`, 'add the heen or correct the name'));
    else if (heen.sender !== m.receiver || heen.receiver !== m.sender) {
      out.push(problem(at, `${m.name} goes ${m.sender} → ${m.receiver} but answers ${heen.name} (${heen.sender} → ${heen.receiver})`, 'a retour goes back the way its heen came'));
    }
  });
  p.stopRules.forEach((rule, i) => (rule.messages ?? []).forEach((sel, j) => {
    const hits = p.messages.filter((m) => m.name === sel || m.name.endsWith(sel));
    if (hits.length === 0) out.push(problem(`/stopRules/${i}/messages/${j}`, `"${sel}" names no message of the table`, 'name a message or a family of the table'));
    for (const m of hits) {
      if (directionOf(p, m.name) !== rule.direction) out.push(problem(`/stopRules/${i}/messages/${j}`, `${m.name} is no ${rule.direction}`, `move it to a ${directionOf(p, m.name)} rule`));
    }
  }));
  for (const m of p.messages) {
    if (!stopRuleFor(p, m.name)) out.push(problem('/stopRules', `no rule stops ${m.name} (${directionOf(p, m.name)})`, `add a ${directionOf(p, m.name)} rule that covers it (T0 or T1)`));
  }
  const { from, to } = p.releases;
  for (const key of ['id', 'namespaceSegment', 'xsdFolder'] as const) {
    if (from[key] === to[key]) out.push(problem(`/releases/to/${key}`, `is "${to[key]}", the same as the from release's`, 'the two releases must differ here, or the suite cannot tell them apart'));
  }
  (['from', 'to'] as const).forEach((side) => {
    const r = p.releases[side];
    if (!r.acceptedXsdVersies.includes(r.xsdVersie)) out.push(problem(`/releases/${side}/acceptedXsdVersies`, `does not hold xsdVersie ${r.xsdVersie}`, 'add it: the builders write that value'));
  });
  (Object.keys(p.roles) as (keyof MigrationProfile['roles'])[]).forEach((role) => {
    const { identityFormat, defaultIdentity } = p.roles[role];
    let format: RegExp | undefined;
    try { format = new RegExp(identityFormat); } catch (e) { out.push(problem(`/roles/${role}/identityFormat`, `is not a regular expression (${(e as Error).message})`, 'correct it')); }
    if (format && !format.test(defaultIdentity)) out.push(problem(`/roles/${role}/defaultIdentity`, `"${defaultIdentity}" does not match ${identityFormat}`, 'make the default an identity of the role'));
  });
  if (p.synthetic !== p.name.includes('synthetic')) {
    out.push(problem('/name', p.synthetic ? `"${p.name}" is a synthetic profile without "synthetic" in its name` : `"${p.name}" says synthetic but the profile is not`,
      'a test migration says so in its name and with "synthetic": true; a real one in neither'));
  }
  const codes = new Set(p.ibCodes.map((c) => c.code));
  for (const code of ENGINE_IB_CODES) {
    if (!codes.has(code)) out.push(problem('/ibCodes', `${code} is missing`, `describe ${code}: the suite's switches answer with it`));
  }
  out.push(...requirementProblems(p));
  return out;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const FILLED = new Set(['from', 'to']);

/** The requirement rows and preconditions: what the schema cannot see. */
function requirementProblems(p: MigrationProfile): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  const noRunbook = 'a synthetic profile has no runbook: give the duty in its own words (plicht) and no quote';
  const placeholders = (at: string, text: string, quote: boolean): void => {
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (quote) out.push(problem(at, `the runbook quote holds {${name}}`, 'quote the runbook\'s words exactly; placeholders belong in the suite\'s own prose'));
      else if (!FILLED.has(name!)) out.push(problem(at, `{${name}} is not a placeholder`, 'use {from} or {to} (the release ids), or write the text out'));
    }
  };
  p.requirements.forEach((r, i) => {
    const at = `/requirements/${i}`;
    if (ids.has(r.id)) out.push(problem(`${at}/id`, `${r.id} is listed twice`, 'give every requirement one row; ids never change meaning, a new duty gets a new id'));
    ids.add(r.id);
    placeholders(`${at}/duty`, r.duty, false);
    for (const key of ['plicht', 'misging', 'betekent'] as const) placeholders(`${at}/nl/${key}`, r.nl[key], false);
    const quotes = Object.entries(r.nl.draaiboek ?? {});
    if (p.synthetic && (quotes.length || r.nl.bron)) out.push(problem(`${at}/nl`, `${r.id} quotes a runbook`, `${noRunbook}; remove "draaiboek" and "bron"`));
    else if (quotes.length && !r.nl.bron) out.push(problem(`${at}/nl`, `${r.id} quotes the runbook without "bron"`, 'say where the words stand (e.g. "stap 1.1, maandag 30 maart 2026 09.00 uur")'));
    else if (!quotes.length && r.nl.bron) out.push(problem(`${at}/nl/bron`, `${r.id} names a source but quotes nothing`, 'add the "draaiboek" quote or remove "bron"'));
    for (const [who, text] of quotes) {
      placeholders(`${at}/nl/draaiboek/${who}`, text ?? '', true);
      if (who !== 'alle' && !r.roles.includes(who as ProfileRole)) out.push(problem(`${at}/nl/draaiboek/${who}`, `${r.id} does not apply to ${who}`, `quote for a role of ${r.roles.join(', ')}, or for "alle"`));
    }
  });
  const nrs = new Set<string>();
  p.preconditions.forEach((pc, i) => {
    const at = `/preconditions/${i}`;
    if (nrs.has(pc.nr)) out.push(problem(`${at}/nr`, `precondition ${pc.nr} is listed twice`, 'list every precondition once'));
    nrs.add(pc.nr);
    placeholders(`${at}/text`, pc.text, false);
    if (pc.draaiboek !== undefined) placeholders(`${at}/draaiboek`, pc.draaiboek, true);
    if (p.synthetic && pc.draaiboek !== undefined) out.push(problem(`${at}/draaiboek`, `precondition ${pc.nr} quotes a runbook`, `${noRunbook}; remove "draaiboek"`));
    if (!p.synthetic && pc.draaiboek === undefined) out.push(problem(at, `precondition ${pc.nr} has no "draaiboek"`, 'quote the runbook\'s chapter 4 words exactly'));
    if (pc.shownBy === 'all') return;
    pc.shownBy.forEach((id, j) => {
      if (!ids.has(id)) out.push(problem(`${at}/shownBy/${j}`, `${id} is no requirement of this profile`, `name an id of /requirements (${[...ids].join(', ')})`));
    });
  });
  const switchNrs = new Set<string>();
  p.switchPreconditions.forEach((pc, i) => {
    const at = `/switchPreconditions/${i}`;
    if (switchNrs.has(pc.nr)) out.push(problem(`${at}/nr`, `precondition ${pc.nr} is listed twice`, 'list every precondition once'));
    switchNrs.add(pc.nr);
    placeholders(`${at}/text`, pc.text, false);
    if (pc.draaiboek !== undefined) placeholders(`${at}/draaiboek`, pc.draaiboek, true);
    if (p.synthetic && pc.draaiboek !== undefined) out.push(problem(`${at}/draaiboek`, `precondition ${pc.nr} quotes a runbook`, `${noRunbook}; remove "draaiboek"`));
    if (!p.synthetic && pc.draaiboek === undefined) out.push(problem(at, `precondition ${pc.nr} has no "draaiboek"`, 'quote the runbook\'s chapter 4 words exactly'));
  });
  const switchIds = new Set<string>();
  p.switchRequirements.forEach((r, i) => {
    const at = `/switchRequirements/${i}`;
    if (switchIds.has(r.id)) out.push(problem(`${at}/id`, `${r.id} is listed twice`, 'give every switch requirement one row'));
    switchIds.add(r.id);
    placeholders(`${at}/duty`, r.duty, false);
    r.preconditions.forEach((nr, j) => {
      if (!switchNrs.has(nr)) out.push(problem(`${at}/preconditions/${j}`, `${nr} is no switch precondition of this profile`, `name one of /switchPreconditions (${[...switchNrs].join(', ')})`));
    });
  });
  return out;
}

/**
 * The rows that name a scenario suites/ does not have: `scenarioIds` are the stable ids there
 * (the loader cannot know them; the conformance command and a test pass them in).
 */
export function verifiedByProblems(p: MigrationProfile, scenarioIds: ReadonlySet<string>, file?: ProfileFile): string[] {
  const from = file && !Array.isArray(file.requirements) ? file.requirements : undefined;
  return p.requirements.flatMap((r, i) => (r.verifiedBy ?? []).flatMap((id, j) => {
    if (scenarioIds.has(id)) return [];
    const k = from?.amend?.findIndex((a) => a.id === r.id && a.verifiedBy) ?? -1;
    const at = !from ? `/requirements/${i}/verifiedBy/${j}` : k >= 0 ? `/requirements/amend/${k}/verifiedBy/${j}` : '/requirements/extends';
    const where = from && k < 0 ? ` (in ${r.id}'s row of ${from.extends})` : '';
    return [problem(at, `"${id}" is no scenario of suites/${where}`, 'name a scenario by its stable id, as scenario({ id }) in suites/ and records.jsonl give it')];
  }));
}

export interface LoadOptions {
  /** The stable scenario ids of suites/: a row's `verifiedBy` must name one of them. */
  scenarioIds?: ReadonlySet<string>;
}

interface Parsed { profile: MigrationProfile; from?: RowsSource }

function parseFile(json: unknown, source: string, dir: string, options: LoadOptions): Parsed {
  if (!validateShape(json)) throw new ProfileError(source, schemaProblems(validateShape.errors ?? []));
  const file = json as ProfileFile;
  const inherited = Array.isArray(file.requirements) ? undefined : inheritedRequirements(file, file.requirements, dir, { read: readProfileFile, parse: parseProfile });
  if (inherited && 'problems' in inherited) throw new ProfileError(source, inherited.problems);
  const profile = { ...file, requirements: inherited ? inherited.rows : file.requirements } as MigrationProfile;
  const problems = semanticProblems(profile).map((line) => inherited ? inFile(line, profile, file.requirements as RequirementsFrom) : line);
  if (options.scenarioIds) problems.push(...verifiedByProblems(profile, options.scenarioIds, file));
  if (problems.length > 0) throw new ProfileError(source, problems);
  return { profile, ...(inherited ? { from: inherited.source } : {}) };
}

/**
 * A problem found in the resolved rows, pointed into the file that has them: an amended row at its
 * amendment, an inherited one at `extends`, naming the row.
 */
function inFile(line: string, profile: MigrationProfile, from: RequirementsFrom): string {
  return line.replace(/^at \/requirements\/(\d+)(\S*):/, (_all, index: string, rest: string) => {
    const id = profile.requirements[Number(index)]?.id;
    const k = (from.amend ?? []).findIndex((a) => a.id === id);
    return k >= 0 ? `at /requirements/amend/${k}${rest}:` : `at /requirements/extends (${id}${rest} of ${from.extends}):`;
  });
}

/**
 * Checks parsed JSON against the schema and the rules above; `source` names it in the error, and
 * a `requirements.extends` is read relative to `dir` (default: the folder of `source`).
 */
export function parseProfile(json: unknown, source: string, dir: string = dirname(resolve(source)), options: LoadOptions = {}): MigrationProfile {
  return parseFile(json, source, dir, options).profile;
}

/** A profile file's bytes and JSON, or the one problem that stops reading it. */
function readProfileFile(path: string): { bytes: Buffer; json: unknown } | { problem: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { problem: problem('', `the file cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'give the path of a profile JSON, e.g. fixtures/profiles/ipgb-2.0-2.3.json') };
  }
  try {
    return { bytes, json: JSON.parse(bytes.toString('utf8')) };
  } catch (e) {
    return { problem: problem('', `not JSON (${(e as Error).message})`, 'correct the syntax') };
  }
}

const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export function loadProfile(path: string, options: LoadOptions = {}): LoadedProfile {
  const absolute = resolve(path);
  const read = readProfileFile(absolute);
  if ('problem' in read) throw new ProfileError(path, [read.problem]);
  const { profile, from } = parseFile(read.json, path, dirname(absolute), options);
  return { profile, path: absolute, sha256: sha256Of(read.bytes), ...(from ? { requirementsFrom: from } : {}) };
}
