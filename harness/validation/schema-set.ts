/**
 * Which XSD files the suite validates with: the bundled reconstruction in `schemas/`, or a
 * directory holding the official Zorginstituut set (`--schemas DIR`). The evidence names the set
 * and the SHA-256 of every file, so a verdict can be traced to the exact schemas behind it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { messageNames, releases, xsdFolderOf } from '../messages/catalog.js';
import type { MessageName, Release } from '../messages/model.js';

export interface SchemaSet {
  source: 'bundled' | 'official';
  /** Absolute directory holding one subfolder per release of the migration profile (its `xsdFolder`). */
  dir: string;
  /** SHA-256 (hex) of every `.xsd` file of both releases, keyed like `2.3/wmo501.xsd`. */
  files: Record<string, string>;
  /** Absolute path of the XSD for one message in one release. */
  pathOf(name: MessageName, release: Release): string;
}

const BUNDLED_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** The files every set must hold per release; an official set may hold more (its own includes). */
const requiredFiles = (): readonly string[] => [
  'basisschema.xsd',
  ...messageNames().map((name) => `${name.toLowerCase()}.xsd`),
];

export const schemaFileOf = (name: MessageName, release: Release): string =>
  `${xsdFolderOf(release)}/${name.toLowerCase()}.xsd`;

/**
 * Loads and fingerprints a schema set. Without `dir` it is the bundled set; with `dir` it is
 * taken as the official set. Throws, naming the file, when any required XSD is missing.
 */
export function loadSchemaSet(dir?: string): SchemaSet {
  const root = resolve(dir ?? BUNDLED_DIR);
  const source = dir === undefined ? 'bundled' : 'official';
  const folders = releases().map(xsdFolderOf);
  for (const folder of folders) {
    for (const file of requiredFiles()) {
      const path = join(root, folder, file);
      if (!existsSync(path)) {
        throw new Error(
          `Cannot load the ${source} schema set: ${folder}/${file} is missing in ${root}. ` +
            `A schema set holds basisschema.xsd and the ${messageNames().length} message XSDs (lower-case names, e.g. wmo501.xsd) ` +
            `in each of the subfolders ${folders.map((f) => `${f}/`).join(' and ')}. ` +
            `Copy the missing file there, or point --schemas at a complete set.`,
        );
      }
    }
  }
  const files: Record<string, string> = {};
  for (const folder of folders) {
    const releaseDir = join(root, folder);
    for (const file of readdirSync(releaseDir).filter((f) => f.endsWith('.xsd')).sort()) {
      const path = join(releaseDir, file);
      if (statSync(path).isFile()) files[`${folder}/${file}`] = sha256(readFileSync(path));
    }
  }
  return {
    source,
    dir: root,
    files,
    pathOf: (name, release) => join(root, schemaFileOf(name, release)),
  };
}

/**
 * The bytes of one file of the set, checked against the SHA-256 recorded at load time, so the
 * fingerprint in the evidence is that of the schema actually compiled.
 */
export function readSchemaFile(set: SchemaSet, file: string): Buffer {
  const expected = set.files[file];
  if (expected === undefined) {
    throw new Error(
      `Cannot read schema ${file}: it is not part of the ${set.source} set in ${set.dir}. ` +
        `Name a file of the set, e.g. ${Object.keys(set.files)[0] ?? '2.3/wmo501.xsd'}.`,
    );
  }
  const content = readFileSync(join(set.dir, file));
  const actual = sha256(content);
  if (actual !== expected) {
    throw new Error(
      `Cannot use schema ${file} of ${set.dir}: it changed after the set was loaded (SHA-256 ${actual}, ` +
        `recorded ${expected}), so the evidence would name the wrong schema. Reload the set with loadSchemaSet().`,
    );
  }
  return content;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
