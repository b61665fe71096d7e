import { execFile } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyManifest, writeManifest } from './manifest.js';
import { ENV } from '../../fixtures/evidence/test-records.js';

const run = promisify(execFile);
let out: string;

beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'evidence-manifest-'));
  mkdirSync(join(out, 'allure-results'));
  mkdirSync(join(out, 'allure-report'));
  writeFileSync(join(out, 'allure-results', 'a-result.json'), '{"name":"t","status":"passed"}');
  writeFileSync(join(out, 'records.jsonl'), '{"scenarioId":"s"}\n');
  writeFileSync(join(out, 'summary.json'), '{"complete":true,"totals":{}}\n');
  writeFileSync(join(out, 'dossier.html'), '<p>voldaan</p>');
  writeFileSync(join(out, 'allure-report', 'index.html'), '<html></html>');
  writeManifest(out, { suiteVersion: ENV.suiteVersion, parties: ENV.parties, schemas: ENV.schemas });
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('manifest', () => {
  it('hashes every file under out except itself', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.files)).toEqual([
      'allure-report/index.html', 'allure-results/a-result.json', 'dossier.html', 'records.jsonl', 'summary.json',
    ]);
    expect(verifyManifest(out)).toEqual([]);
  });

  it('catches a one-byte change', () => {
    const path = join(out, 'summary.json');
    const bytes = readFileSync(path);
    bytes[2] = bytes[2]! ^ 0x01;
    writeFileSync(path, bytes);
    expect(verifyManifest(out)).toEqual([{ change: 'changed', path: 'summary.json' }]);
  });

  it('catches an added and a removed file', () => {
    writeFileSync(join(out, 'allure-results', 'forged-result.json'), '{}');
    rmSync(join(out, 'dossier.html'));
    expect(verifyManifest(out)).toEqual([
      { change: 'added', path: 'allure-results/forged-result.json' },
      { change: 'removed', path: 'dossier.html' },
    ]);
  });

  it('npm run verify exits 0 when intact and 1 with one line per finding', async () => {
    const cli = ['tsx', 'harness/cli/verify.ts', out];
    const ok = await run('npx', cli);
    expect(ok.stdout).toMatch(/^intact: /);
    appendFileSync(join(out, 'records.jsonl'), ' ');
    const bad = await run('npx', cli).then(() => undefined, (e: { code: number; stdout: string }) => e);
    expect(bad?.code).toBe(1);
    expect(bad?.stdout.split('\n')[0]).toBe('changed: records.jsonl');
  }, 30_000);
});
