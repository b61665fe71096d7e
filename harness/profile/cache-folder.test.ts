import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFolder } from './cache-folder.js';

describe('where the suite keeps its caches', () => {
  const made: string[] = [];
  const folder = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-folder-'));
    made.push(dir);
    return dir;
  };
  afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const uid = process.getuid?.() ?? 'user';

  it('uses the suite\'s own node_modules when it may write there', () => {
    const nodeModules = folder();
    expect(cacheFolder('vitest', nodeModules, folder())).toBe(join(nodeModules, '.cache', 'ipgb-conformance', 'vitest'));
  });

  it('falls back to a folder of this user\'s own in the temporary folder, made private', () => {
    const temporary = folder();
    const path = cacheFolder('json-schema', join(temporary, 'no-node-modules-here'), temporary);
    const root = join(temporary, `ipgb-conformance-cache-${uid}`);
    expect(path).toBe(join(root, 'json-schema'));
    expect(statSync(root).mode & 0o777).toBe(0o700);
  });

  it('refuses a temporary folder that others may write: its files would be code the suite runs', () => {
    const temporary = folder();
    const root = join(temporary, `ipgb-conformance-cache-${uid}`);
    mkdirSync(root);
    chmodSync(root, 0o777);
    expect(cacheFolder('json-schema', join(temporary, 'no-node-modules-here'), temporary)).toBeUndefined();
  });
});
