/**
 * End to end, a party that fails a backlog of 1,000 events (`drains-too-slowly`: 990 heen left
 * at the heen stop, 1,980 findings): a child vitest runs the scenario with the evidence
 * reporters, then summary, dossier, report and manifest are made. Every place that shows the
 * findings is bounded, the attachments and records.jsonl hold them all, and the report comes
 * (its categories never read the message). Its speed is in bench/failing-backlog.ts, not here.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierView } from './dossier-model.js';
import { finishRun, readRunRecords } from './finish-run.js';
import { verifyManifest } from './manifest.js';
import { outFiles } from './out-layout.js';
import { generateReport, ReportTimedOut } from './report.js';
import type { Summary } from './summary.js';
import { BACKLOG_ENV, BACKLOG_TARGET } from '../../fixtures/evidence/backlog-run.js';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'bounded-findings-'));
const out = join(root, 'run');
let summary: Summary;

interface AllureAttachment { name: string; source: string }
interface AllureStep { name: string; attachments?: AllureAttachment[]; steps?: AllureStep[] }
interface AllureResult extends AllureStep { status: string; statusDetails: { message: string }; labels: Array<{ name: string; value: string }> }

const resultFile = (dir: string): string => {
  const name = readdirSync(outFiles(dir).results).find((f) => f.endsWith('-result.json'));
  if (!name) throw new Error(`no Allure result in ${dir}`);
  return join(outFiles(dir).results, name);
};
const result = (dir = out): AllureResult => JSON.parse(readFileSync(resultFile(dir), 'utf8')) as AllureResult;
const attachment = (name: string): string => {
  const all = (s: AllureStep): AllureAttachment[] => [...(s.attachments ?? []), ...(s.steps ?? []).flatMap(all)];
  const found = all(result()).find((a) => a.name === name);
  if (!found) throw new Error(`no attachment ${name}`);
  return readFileSync(join(outFiles(out).results, found.source), 'utf8');
};
/** The test names the report's categories widget puts under each category. */
const categorised = (dir: string): Record<string, number> => {
  const widget = /d\("widgets\/categories\.json","([A-Za-z0-9+/=]+)"\)/.exec(readFileSync(outFiles(dir).reportHtml, 'utf8'));
  const tree = JSON.parse(Buffer.from(widget?.[1] ?? '', 'base64').toString('utf8')) as { nodes: Record<string, { type: string; name: string; statistic?: { total: number } }> };
  return Object.fromEntries(Object.values(tree.nodes).filter((n) => n.type === 'category').map((n) => [n.name, n.statistic?.total ?? 0]));
};

beforeAll(async () => {
  // The scenario fails on purpose, so the child exits 1.
  await run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'fixtures/evidence/vitest.backlog.config.ts'], {
    env: { ...process.env, CONFORMANCE_OUT: out, CONFORMANCE_TARGET: JSON.stringify(BACKLOG_TARGET) }, timeout: 120_000,
  }).catch((e: { code?: number }) => {
    if (e.code !== 1) throw e;
  });
  summary = await finishRun(out, BACKLOG_ENV);
}, 240_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a party that fails a backlog of 1,000 events', () => {
  it('gets a failure message of a few KB: the first 20 findings per requirement, then how many more', () => {
    const r = result();
    expect(r.status).toBe('failed');
    const message = r.statusDetails.message;
    expect(message.split('\n')[0]).toBe('1980 findings on AFS-1.1 (990 findings), GEN-0.2 (990 findings)');
    expect(message).toContain('  and 970 more AFS-1.1 finding(s)');
    expect(message).toContain('  and 970 more GEN-0.2 finding(s)');
    // It was 889 KB.
    expect(Buffer.byteLength(message)).toBeLessThan(16_000);
  });

  it('carries its finding categories as labels', () => {
    expect(result().labels.filter((l) => l.name === 'finding').map((l) => l.value)).toEqual(['lost']);
  });

  it('keeps every finding in the JSON and CSV attachments and in records.jsonl', () => {
    const findings = JSON.parse(attachment('findings.json')) as Array<{ requirement: string; messageIds: string[] }>;
    expect(findings).toHaveLength(1980);
    expect(findings.filter((f) => f.requirement === 'GEN-0.2')).toHaveLength(990);
    expect(findings.at(-1)!.messageIds).toEqual(['event i-1000']);
    const csv = attachment('findings.csv').trimEnd().split('\r\n');
    expect(csv[0]).toBe('requirement,category,expected,happened,messageIds');
    expect(csv).toHaveLength(1981);
    const [record] = readRunRecords(out);
    expect(record!.requirements.map((o) => [o.id, o.findings.length])).toEqual([['AFS-1.1', 990], ['GEN-0.2', 990]]);
  });

  it('gets at most 20 failure lines per requirement in summary.json, then one with the count', () => {
    const failures = summary.parties[0]!.requirements['AFS-1.1']!.failures!;
    expect(failures).toHaveLength(21);
    expect(failures[20]).toBe('and 970 more failure line(s): the full list is in records.jsonl and in each failed test\'s findings attachments in the report');
    expect(JSON.parse(readFileSync(outFiles(out).summary, 'utf8'))).toEqual(summary);
  });

  it('gets three examples per requirement in the dossier, then how many more', () => {
    const [view] = dossierView([{ summary, records: readRunRecords(out) }]).parties;
    const row = view!.rows.find((r) => r.id === 'GEN-0.2')!;
    expect(row.technical).toEqual({ shown: expect.any(Array), more: 987 });
    expect(row.technical.shown).toHaveLength(3);
    expect(readFileSync(outFiles(out).dossierMd, 'utf8')).toContain('en 987 meer');
  });

  it('gets its report, the scenario filed under lost messages, and a manifest that verifies', () => {
    expect(categorised(out)).toEqual({ 'Lost messages': 1 });
    expect(verifyManifest(out)).toEqual([]);
  });

  it('gets a report even when a message is 1 MB: the categories never read it', async () => {
    const big = join(root, 'big');
    cpSync(out, big, { recursive: true });
    const r = result(big);
    // The old category regex ([\s\S]*\[lost\][\s\S]*) took minutes on a message like this.
    r.statusDetails.message = `${'[lost] expected a heen; none was accepted [G1]\n'.repeat(22_000)}`;
    writeFileSync(resultFile(big), JSON.stringify(r));
    await generateReport(big);
    expect(categorised(big)).toEqual({ 'Lost messages': 1 });
  }, 90_000);

  it('keeps summary, dossier and manifest when the report runs out of its time limit', async () => {
    const slow = join(root, 'slow');
    cpSync(out, slow, { recursive: true });
    rmSync(outFiles(slow).manifest);
    const failure = await finishRun(slow, BACKLOG_ENV, readRunRecords(slow), { complete: true }, { reportLimitMs: 1 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ReportTimedOut);
    expect((failure as ReportTimedOut).message).toMatch(/^The Allure report was not generated within 0.001 s and is left out/);
    expect((failure as ReportTimedOut).summary?.totals).toEqual(summary.totals);
    expect(existsSync(outFiles(slow).report)).toBe(false);
    for (const file of [outFiles(slow).summary, outFiles(slow).dossierHtml, outFiles(slow).manifest]) expect(existsSync(file)).toBe(true);
    expect(verifyManifest(slow)).toEqual([]);
  }, 60_000);
});
