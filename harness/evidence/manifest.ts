/**
 * `<out>/manifest.json`: the SHA-256 of every evidence file (allure-results, records.jsonl,
 * summary.json, dossier.*, the report, and anything else under out), so a reviewer can tell
 * that what they read is what the run produced. Write it last; publish its own hash apart
 * from the files (the manifest alone cannot prove it was not rewritten together with them).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ENVELOPE_FILE, outFiles } from './out-layout.js';
import type { PartyRun, SchemaSet } from './summary.js';

export interface ManifestInfo { suiteVersion: string; parties: readonly PartyRun[]; schemas: SchemaSet }

export interface Manifest extends ManifestInfo {
  algorithm: 'sha256';
  /** Path relative to out, with `/` separators → hex digest. */
  files: Record<string, string>;
}

/** `not a plain file`: a symlink, fifo, socket or device under out; evidence is plain files only. */
export interface IntegrityFinding { change: 'added' | 'removed' | 'changed' | 'not a plain file'; path: string }

export const sha256File = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

export interface OutListing {
  /** Plain files, relative to out with `/` separators, sorted; the signature envelope left out (it signs them). */
  files: string[];
  /** Anything that is neither a plain file nor a directory: a symlink could point anywhere, a fifo never ends. */
  irregular: string[];
}

/** Directory entries are lstat'ed (readdir's Dirent), so a symlink is seen as one and never followed. */
export function listOut(out: string): OutListing {
  const files: string[] = [];
  const irregular: string[] = [];
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    const path = relative(out, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (entry.isFile()) {
      if (path !== ENVELOPE_FILE) files.push(path);
    } else if (!entry.isDirectory()) irregular.push(path);
  }
  return { files: files.sort(), irregular: irregular.sort() };
}

function irregularOrRefuse(out: string, what: string): OutListing {
  const listing = listOut(out);
  if (listing.irregular.length) {
    throw new Error(`Cannot ${what} ${out}: ${listing.irregular.join(', ')} is not a plain file. Evidence holds plain files only; remove it and run again.`);
  }
  return listing;
}

const evidenceFiles = (listing: OutListing): string[] => listing.files.filter((p) => p !== MANIFEST_FILE);
const MANIFEST_FILE = 'manifest.json';

export function writeManifest(out: string, info: ManifestInfo): Manifest {
  const files: Record<string, string> = {};
  for (const path of evidenceFiles(irregularOrRefuse(out, 'write the manifest of'))) files[path] = sha256File(join(out, path));
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
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    if (typeof manifest?.files !== 'object' || manifest.files === null) throw new Error('it has no files');
    return manifest;
  } catch (error) {
    throw new Error(`Cannot verify ${out}: manifest.json is not JSON (${(error as Error).message}). Regenerate the evidence; the manifest must not be edited.`);
  }
}

export function verifyManifest(out: string): IntegrityFinding[] {
  const expected = readManifest(out).files;
  const listing = listOut(out);
  const present = new Set(evidenceFiles(listing));
  const findings: IntegrityFinding[] = listing.irregular.map((path) => ({ change: 'not a plain file' as const, path }));
  for (const [path, digest] of Object.entries(expected)) {
    if (!present.has(path)) findings.push({ change: 'removed', path });
    else if (sha256File(join(out, path)) !== digest) findings.push({ change: 'changed', path });
  }
  for (const path of present) if (!Object.hasOwn(expected, path)) findings.push({ change: 'added', path });
  return findings.sort((a, b) => a.path.localeCompare(b.path));
}

/** The hash to publish next to the evidence. */
export const manifestDigest = (out: string): string => sha256File(outFiles(out).manifest);
