/**
 * Issue 12: no release literal in harness logic. Code speaks of the profile's `from` and `to`;
 * the release ids, XsdVersie values and namespace segments of a migration live in its profile,
 * its schemas and the fixtures. Tests and test support (`*.test.ts`, `*-fixture.ts`) may keep them.
 * In a profile's requirement rows the suite's own prose says {from} and {to}; only the runbook's
 * quotes (`draaiboek`) name a release, word for word.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProfile } from './load-profile.js';
import { DEFAULT_PROFILE } from './run-profile.js';
import { profileReleases } from './profile-messages.js';
import type { MigrationProfile } from './migration-profile.js';

const HARNESS = fileURLToPath(new URL('..', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const isLogic = (file: string): boolean => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('-fixture.ts');

function logicFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? logicFiles(join(dir, e.name)) : isLogic(e.name) ? [join(dir, e.name)] : []);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A quoted string that is exactly one of `values`: '2.3', "2.0.2", `2_3`. */
function literalPattern(values: readonly string[]): RegExp {
  return new RegExp(`(['"\`])(?:${values.map(escape).join('|')})\\1`);
}

/** A comment line may name a release as an example; code may not. */
const isComment = (line: string): boolean => /^\s*(?:\*|\/\*|\/\/)/.test(line);

/** `file:line: text` for every code line holding such a literal. */
function releaseLiterals(files: readonly string[], pattern: RegExp, read: (f: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  return files.flatMap((file) => read(file).split('\n').flatMap((line, i) =>
    !isComment(line) && pattern.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim().slice(0, 160)}`] : []));
}

const { profile } = loadProfile(DEFAULT_PROFILE);
const VALUES = [...new Set(profileReleases(profile).flatMap((r) => [r.id, r.xsdVersie, r.namespaceSegment, ...r.acceptedXsdVersies]))];
const PATTERN = literalPattern(VALUES);

describe('no release literal in harness logic', () => {
  it('finds a literal wherever it is quoted, and not in a longer string', () => {
    const lines: Record<string, string> = {
      'harness/a.ts': "if (release === '2.3') return;\nconst ok = 'SW-2.3';\n * e.g. `2.3` in a comment",
      'harness/b.ts': 'const r = "2.0.2";\nconst seg = `2_0`;\nconst id = "12.3";',
    };
    expect(releaseLiterals(Object.keys(lines).map((f) => join(ROOT, f)), PATTERN, (f) => lines[relative(ROOT, f)] ?? '')).toEqual([
      "harness/a.ts:1: if (release === '2.3') return;",
      'harness/b.ts:1: const r = "2.0.2";',
      'harness/b.ts:2: const seg = `2_0`;',
    ]);
  });

  it(`no harness file outside the tests spells ${VALUES.join(', ')}`, () => {
    const files = logicFiles(HARNESS);
    expect(files.length).toBeGreaterThan(100);
    expect(releaseLiterals(files, PATTERN), 'use the migration profile (harness/profile/) instead').toEqual([]);
  });
});

/** `pointer: text` for every piece of the suite's own prose in the rows that names a release id. */
function releaseIdsInProse(p: MigrationProfile): string[] {
  const ids = profileReleases(p).map((r) => new RegExp(`(?<![0-9.])${escape(r.id)}(?![0-9]|\\.[0-9])`));
  const prose: [string, string][] = [
    ...p.requirements.flatMap((r, i) => [
      [`/requirements/${i}/duty`, r.duty], [`/requirements/${i}/nl/plicht`, r.nl.plicht],
      [`/requirements/${i}/nl/misging`, r.nl.misging], [`/requirements/${i}/nl/betekent`, r.nl.betekent],
    ] as [string, string][]),
    ...p.preconditions.map((pc, i) => [`/preconditions/${i}/text`, pc.text] as [string, string]),
    ...p.switchRequirements.map((r, i) => [`/switchRequirements/${i}/duty`, r.duty] as [string, string]),
    ...p.switchPreconditions.map((pc, i) => [`/switchPreconditions/${i}/text`, pc.text] as [string, string]),
  ];
  return prose.filter(([, text]) => ids.some((id) => id.test(text))).map(([at, text]) => `${at}: ${text.slice(0, 120)}`);
}

describe('no release id in the requirement rows\' own prose', () => {
  const synthetic = loadProfile(join(ROOT, 'fixtures/profiles/synthetic-9.0-9.1.json')).profile;
  it('finds a release id written out where {from} or {to} belongs, and not in a longer number', () => {
    const rows = structuredClone(profile);
    rows.requirements[0]!.duty = 'sent after T2 as 2.3';
    rows.requirements[1]!.nl.plicht = 'stappen 12.3 en 2.3.1';
    rows.preconditions[0]!.text = 'kunnen 2.0.2-berichten versturen';
    rows.switchRequirements[0]!.duty = 'a 2.0.2 heen is accepted';
    expect(releaseIdsInProse(rows)).toEqual(['/requirements/0/duty: sent after T2 as 2.3', '/preconditions/0/text: kunnen 2.0.2-berichten versturen', '/switchRequirements/0/duty: a 2.0.2 heen is accepted']);
  });

  it.each([['ipgb-2.0-2.3', profile], ['synthetic-9.0-9.1', synthetic]] as const)('%s says {from} and {to} in its own prose', (_name, p) => {
    expect(releaseIdsInProse(p)).toEqual([]);
  });

  it('keeps the runbook quoted word for word in the default profile, releases and all', () => {
    const quotes = profile.requirements.flatMap((r) => Object.values(r.nl.draaiboek ?? {}));
    expect(quotes).toContain('Deze berichten dienen als niet verzonden te worden beschouwd en na de ingebruikname van iPgb 2.3 opnieuw worden aangeboden in het iPgb 2.3-formaat.');
    expect(profile.preconditions.map((pc) => pc.draaiboek)).toContain('De SVB heeft de systemen zo ingericht en getest dat zij op 1 april 2026 iPgb 2.3-berichten kunnen versturen en ontvangen.');
  });
});

const SUITES = join(ROOT, 'suites');

/** `file:line: text` for every scenario title or `world.at` note in `files` that writes a release id out. */
function releaseIdsInSuiteText(files: readonly string[], ids: readonly string[], read: (f: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  const id = new RegExp(`(?<![0-9.])(?:${ids.map(escape).join('|')})(?![0-9]|\\.[0-9]|-[0-9])`);
  const shown = /(?:\btitle:\s*|\bworld\.at\([^'`]*)(['`])((?:(?!\1).)*)\1/;
  return files.flatMap((file) => read(file).split('\n').flatMap((line, i) => {
    const text = shown.exec(line)?.[2];
    return text !== undefined && !isComment(line) && id.test(text) ? [`${relative(ROOT, file)}:${i + 1}: ${text.slice(0, 120)}`] : [];
  }));
}

const suiteFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? suiteFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);

describe('no release id in the suites\' titles and notes', () => {
  const ids = profileReleases(profile).map((r) => r.id);
  it('finds a release written out in a title or a note, not in a runbook step number', () => {
    const lines: Record<string, string> = {
      'suites/a.test.ts': "  title: 'Een laat iPgb 2.0.2-retourbericht',\n  runbookStep: '2.3-2.5 Gereed voor gebruik iPgb 2.3',\n  title: 'stap 2.3-2.5 en {to}',",
      'suites/b.test.ts': "  await world.at(goLive, 'ingebruikname iPgb 2.3');\n  await world.at(goLive.plus({ minutes: 30 }), 'de late {from}-502');",
    };
    expect(releaseIdsInSuiteText(Object.keys(lines).map((f) => join(ROOT, f)), ids, (f) => lines[relative(ROOT, f)] ?? '')).toEqual([
      'suites/a.test.ts:1: Een laat iPgb 2.0.2-retourbericht',
      'suites/b.test.ts:1: ingebruikname iPgb 2.3',
    ]);
  });

  it(`no scenario title or world.at note spells ${ids.join(' or ')}: they say {from} and {to}, filled from the run's profile`, () => {
    const files = suiteFiles(SUITES);
    expect(files.length).toBeGreaterThan(15);
    expect(releaseIdsInSuiteText(files, ids), 'write {from} or {to}: define-scenario fills them from the run\'s profile').toEqual([]);
  });
});
