/**
 * A JSON Schema validator that ajv generates once per machine, not once per process. ajv's code
 * generation takes 170 ms for the migration profile's schema alone, and the command and each
 * suite worker compiled the same schemas at their start (about 0.6 s of CPU per worker,
 * bench/README.md). The generated validator (ajv's standalone code) is kept in a cache folder
 * under a hash of everything it was made from: the schema, the options, ajv's version. A process
 * that finds it evaluates it (a few ms). Any change to one of those makes a new key; a cache that
 * cannot be read or written is no error, the schema is then compiled as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import { cacheFolder } from './cache-folder.js';

/** What a compiled or cached validator offers: the answer, and the errors of the last call. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Made by `compile` on a miss: the instance (created with `code: { source: true }`) and its validator. */
export interface Compiled { ajv: Ajv2020; validate: SchemaValidator }

const FOLDER = cacheFolder('json-schema');

/** The generated code requires ajv's runtime helpers: they resolve from the suite's own ajv. */
interface AjvRuntime { require: NodeJS.Require; version: string }
let runtime: AjvRuntime | null | undefined;

/** Looked up on first use, and null when it cannot be: the cache must never stop a validation. */
function ajvRuntime(): AjvRuntime | null {
  if (runtime === undefined) {
    try {
      const require = createRequire(import.meta.url);
      runtime = { require, version: (require('ajv/package.json') as { version: string }).version };
    } catch {
      runtime = null;
    }
  }
  return runtime;
}

/**
 * @param source everything the validator is made from (schema text, options, pointer), as text
 * @param compile compiles it when the cache has no validator for `source`
 * @param folder the cache (cache-folder.ts); null compiles every time
 */
export function compiledSchema(source: string, compile: () => Compiled, folder: string | null = FOLDER ?? null): SchemaValidator {
  const suiteAjv = folder === null ? null : ajvRuntime();
  if (folder === null || suiteAjv === null) return compile().validate;
  const key = createHash('sha256').update(`ajv ${suiteAjv.version}\n${source}`).digest('hex');
  const path = join(folder, `${key}.cjs`);
  const cached = readCached(path, suiteAjv);
  if (cached) return cached;
  const { ajv, validate } = compile();
  writeCached(path, ajv, validate, suiteAjv);
  return validate;
}

function readCached(path: string, { require }: AjvRuntime): SchemaValidator | undefined {
  let code: string;
  try {
    code = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const module = { exports: {} as { default?: SchemaValidator } };
  try {
    // The suite's own generated code, from a folder only this user writes (cache-folder.ts).
    new Function('require', 'module', 'exports', code)(require, module, module.exports);
  } catch {
    return undefined; // a file changed by hand: compiled afresh, and written over
  }
  return typeof module.exports.default === 'function' ? module.exports.default : undefined;
}

function writeCached(path: string, ajv: Ajv2020, validate: SchemaValidator, { require }: AjvRuntime): void {
  try {
    const standaloneCode = (require('ajv/dist/standalone/index.js') as { default: (ajv: Ajv2020, v: SchemaValidator) => string }).default;
    const code = standaloneCode(ajv, validate);
    mkdirSync(dirname(path), { recursive: true });
    // Written aside and renamed: a worker reading at the same moment sees the whole file or none.
    const aside = `${path}.${process.pid}.tmp`;
    writeFileSync(aside, code, 'utf8');
    renameSync(aside, path);
  } catch {
    // No cache this time: the validator compiled above serves.
  }
}
