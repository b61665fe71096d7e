/**
 * Issue 12: no release literal in harness logic. Code speaks of the profile's `from` and `to`;
 * the release ids, XsdVersie values and namespace segments of a migration live in its profile,
 * its schemas and the fixtures. Tests and test support (`*.test.ts`, `*-fixture.ts`) may keep them.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProfile } from './load-profile.js';
import { DEFAULT_PROFILE } from './run-profile.js';
import { profileReleases } from './profile-messages.js';

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
