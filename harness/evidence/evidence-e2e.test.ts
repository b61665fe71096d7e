/**
 * End to end: a real child vitest run with allure-vitest and the summary reporter, then the
 * summary, dossier, offline Allure report and manifest, and both HTML files opened in headless
 * Chromium with every request leaving 127.0.0.1 trapped.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, serveDirectory, viewInChromium } from './e2e/headless-chromium.js';
import { finishRun } from './finish-run.js';
import { verifyManifest } from './manifest.js';
import { mergeRuns } from './merge-runs.js';
import { outFiles } from './out-layout.js';
import type { Summary } from './summary.js';
import { ENV, outcome, rec } from '../../fixtures/evidence/test-records.js';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'evidence-e2e-'));
const out = join(root, 'run');
const env = { ...ENV, parties: [{ role: 'gemeente' as const, identity: '0363', endpoint: 'http://127.0.0.1:9' }] };
let summary: Summary;

beforeAll(async () => {
  // The fixture has a failing and a broken test on purpose, so the child exits 1.
  await run('npx', ['vitest', 'run', '--config', 'fixtures/evidence/vitest.fixture.config.ts'], {
    env: { ...process.env, CONFORMANCE_OUT: out }, timeout: 120_000,
  }).catch((e: { code?: number }) => {
    if (e.code !== 1) throw e;
  });
  summary = await finishRun(out, env);
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const results = () =>
  readdirSync(outFiles(out).results).filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(join(outFiles(out).results, f), 'utf8')) as {
      name: string; status: string; testCaseId: string; labels: Array<{ name: string; value: string }>; links: Array<{ url: string }>; description?: string;
      statusDetails?: { message?: string; trace?: string }; steps: AllureStep[]; attachments: Array<{ name: string }>;
    });

/** Allure 3 writes an attachment as a step of its own: no status, no sub-steps, one attachment. */
interface AllureStep { name: string; status?: string; steps?: AllureStep[]; attachments?: Array<{ name: string }> }
const allSteps = (steps: readonly AllureStep[] = []): AllureStep[] => steps.flatMap((s) => [s, ...allSteps(s.steps)]);
const attachmentNames = (r: { steps?: AllureStep[]; attachments?: Array<{ name: string }> }): string[] =>
  [...(r.attachments ?? []), ...allSteps(r.steps).flatMap((s) => s.attachments ?? [])].map((a) => a.name);

describe('evidence end to end', () => {
  it('labels each test for the report tree and links its requirements', () => {
    const passed = results().find((r) => r.name === 'Heenberichten voor T0 verzonden')!;
    const label = (name: string) => passed.labels.filter((l) => l.name === name).map((l) => l.value);
    expect(label('parentSuite')).toEqual(['gemeente 0363']);
    expect(label('epic')).toEqual(['1. Afsluiting']);
    expect(label('feature')).toEqual(['1.1 Alle beschikbare heenberichten zijn verzonden']);
    expect(label('story')).toEqual(['Heenberichten voor T0 verzonden']);
    expect(label('requirement')).toEqual(['AFS-1.1', 'AFS-1.2']);
    // No link into the repository (not in the output): the definitions travel inside the report.
    expect(passed.links).toEqual([]);
    expect(attachmentNames(passed)).toEqual(expect.arrayContaining(['requirement AFS-1.1', 'requirement AFS-1.2']));
    // The duties in words, so the single-file report explains itself without the repository.
    expect(passed.description).toContain('- **AFS-1.1** (runbook step 1.1): every heen whose business event exists before T0');
    expect(passed.description).toContain('- **AFS-1.2** (runbook step 1.1, 1.2): no heen is submitted in [T0, T2).');
    expect(passed.testCaseId).toMatch(/^[0-9a-f]{32}$/);
    expect(results().map((r) => r.status).sort()).toEqual(['broken', 'failed', 'failed', 'passed', 'skipped']);
    expect(readdirSync(outFiles(out).results).some((f) => f.endsWith('-attachment.xml'))).toBe(true);
  });

  it('attaches each attempt of an offending message at its own moment, local and UTC, in a failed moment step', () => {
    const r = results().find((x) => x.name === 'Heen na de heenstop')!;
    expect(r.labels.find((l) => l.name === 'epic')?.value).toBe('2. Transitie');
    const marked = allSteps(r.steps).filter((s) => s.status !== undefined && s.name.includes('BEVINDING'));
    expect(marked.map((s) => [s.name, s.status])).toEqual([
      ['Mon 2026-03-30 08:00:00.000 Europe/Amsterdam (06:00:00.000Z) — BEVINDING G0363000001', 'failed'],
      ['Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) — BEVINDING G0363000001', 'failed'],
    ]);
    expect(attachmentNames(marked[1]!)).toEqual(['BEVINDING Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) submission WMO501 G0363000001']);
    const names = attachmentNames(r);
    // Only the offending message is a BEVINDING; the other heen is shown once, with its moment.
    expect(names.filter((n) => n.startsWith('BEVINDING'))).toHaveLength(2);
    expect(names).toContain('Mon 2026-03-30 08:30:00.000 Europe/Amsterdam (06:30:00.000Z) submission WMO501 G0363000002');
  });

  it('shows a not-applicable scenario, with its reason, instead of leaving it out', () => {
    const r = results().find((x) => x.name === 'TR507-vervolgbericht wacht op het retourbericht')!;
    expect(r.status).toBe('skipped');
    expect(r.description).toContain('**Niet van toepassing** (not-applicable): niet van toepassing op svb: ING-3.5.');
    expect(r.labels.find((l) => l.name === 'parentSuite')?.value).toBe('svb SVB');
  });

  it('fails without machine paths or a stack trace in the failure', () => {
    const failed = results().filter((x) => x.status === 'failed' || x.status === 'broken');
    expect(failed).toHaveLength(3);
    const retour = failed.find((x) => x.name === 'Retour voor T1 verwerkt')!;
    expect(retour.statusDetails?.message).toContain('evidence: <suite>/fixtures/evidence/allure-report/index.html');
    for (const r of failed.filter((x) => x.status === 'failed')) {
      expect(`${r.statusDetails?.message}\n${r.statusDetails?.trace ?? ''}`).not.toMatch(/\n\s+at |\/work\/|\/home\/|file:\/\//);
    }
  });

  it('summarises the records the reporter wrote', () => {
    const g = summary.parties[0]!.requirements;
    expect(g['AFS-1.1']).toEqual({ verdict: 'passed', tests: 1 });
    expect(g['AFS-1.5']!.failures).toEqual(['[timing] expected processed by 2026-03-30 17:00 Europe/Amsterdam (15:00Z); not processed [G0363000017]']);
    expect(g['AFS-1.3']).toEqual({ verdict: 'not-tested', tests: 1, reason: 'a scenario verifying it could not be judged: [unreachable] party at http://127.0.0.1:9 refused the connection' });
    expect(summary.totals).toEqual({ passed: 2, failed: 2, notApplicable: 0, notTested: 14 });
  });

  it('ships an offline report and a manifest that verifies', () => {
    const html = readFileSync(outFiles(out).reportHtml, 'utf8');
    expect(html).not.toMatch(/googletagmanager|gtag\(/);
    // Sorted by name, so the ordinals of phases (1. Afsluiting … 4. Algemeen) and steps give runbook order.
    expect(html).toContain('"defaultSortBy":"name,asc"');
    expect(html).toContain('iPgb 2.0 → 2.3 conformance');
    expect(readFileSync(join(outFiles(out).results, 'environment.properties'), 'utf8')).toContain('Suite\\ version=0.1.0');
    expect(verifyManifest(out)).toEqual([]);
  });

  it('sorts failures into the categories by their finding label and broken tests by status', () => {
    const widget = /d\("widgets\/categories\.json","([A-Za-z0-9+/=]+)"\)/.exec(readFileSync(outFiles(out).reportHtml, 'utf8'));
    const categories = Buffer.from(widget?.[1] ?? '', 'base64').toString('utf8');
    expect(categories).toContain('Timing violations');
    expect(categories).toContain('Harness or party unreachable');
  });

  it('merges shards and parties into one summary, dossier, report and manifest', async () => {
    const shard = join(root, 'svb-shard');
    mkdirSync(outFiles(shard).results, { recursive: true });
    const svbRecords = [rec('svb-ing', 'svb', 'SVB', [outcome('ING-3.1', 'passed')])];
    writeFileSync(outFiles(shard).records, svbRecords.map((r) => `${JSON.stringify(r)}\n`).join(''));
    await finishRun(shard, { ...env, startedAt: '2026-11-30T09:00:00Z', parties: [] }, svbRecords);
    const merged = await mergeRuns(join(root, 'merged'), [out, shard]);
    expect(merged.parties.map((p) => `${p.role} ${p.identity}`)).toEqual(['gemeente 0363', 'svb SVB']);
    expect(merged.parties[1]!.requirements['ING-3.1']!.verdict).toBe('passed');
    expect(merged.startedAt).toBe('2026-11-30T09:00:00Z');
    expect(readFileSync(outFiles(join(root, 'merged')).dossierMd, 'utf8')).toContain('Randvoorwaarde 4.4.2');
    expect(verifyManifest(join(root, 'merged'))).toEqual([]);

    await finishRun(shard, { ...env, parties: [], calendar: { ...env.calendar, goLive: '2026-04-02T09:00:00+02:00' } }, svbRecords);
    await expect(mergeRuns(join(root, 'refused'), [out, shard])).rejects.toThrow(/differ in calendar/);
  }, 60_000);

  const missing = chromiumMissing();
  describe.skipIf(missing !== undefined)(`in headless Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
    const shots = join(root, 'screenshots');

    async function view(dir: string, file: string) {
      mkdirSync(shots, { recursive: true });
      const site = await serveDirectory(dir);
      try {
        const screenshot = join(shots, `${file.replace(/\W/g, '_')}.png`);
        const page = await viewInChromium(`${site.origin}/${file}`, { screenshot });
        return { dom: page.dom, attempts: page.egress, screenshotBytes: statSync(screenshot).size };
      } finally {
        await site.close();
      }
    }

    it("a request of the page's own beyond 127.0.0.1 is caught: the analytics loader Allure embeds (control)", async () => {
      const control = join(root, 'control');
      mkdirSync(control, { recursive: true });
      writeFileSync(join(control, 'gtag.html'), '<!DOCTYPE html><script async src="https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0"></script><p>x</p>');
      const { attempts } = await view(control, 'gtag.html');
      expect(attempts.join(' ')).toContain('www.googletagmanager.com');
    }, 120_000);

    it('renders the report offline: tests visible, no spinner, no request beyond 127.0.0.1', async () => {
      const page = await view(out, 'allure-report/index.html');
      expect(page.attempts).toEqual([]);
      expect(page.dom).toContain('gemeente 0363');
      expect(page.dom).toContain('Retour voor T1 verwerkt');
      expect(page.dom).not.toContain('id="allure-app-loader"');
      expect(page.screenshotBytes).toBeGreaterThan(20_000);
    }, 120_000);

    it('renders the dossier with no request beyond 127.0.0.1', async () => {
      const page = await view(out, 'dossier.html');
      expect(page.attempts).toEqual([]);
      expect(page.dom).toContain('Randvoorwaarde 4.3.1');
      expect(page.dom).toContain('niet ondersteund');
    }, 120_000);
  });
});
