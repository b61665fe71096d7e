/**
 * The dossier as the steering group gets it, in a real browser: headless Chromium renders
 * dossier.html and prints dossier.pdf (the production writer), and the test reads the printed
 * pages back: the matrix with the failing party first, the calendar banner, "pagina x van y"
 * and the running header on every page, at most 3 A4 pages per passing party, no near-empty page.
 * The passing party is the bundled reference party: the records of a real reference run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Role } from '../messages/model.js';
import { appliesTo, requirementIds, type RequirementId } from '../verdicts/requirements.js';
import { writeDossier } from './dossier.js';
import { chromiumMissing, serveDirectory, viewInChromium } from './e2e/headless-chromium.js';
import { pdfPageTexts, squashed } from './e2e/pdf-text.js';
import { outFiles } from './out-layout.js';
import { readRecords } from './records-file.js';
import type { ScenarioRecord } from './scenario-record.js';
import { buildSummary, writeSummary, type PartyRun, type SummaryCalendar } from './summary.js';
import { found, outcome, rec } from '../../fixtures/evidence/test-records.js';
import type { Finding } from '../verdicts/finding.js';

const root = mkdtempSync(join(tmpdir(), 'dossier-browser-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const REFERENCE_RUN = readRecords(fileURLToPath(new URL('../../fixtures/evidence/reference-run.records.jsonl', import.meta.url)));
const NATIONAL: SummaryCalendar = { name: 'ipgb-2026', national: true, zone: 'Europe/Amsterdam', heenStop: '2026-03-30T09:00:00.000+02:00', retourStop: '2026-03-30T17:00:00.000+02:00', goLive: '2026-04-01T09:00:00.000+02:00' };
const REHEARSAL: SummaryCalendar = { name: 'rehearsal-kto', national: false, zone: 'Europe/Amsterdam', heenStop: '2026-02-16T09:00:00.000+01:00', retourStop: '2026-02-16T17:00:00.000+01:00', goLive: '2026-02-18T09:00:00.000+01:00' };
const ABOUT = { vendor: 'ipgb-cutover-conformance', product: 'referentiepartij (meegeleverd)', version: '0.1.0' };
const referenceParty = (role: Role, identity: string): PartyRun =>
  ({ role, identity, endpoint: 'bundled reference party (embedded)', about: ABOUT, startedAt: '2026-12-01T11:31:34.923Z' });
const REFERENCE_PARTIES = [referenceParty('gemeente', '0363'), referenceParty('zorgkantoor', '5501'), referenceParty('svb', 'SVB')];

/** A gemeente that takes the summer-time trap: every requirement judged, three fail with many lines. */
function failingGemeente(): ScenarioRecord {
  const late = Array.from({ length: 12 }, (_, i) => found('AFS-1.2', 'timing',
    'no heenbericht submitted from the heen stop Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) until the go-live Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)',
    `1 heen submitted in that window: WMO501 at Mon 2026-03-30 09:${String(i).padStart(2, '0')}:00.000 Europe/Amsterdam (07:${String(i).padStart(2, '0')}:00.000Z) (IB103)`, [`G0599${String(i).padStart(6, '0')}`]));
  const fails: Partial<Record<RequirementId, Finding[]>> = { 'AFS-1.2': late, 'AFS-1.4': late.slice(0, 4), 'GEN-0.4': late.slice(0, 2) };
  return rec('all-0599', 'gemeente', '0599', requirementIds().filter((id) => appliesTo(id, 'gemeente'))
    .map((id) => (fails[id] ? outcome(id, 'failed', fails[id]!.map((f) => ({ ...f, requirement: id }))) : outcome(id, 'passed'))));
}

interface Printed { dir: string; pages: string[]; sha: string; runId: string }

/** summary.json, then the dossier in its three forms, as finishRun writes them. */
async function dossierOf(name: string, records: readonly ScenarioRecord[], parties: PartyRun[], calendar: SummaryCalendar): Promise<Printed> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const summary = buildSummary(records, {
    suiteVersion: '0.1.0', suite: { version: '0.1.0', commit: 'd436100aa1b2c3d4', modified: false },
    startedAt: '2026-12-01T11:31:34.923Z', calendar, operator: 'CI job 17',
    schemas: { source: 'bundled', sha256: { '2.3/wmo501.xsd': 'b'.repeat(64) } }, parties,
  });
  writeSummary(dir, summary);
  const written = await writeDossier(dir, [{ summary, records }]);
  if ('missing' in written.pdf) throw new Error(`no PDF although Chromium is installed: ${written.pdf.missing}`);
  return {
    dir,
    pages: pdfPageTexts(readFileSync(outFiles(dir).dossierPdf)),
    sha: createHash('sha256').update(readFileSync(outFiles(dir).summary)).digest('hex'),
    runId: '20261201-113134Z',
  };
}

/** The pages whose running header names this party. */
const pagesOf = (printed: Printed, label: string) => printed.pages.filter((p) => p.startsWith(`${label} · run ${printed.runId}`));

async function view(dir: string) {
  const site = await serveDirectory(dir);
  try {
    return await viewInChromium(`${site.origin}/dossier.html`, { screenshot: join(dir, 'page-one.png') });
  } finally {
    await site.close();
  }
}

const missing = chromiumMissing();
describe.skipIf(missing !== undefined)(`the dossier in headless Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('answers on page one: the matrix with the failing party first, and every printed page numbered and headed', async () => {
    const printed = await dossierOf('merged', [...REFERENCE_RUN, failingGemeente()],
      [...REFERENCE_PARTIES, { role: 'gemeente', identity: '0599', endpoint: 'http://127.0.0.1:8099', startedAt: '2026-11-30T15:00:00Z' }], NATIONAL);
    const page = await view(printed.dir);
    expect(page.egress).toEqual([]);
    const rows = [...page.dom.matchAll(/<tr data-party="[^"]*" data-verdict="([^"]+)"><td><b>([^<]+)<\/b>/g)].map((m) => [m[2], m[1]]);
    expect(rows[0]).toEqual(['gemeente 0599 Rotterdam', 'niet ondersteund']);
    expect(rows).toHaveLength(4);
    expect(page.dom).not.toContain('Niet de landelijke kalender');

    const one = squashed(printed.pages[0]!);
    for (const shown of ['Uitslag (4 partijen): 1 niet ondersteund', 'gemeente 0599 Rotterdam product niet opgegeven', '4.3.1 niet ondersteund niet gehaald: AFS-1.2, AFS-1.4, GEN-0.4',
      'ipgb-2026 (de landelijke kalender van de migratie)', 'meegeleverd: gereconstrueerd, niet de officiële set', 'Operator CI job 17', 'Suite versie 0.1.0, commit d436100aa1b2, ongewijzigd']) {
      expect(one).toContain(squashed(shown));
    }
    // The failing party is the first the matrix names, before the passing gemeente.
    expect(one.indexOf(squashed('gemeente 0599'))).toBeLessThan(one.indexOf(squashed('gemeente 0363')));
    printed.pages.forEach((text, i) => {
      expect(text).toContain(`pagina ${i + 1} van ${printed.pages.length}`);
      expect(text).toContain(`run ${printed.runId}summary.json SHA-256${printed.sha}`);
      // No near-empty page: the header and footer alone are some 200 characters.
      expect(text.length, `page ${i + 1} is nearly empty`).toBeGreaterThan(900);
    });
    expect(squashed(pagesOf(printed, 'gemeente 0599 Rotterdam').join(''))).toContain(squashed('en 9 meer'));
    for (const label of ['gemeente 0363 Amsterdam', 'zorgkantoor 5501', 'SVB']) {
      expect(pagesOf(printed, label).length, label).toBeGreaterThan(0);
      expect(pagesOf(printed, label).length, label).toBeLessThanOrEqual(3);
    }
  }, 180_000);

  it('prints a passing reference run on at most 3 A4 pages per party', async () => {
    const printed = await dossierOf('reference', REFERENCE_RUN, REFERENCE_PARTIES, NATIONAL);
    const perParty = ['gemeente 0363 Amsterdam', 'zorgkantoor 5501', 'SVB'].map((label) => pagesOf(printed, label).length);
    expect(perParty.every((n) => n >= 1 && n <= 3), `pages per party: ${perParty.join(', ')}`).toBe(true);
    expect(printed.pages.length).toBe(1 + perParty.reduce((a, b) => a + b, 0));
    expect(printed.pages[0]).toContain(`Overzicht · run ${printed.runId}`);
  }, 180_000);

  it('puts a loud banner on page one when the calendar is not the migration\'s own', async () => {
    const printed = await dossierOf('rehearsal', REFERENCE_RUN.filter((r) => r.role === 'svb'), [referenceParty('svb', 'SVB')], REHEARSAL);
    const page = await view(printed.dir);
    expect(page.dom).toMatch(/<div class="banner" role="alert">Niet de landelijke kalender: deze run gebruikte kalender 'rehearsal-kto'/);
    const one = squashed(printed.pages[0]!);
    expect(one).toContain(squashed("Niet de landelijke kalender: deze run gebruikte kalender 'rehearsal-kto'"));
    expect(one).toContain(squashed('4.4.1 onvolledig'));
    expect(one).not.toContain(squashed('4.4.1 ondersteund'));
  }, 180_000);
});
