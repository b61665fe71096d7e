/**
 * The layers run one way (DEVELOPERS' models): protocol vocabulary → profile → messages → validation →
 * switch/ledger → verdicts → evidence → scenario → cli. Each harness folder imports only from the
 * folders below it, and nothing the harness ships imports fixtures/ or suites/ (an embedded party
 * is named by path in the run settings and loaded at runtime). Tests and their support files
 * (`*.test.ts`, `*.test-support.ts`) may use fixtures; they are not shipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Bottom first. A folder may import from folders earlier in this list, never later. */
const LAYERS = [
  'protocol', 'clock', 'profile', 'messages', 'validation', 'ledger', 'switch', 'counterparty', 'sut',
  'verdicts', 'evidence', 'scenario', 'switch-sut', 'cli',
] as const;
const FORBIDDEN_OUTSIDE = ['fixtures', 'suites'];

interface SourceFile { path: string; text: string }

const isTestOnly = (path: string): boolean => /\.test(-support)?\.ts$/.test(path);

/** Every module specifier: `from '...'`, `import '...'`, `import('...')`. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
}

/** One line per import that breaks the layering, naming the file, the import and why. */
export function layeringOffences(files: readonly SourceFile[]): string[] {
  const offences: string[] = [];
  for (const file of files) {
    if (isTestOnly(file.path)) continue;
    const [, folder] = file.path.split('/');
    const own = LAYERS.indexOf(folder as (typeof LAYERS)[number]);
    if (own < 0) {
      offences.push(`${file.path}: folder harness/${folder} is in no layer. Fix: add it to LAYERS in harness/import-layers.test.ts, above what it imports.`);
      continue;
    }
    for (const spec of specifiers(file.text).filter((s) => s.startsWith('.'))) {
      const target = normalize(join(dirname(file.path), spec));
      const [top, sub] = target.split('/');
      if (top !== 'harness') {
        if (FORBIDDEN_OUTSIDE.includes(top ?? '')) offences.push(`${file.path} imports ${spec}: the harness never imports ${top}/. Fix: take it as a parameter or name it by path in the run settings.`);
        continue;
      }
      const layer = LAYERS.indexOf(sub as (typeof LAYERS)[number]);
      if (sub !== folder && layer > own) offences.push(`${file.path} imports ${spec}: harness/${folder} may not import harness/${sub}, a layer above it. Fix: move what both need down, or pass it in.`);
    }
  }
  return offences;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function harnessFiles(dir = join(ROOT, 'harness')): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return harnessFiles(path);
    return /\.(ts|mts|mjs)$/.test(entry.name) ? [{ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }] : [];
  });
}

describe('import layering of the harness', () => {
  it('imports only downward, and never fixtures/ or suites/', () => {
    const files = harnessFiles().filter((f) => f.path.split('/').length > 2);
    expect(files.length).toBeGreaterThan(100);
    expect(layeringOffences(files)).toEqual([]);
  });

  it('names the offending import', () => {
    const files: SourceFile[] = [
      { path: 'harness/messages/parse.ts', text: "import { judge } from '../verdicts/judge.js';\nimport type { Role } from '../protocol/vocabulary.js';" },
      { path: 'harness/sut/embedded-driver.ts', text: "const f = await import('../../fixtures/parties/faulty/index.js');" },
      { path: 'harness/sut/embedded-driver.test.ts', text: "import { x } from '../../fixtures/parties/embedded-party.js';" },
      { path: 'harness/extra/thing.ts', text: '' },
    ];
    expect(layeringOffences(files)).toEqual([
      'harness/messages/parse.ts imports ../verdicts/judge.js: harness/messages may not import harness/verdicts, a layer above it. Fix: move what both need down, or pass it in.',
      'harness/sut/embedded-driver.ts imports ../../fixtures/parties/faulty/index.js: the harness never imports fixtures/. Fix: take it as a parameter or name it by path in the run settings.',
      'harness/extra/thing.ts: folder harness/extra is in no layer. Fix: add it to LAYERS in harness/import-layers.test.ts, above what it imports.',
    ]);
  });
});
