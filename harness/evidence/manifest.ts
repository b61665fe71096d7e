/**
 * `<out>/manifest.json`: the SHA-256 of every evidence file (allure-results, records.jsonl,
 * summary.json, dossier.*, the report, and anything else under out), so a reviewer can tell
 * that what they read is what the run produced. Write it last; publish its own hash apart
 * from the files (the manifest alone cannot prove it was not rewritten together with them).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { outFiles } from './out-layout.js';
import type { PartyRun, SchemaSet } from './summary.js';

export interface ManifestInfo { suiteVersion: string; parties: readonly PartyRun[]; schemas: SchemaSet }

export interface Manifest extends ManifestInfo {
  algorithm: 'sha256';
  /** Path relative to out, with `/` separators → hex digest. */
  files: Record<string, string>;
}

export interface IntegrityFinding { change: 'added' | 'removed' | 'changed'; path: string }

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function evidenceFiles(out: string): string[] {
  const manifest = outFiles(out).manifest;
  return readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => path !== manifest)
    .map((path) => relative(out, path).split(sep).join('/'))
    .sort();
}

export function writeManifest(out: string, info: ManifestInfo): Manifest {
  const files: Record<string, string> = {};
  for (const path of evidenceFiles(out)) files[path] = sha256(join(out, path));
  const manifest: Manifest = { suiteVersion: info.suiteVersion, parties: [...info.parties], schemas: info.schemas, algorithm: 'sha256', files };
  writeFileSync(outFiles(out).manifest, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  return manifest;
}

export function readManifest(out: string): Manifest {
  const path = outFiles(out).manifest;
  if (!existsSync(path)) {
    throw new Error(`Cannot verify ${out}: it has no manifest.json. Verify the --out directory of a finished run, or run the suite or \`npm run dossier\` to write one.`);
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(`Cannot verify ${out}: manifest.json is not JSON (${(error as Error).message}). Regenerate the evidence; the manifest must not be edited.`);
  }
}

export function verifyManifest(out: string): IntegrityFinding[] {
  const expected = readManifest(out).files;
  const present = new Set(evidenceFiles(out));
  const findings: IntegrityFinding[] = [];
  for (const [path, digest] of Object.entries(expected)) {
    if (!present.has(path)) findings.push({ change: 'removed', path });
    else if (sha256(join(out, path)) !== digest) findings.push({ change: 'changed', path });
  }
  for (const path of present) if (!(path in expected)) findings.push({ change: 'added', path });
  return findings.sort((a, b) => a.path.localeCompare(b.path));
}

/** The hash to publish next to the evidence. */
export const manifestDigest = (out: string): string => sha256(outFiles(out).manifest);
