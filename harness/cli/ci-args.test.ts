import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isArgError, parseConformanceArgs } from './conformance-args.js';
import { failedScenarios, scenarioCatalog, selectScenarios } from './scenario-selection.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const parse = (...argv: string[]) => parseConformanceArgs(argv, '/work/project');
const errorOf = (...argv: string[]): string => {
  const r = parse(...argv);
  if (!isArgError(r)) throw new Error(`expected an error for ${argv.join(' ')}`);
  expect(r.error).toContain('Fix:');
  return r.error;
};

describe('network and selection flags', () => {
  it('takes --switch-listen and --switch-url, the URL without a trailing slash', () => {
    const r = parse('--switch-listen', '0.0.0.0:9300', '--switch-url', 'http://suite:9300/');
    expect(r).toMatchObject({ switchListen: '0.0.0.0:9300', switchUrl: 'http://suite:9300' });
  });
  it('refuses a listen address without a port and a URL without a fixed listen port', () => {
    expect(errorOf('--switch-listen', 'localhost')).toContain('is not HOST:PORT');
    expect(errorOf('--switch-url', 'http://suite:9300')).toContain('--switch-url needs --switch-listen with a fixed port');
    expect(errorOf('--switch-listen', '0.0.0.0:0', '--switch-url', 'http://suite:9300')).toContain('fixed port');
    expect(errorOf('--switch-listen', ':9300', '--switch-url', 'https://suite')).toContain('plain HTTP');
  });
  it('takes --scenario ids once each, and --rerun-failed only on a folder with records', () => {
    expect(parse('--scenario', 'a,b,a')).toMatchObject({ scenarios: ['a', 'b'] });
    expect(errorOf('--rerun-failed', '/nonexistent')).toContain('holds no records.jsonl');
    expect(errorOf('--scenario', 'a', '--rerun-failed', '/x')).toContain('both given');
  });
});

describe('scenario selection', () => {
  it('finds every scenario of suites/ with its file, and names unknown ids', () => {
    const catalog = scenarioCatalog(ROOT);
    expect(catalog.size).toBeGreaterThanOrEqual(18);
    expect(catalog.get('ing-new-heen-in-2-3')).toBe(join('suites', 'ingebruikname', 'ipgb-2-3.test.ts'));
    expect(selectScenarios(['ing-new-heen-in-2-3', 'no-such'], ROOT)).toEqual({ error: expect.stringContaining('unknown scenario id no-such') });
  });
  it('--rerun-failed takes the scenarios with a failed or broken requirement, once each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rerun-'));
    mkdirSync(dir, { recursive: true });
    const rec = (scenarioId: string, verdict: string, broken?: string) => JSON.stringify({ scenarioId, role: 'gemeente', requirements: [{ id: 'AFS-1.1', verdict, failures: [] }], ...(broken ? { broken } : {}) });
    // Lines of records format 1 (an earlier suite, no "format") count by their verdicts; format 2 too.
    const now = (scenarioId: string, verdict: string) => JSON.stringify({ format: 2, scenarioId, role: 'gemeente', requirements: [{ id: 'AFS-1.1', verdict, findings: [] }] });
    writeFileSync(join(dir, 'records.jsonl'), [rec('a', 'passed'), rec('b', 'failed'), rec('c', 'broken', 'x'), rec('b', 'failed'), rec('d', 'not-tested'), now('e', 'failed'), now('f', 'passed')].join('\n'));
    expect(failedScenarios(dir)).toEqual(['b', 'c', 'e']);
    writeFileSync(join(dir, 'records.jsonl'), JSON.stringify({ format: 3, scenarioId: 'g', requirements: [] }));
    expect(() => failedScenarios(dir)).toThrow(/records format 3; this suite reads format 2/);
  });
});
