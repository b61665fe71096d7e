import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finishRun } from './finish-run.js';
import { mergeRuns } from './merge-runs.js';
import { outFiles } from './out-layout.js';
import { appendRecord, readRecords, RecordsFormatRefused } from './records-file.js';
import { ENV, found, outcome, rec } from '../../fixtures/evidence/test-records.js';

const root = mkdtempSync(join(tmpdir(), 'records-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A line as the suite wrote it before records had a format: failure lines as text. */
const FORMAT_1 = JSON.stringify({
  scenarioId: 'retourstop', title: 'Scenario retourstop', role: 'gemeente', identity: '0363', endpoint: 'http://127.0.0.1:8080',
  phase: 'Afsluiting', runbookStep: '1.1 x', durationMs: 1,
  requirements: [{ id: 'AFS-1.5', verdict: 'failed', failures: ['hint: h', '[timing] expected a; b [G1]'] }, { id: 'TRA-2.3', verdict: 'not-tested', failures: [], reason: 'no restart' }],
});

describe('records.jsonl', () => {
  const failed = rec('retourstop', 'gemeente', '0363', [{ ...outcome('AFS-1.5', 'failed', [found('AFS-1.5', 'timing', 'a', 'b', ['G1'])]), hint: 'hint: h' }]);

  it('keeps the findings, the hint and the reason as fields, line by line', () => {
    const path = join(root, 'now.jsonl');
    appendRecord(path, failed);
    appendRecord(path, rec('b', 'svb', 'SVB', [outcome('AFS-1.1', 'broken', [], '[unreachable] refused')], '[unreachable] refused'));
    expect(readRecords(path)).toEqual([failed, expect.objectContaining({ requirements: [{ id: 'AFS-1.1', verdict: 'broken', findings: [], reason: '[unreachable] refused' }] })]);
  });

  it('refuses a line of an earlier suite (format 1) or of another format, saying which and what to do', () => {
    const path = join(root, 'old.jsonl');
    writeFileSync(path, `${JSON.stringify(failed)}\n${FORMAT_1}\n`);
    expect(() => readRecords(path)).toThrow(RecordsFormatRefused);
    expect(() => readRecords(path)).toThrow(`Cannot read ${path} line 2: it is records format 1 (no "format" field: an earlier suite, failure lines as text); this suite reads format 2`);
    writeFileSync(path, `${JSON.stringify({ ...failed, format: 3 })}\n`);
    expect(() => readRecords(path)).toThrow(/line 1: it is records format 3; .*Fix: run that party again with this suite/);
  });

  it('reads a format-1 line for its verdicts only when asked (compare, --rerun-failed), never its text', () => {
    const path = join(root, 'verdicts.jsonl');
    writeFileSync(path, `${FORMAT_1}\n`);
    const [old] = readRecords(path, { verdictsOfFormat1: true });
    expect(old!.requirements).toEqual([{ id: 'AFS-1.5', verdict: 'failed', findings: [] }, { id: 'TRA-2.3', verdict: 'not-tested', findings: [], reason: 'no restart' }]);
  });

  it('a merge of a run of an earlier suite ends with that error, naming the file', async () => {
    const out = join(root, 'old-run');
    mkdirSync(outFiles(out).results, { recursive: true });
    // An untouched run whose records.jsonl is format 1: its manifest covers it as it is.
    writeFileSync(outFiles(out).records, `${FORMAT_1}\n`);
    await finishRun(out, { ...ENV, parties: [ENV.parties[0]!] }, [failed]);
    expect(readFileSync(outFiles(out).records, 'utf8')).toBe(`${FORMAT_1}\n`);
    await expect(mergeRuns(join(root, 'merged'), [out])).rejects.toThrow(`Cannot read ${outFiles(out).records} line 1: it is records format 1`);
  }, 60_000);
});
