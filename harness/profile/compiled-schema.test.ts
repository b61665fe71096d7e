import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compiledSchema, type Compiled } from './compiled-schema.js';

const SCHEMA = {
  type: 'object', required: ['code', 'count'], additionalProperties: false,
  properties: { code: { type: 'string', pattern: '^IB\\d{3}$' }, count: { type: 'integer', minimum: 1 } },
};
const SOURCE = JSON.stringify(SCHEMA);
const compile = (): Compiled => {
  const ajv = new Ajv2020({ strict: true, allErrors: true, code: { source: true } });
  return { ajv, validate: ajv.compile(SCHEMA) };
};
const WRONG = { code: 'XX1', count: 0, extra: true };

describe('a JSON Schema compiled once per machine', () => {
  const folders: string[] = [];
  const folder = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'compiled-schema-'));
    folders.push(dir);
    return dir;
  };
  afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('compiles on the first use, then answers from the cache with the same verdicts and errors', () => {
    const dir = folder();
    const first = vi.fn(compile);
    const fresh = compiledSchema(SOURCE, first, dir);
    expect(first).toHaveBeenCalledTimes(1);
    expect(readdirSync(dir)).toHaveLength(1);

    const again = vi.fn(compile);
    const cached = compiledSchema(SOURCE, again, dir);
    expect(again).not.toHaveBeenCalled();
    expect(cached).not.toBe(fresh);
    for (const data of [{ code: 'IB003', count: 2 }, WRONG, 'not an object']) {
      expect(cached(data)).toBe(fresh(data));
      expect(cached.errors).toEqual(fresh.errors);
    }
    expect(cached(WRONG)).toBe(false);
    expect(cached.errors?.map((e) => e.keyword).sort()).toEqual(['additionalProperties', 'minimum', 'pattern']);
  });

  it('keys the cache by the source: another schema text is compiled, not taken for the first', () => {
    const dir = folder();
    compiledSchema(SOURCE, compile, dir);
    const other = vi.fn(compile);
    compiledSchema(`${SOURCE} `, other, dir);
    expect(other).toHaveBeenCalledTimes(1);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('compiles afresh over a cached file that no longer evaluates, and over one that exports no validator', () => {
    const dir = folder();
    compiledSchema(SOURCE, compile, dir);
    const [file] = readdirSync(dir);
    for (const broken of ['module.exports = {', 'module.exports = { default: 42 };']) {
      writeFileSync(join(dir, file!), broken, 'utf8');
      const recompile = vi.fn(compile);
      const validate = compiledSchema(SOURCE, recompile, dir);
      expect(recompile).toHaveBeenCalledTimes(1);
      expect(validate(WRONG)).toBe(false);
    }
  });

  it('without a cache folder it compiles every time and still answers', () => {
    const each = vi.fn(compile);
    expect(compiledSchema(SOURCE, each, null)({ code: 'IB001', count: 1 })).toBe(true);
    compiledSchema(SOURCE, each, null);
    expect(each).toHaveBeenCalledTimes(2);
  });
});
