/**
 * A profile that takes its requirement rows from another profile of the standard
 * (`"requirements": { "extends": "ipgb-2.0-2.3.json", ... }`): the rows are the other's, each
 * without its runbook quote (that is the other migration's runbook), its runbook step shown
 * through `runbookStep` (`synthetic (iPgb {step})`), and changed where `amend` says so. One
 * catalogue per standard, so a new requirement is one row in one file.
 */
import { createHash } from 'node:crypto';
import { dirname, relative, resolve } from 'node:path';
import type { MigrationProfile, ProfileFile, ProfileRequirement, RequirementsFrom } from './migration-profile.js';
import { problem } from './profile-problem.js';

/** The file the rows came from, for the evidence. */
export interface RowsSource { path: string; sha256: string }

/** How the loader reads and checks a profile file (passed in: the loader imports this module). */
export interface RowsReader {
  read: (path: string) => { bytes: Buffer; json: unknown } | { problem: string };
  /** Throws an error with `problems` when the JSON is no usable profile. */
  parse: (json: unknown, source: string, dir: string) => MigrationProfile;
}

export function inheritedRequirements(file: ProfileFile, from: RequirementsFrom, dir: string, { read, parse }: RowsReader):
  { rows: ProfileRequirement[]; source: RowsSource } | { problems: string[] } {
  const at = '/requirements/extends';
  const path = resolve(dir, from.extends);
  const base = read(path);
  if ('problem' in base) return { problems: [problem(at, `${from.extends} cannot be used: ${base.problem}`, 'name a profile file, relative to this one')] };
  const baseRows = (base.json as { requirements?: unknown }).requirements;
  if (!Array.isArray(baseRows)) {
    return { problems: [problem(at, `${from.extends} does not list its requirement rows (it takes them from elsewhere, or has none)`, 'extend the profile that lists the rows itself')] };
  }
  if ((base.json as { name?: unknown }).name === file.name) return { problems: [problem(at, `${from.extends} is this profile`, 'extend another profile of the standard')] };
  let rows: ProfileRequirement[];
  try {
    rows = parse(base.json, relative(process.cwd(), path) || path, dirname(path)).requirements;
  } catch (e) {
    const problems = (e as { problems?: unknown }).problems;
    if (!Array.isArray(problems)) throw e;
    return { problems: [problem(at, `${from.extends} is not a usable profile (${String(problems[0] ?? '')})`, `correct ${from.extends} first`)] };
  }
  const problems: string[] = [];
  const amendments = new Map<string, NonNullable<RequirementsFrom['amend']>[number]>();
  (from.amend ?? []).forEach((a, i) => {
    if (!rows.some((r) => r.id === a.id)) problems.push(problem(`/requirements/amend/${i}/id`, `${a.id} is no requirement of ${from.extends}`, `add its row to ${from.extends} (every profile that extends it then has it), or correct the id`));
    else if (amendments.has(a.id)) problems.push(problem(`/requirements/amend/${i}/id`, `${a.id} is amended twice`, 'amend every row once'));
    amendments.set(a.id, a);
  });
  if (problems.length) return { problems };
  const resolved = rows.map((r): ProfileRequirement => {
    const { draaiboek: _quote, bron: _source, ...prose } = r.nl;
    const { nl, ...changed } = amendments.get(r.id) ?? { id: r.id };
    return {
      ...r, runbookStep: from.runbookStep ? from.runbookStep.replaceAll('{step}', r.runbookStep) : r.runbookStep,
      ...changed, nl: { ...prose, ...nl },
    };
  });
  return { rows: resolved, source: { path, sha256: createHash('sha256').update(base.bytes).digest('hex') } };
}
