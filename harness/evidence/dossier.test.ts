import { describe, expect, it } from 'vitest';
import { requirementIds, appliesTo, type RequirementId } from '../verdicts/requirements.js';
import { dossierHtml } from './dossier-html.js';
import { dossierMarkdown } from './dossier-markdown.js';
import { dossierView, type DossierView } from './dossier-model.js';
import type { ScenarioRecord } from './scenario-record.js';
import { buildSummary, type Summary, type SummaryEnv } from './summary.js';
import { ENV, found, outcome, rec } from '../../fixtures/evidence/test-records.js';
import type { Finding } from '../verdicts/finding.js';
import type { Role } from '../messages/model.js';
import { fileURLToPath } from 'node:url';
import { loadProfile } from '../profile/load-profile.js';
import { DEFAULT_PROFILE } from '../profile/run-profile.js';
import { summaryProfile } from './summary-profile.js';

const NATIONAL = { name: 'ipgb-2026', national: true, ...ENV.calendar };
const CLEAN = { version: '0.1.0', commit: 'd436100aa1b2c3d4', modified: false };
const FILES = ['dossier.html', 'dossier.md', 'dossier.pdf'];

const passAll = (role: Role, identity: string, fail: Partial<Record<RequirementId, Finding[]>> = {}): ScenarioRecord =>
  rec(`all-${identity}`, role, identity, requirementIds().filter((id) => appliesTo(id, role))
    .map((id) => (fail[id] ? outcome(id, 'failed', fail[id]!.map((f) => ({ ...f, requirement: id }))) : outcome(id, 'passed'))));

function dossierOf(records: ScenarioRecord[], env: Partial<SummaryEnv> = {}, suite: object | null = CLEAN) {
  const summary: Summary = buildSummary(records, { ...ENV, calendar: NATIONAL, parties: [], ...env });
  if (suite) Object.assign(summary, { suite });
  const view: DossierView = dossierView([{ summary, records }], 'f'.repeat(64));
  return { view, md: dossierMarkdown(view, FILES), html: dossierHtml(view, FILES) };
}

const late = (n: number): Finding[] => Array.from({ length: n }, (_, i) => found('AFS-1.2', 'timing',
  'no heenbericht submitted from the heen stop Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z) until the go-live Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)',
  `1 heen submitted in that window: WMO501 at Mon 2026-03-30 09:0${i}:00.000 Europe/Amsterdam (07:0${i}:00.000Z) (IB103)`, [`G059900000${i}`]));

describe('dossier', () => {
  const records = [
    passAll('gemeente', '0363'),
    passAll('svb', 'SVB'),
    passAll('gemeente', '0599', { 'AFS-1.2': late(5) }),
  ];
  const env: Partial<SummaryEnv> = {
    parties: [
      { role: 'gemeente', identity: '0363', endpoint: 'http://127.0.0.1:8080', about: { vendor: 'Acme', product: 'Pgb', version: '4.2' }, startedAt: '2026-11-30T08:00:00Z' },
      { role: 'svb', identity: 'SVB', endpoint: 'http://127.0.0.1:8081', image: 'svb/party:1.2', digest: 'sha256:feed' },
      { role: 'gemeente', identity: '0599', endpoint: 'http://127.0.0.1:8082' },
    ],
  };
  const { view, md, html } = dossierOf(records, env);
  const party = (identity: string) => view.parties.find((p) => p.identity === identity)!;

  it('gives each party the preconditions of its role: supported only when every requirement passed', () => {
    expect(party('0363').preconditions.map((p) => [p.nr, p.verdict])).toEqual([['4.3.1', 'ondersteund'], ['4.3.2', 'ondersteund']]);
    expect(party('0599').preconditions.map((p) => [p.nr, p.verdict, p.because])).toEqual([
      ['4.3.1', 'niet ondersteund', ['AFS-1.2 niet gehaald']], ['4.3.2', 'ondersteund', []],
    ]);
    expect(party('0599').preconditions[0]!.mainReason).toBe('niet gehaald: AFS-1.2');
    expect(party('SVB').preconditions.map((p) => p.verdict)).toEqual(['ondersteund', 'ondersteund']);
    expect(party('SVB').rows.find((r) => r.id === 'ING-3.5')).toMatchObject({ outcome: 'niet van toepassing', reason: 'de SVB heeft deze plicht niet' });
    expect(party('0363').preconditions[0]!.text).toBe('De gemeenten hebben een geslaagde ketentest uitgevoerd, conform het landelijke ketentestplan iPgb.');
  });

  it('shows a duty the profile does not have as not applicable with the profile\'s reason, and the precondition still supported', () => {
    const loaded = loadProfile(fileURLToPath(new URL('../../fixtures/profiles/synthetic-9.0-9.1.json', import.meta.url)));
    const profile = summaryProfile(loaded);
    expect(Object.keys(profile.dutiesAbsent ?? {})).toEqual(['ING-3.3', 'ING-3.4']);
    expect('dutiesAbsent' in summaryProfile(loadProfile(DEFAULT_PROFILE))).toBe(false);
    const synthetic = dossierOf([passAll('gemeente', '0363')], { profile, parties: [{ role: 'gemeente', identity: '0363', endpoint: 'http://127.0.0.1:8080' }] }).view.parties[0]!;
    expect(synthetic.rows.find((r) => r.id === 'ING-3.4')).toMatchObject({ outcome: 'niet van toepassing', reason: expect.stringContaining('laat na de ingebruikname geen retourberichten in 9.0.1 meer toe') });
    expect(synthetic.rows.find((r) => r.id === 'ING-3.2')).toMatchObject({ outcome: 'geslaagd' });
    expect(synthetic.preconditions.find((p) => p.nr === '4.3.2')?.because).toEqual([]);
  });

  it('puts failing parties first, grouped by role, with name, product and their own test time', () => {
    expect(view.parties.map((p) => p.label)).toEqual(['gemeente 0599 Rotterdam', 'gemeente 0363 Amsterdam', 'SVB']);
    expect(party('0363')).toMatchObject({ product: 'Pgb 4.2', vendor: 'Acme', testedAt: 'ma 30 nov 2026 09.00 uur (08.00 UTC)', testedOn: 'ma 30 nov 2026 09.00 uur' });
    expect(party('0599')).toMatchObject({ product: 'product niet opgegeven', testedAt: 'ma 30 nov 2026 11.00 uur (10.00 UTC)' });
    expect(party('SVB').build).toBe('svb/party:1.2@sha256:feed');
    // A failing svb goes before passing gemeenten.
    const svbFails = dossierOf([passAll('gemeente', '0363'), passAll('svb', 'SVB', { 'GEN-0.2': [found('GEN-0.2', 'lost', 'x', 'y', ['S1'])] })]);
    expect(svbFails.view.parties.map((p) => p.role)).toEqual(['svb', 'gemeente']);
    expect(dossierOf([passAll('zorgkantoor', '5501')]).view.parties[0]!.label).toBe('zorgkantoor 5501');
  });

  it('says what went wrong in one Dutch sentence, with at most 3 examples in runbook time, then "en N meer"', () => {
    const [finding] = party('0599').findings;
    expect(finding).toMatchObject({ id: 'AFS-1.2', misging: 'De partij diende heenberichten in terwijl de keten daarvoor dicht was (op het verkeerde moment).' });
    expect(finding!.examples).toEqual({
      shown: [
        'op het verkeerde moment: bericht G0599000000, op ma 30 mrt 2026 09.00 uur (07.00 UTC)',
        'op het verkeerde moment: bericht G0599000001, op ma 30 mrt 2026 09.01 uur (07.01 UTC)',
        'op het verkeerde moment: bericht G0599000002, op ma 30 mrt 2026 09.02 uur (07.02 UTC)',
      ],
      more: 2,
    });
    expect(md).toContain('  - en 2 meer');
    expect(html).toContain('en 2 meer');
    // The English technical lines stay, bounded, for engineers in the appendix.
    expect(party('0599').rows.find((r) => r.id === 'AFS-1.2')!.technical.shown).toHaveLength(3);
  });

  it('takes the kinds and the examples from the findings\' fields: the hint is no finding, a "; " in what was expected no split', () => {
    const deadline = 'Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)';
    const failing = passAll('gemeente', '0363', { 'GEN-0.2': [found('GEN-0.2', 'lost', `a; b by ${deadline}`, 'nothing', ['G1']), found('GEN-0.2', 'duplicate', 'once', 'twice', ['G2', 'G3', 'G2'])] });
    failing.requirements = failing.requirements.map((o) => (o.id === 'GEN-0.2' ? { ...o, hint: 'hint: [timing] not a finding' } : o));
    const [seen] = dossierOf([failing]).view.parties[0]!.findings;
    expect(seen!.misging).toMatch(/ \(kwijt; dubbel\)\.$/);
    expect(seen!.examples).toEqual({ shown: ['kwijt: bericht G1, termijn ma 30 mrt 2026 09.00 uur (07.00 UTC)', 'dubbel: berichten G2, G3'], more: 0 });
  });

  it('uses the vocabulary of cutover.md: the suite supports a precondition, it never declares it met', () => {
    for (const text of [md, html]) {
      expect(text).not.toMatch(/\bniet voldaan\b|\bvoldaan:|VOLDAAN/);
      expect(text).toContain('x.x.1 is de landelijke ketentest zelf: de suite ondersteunt hem');
    }
    expect(md).toContain('**Randvoorwaarde 4.3.1: NIET ONDERSTEUND** (AFS-1.2 niet gehaald)');
    expect(md).toContain('“De gemeenten hebben een geslaagde ketentest uitgevoerd, conform het landelijke ketentestplan iPgb.”');
    expect(md).toContain('“Vanaf dit moment worden er geen heenberichten meer verstuurd door gemeenten.”');
  });

  it('shows a not-tested requirement with its reason and leaves the precondition incomplete', () => {
    const partial = dossierOf([rec('ing', 'gemeente', '0363', [outcome('ING-3.1', 'passed'), outcome('TRA-2.3', 'not-tested', [], 'the party cannot be restarted (no POST /restart)')])]);
    const p = partial.view.parties[0]!;
    expect(p.preconditions.find((pc) => pc.nr === '4.3.2')).toMatchObject({ verdict: 'onvolledig', because: ['ING-3.2, ING-3.3, ING-3.4, ING-3.5, ING-3.6 niet getest'] });
    expect(p.notTested.find((n) => n.id === 'TRA-2.3')!.reason).toBe('the party cannot be restarted (no POST /restart)');
    expect(p.notTested.find((n) => n.id === 'AFS-1.1')!.reason).toContain('geen scenario van deze run heeft deze eis getoetst');
    expect(partial.html).toContain('<b>TRA-2.3</b>: the party cannot be restarted');
    // Every id of the profile but ING-3.1, the one that passed.
    expect(partial.view.run.banners).toEqual([`Onvolledige run: ${requirementIds().length - 1} eisen zijn niet getest bij 1 van de 1 partij; per partij staat de reden erbij.`]);
  });

  it('says whether the evidence is signed', () => {
    expect(md).toContain('- Ondertekening: niet ondertekend');
    const signed = dossierOf([passAll('gemeente', '0363')], { signature: { algorithm: 'ed25519', keyId: 'ab'.repeat(32), envelope: 'attestation.dsse.json' } });
    expect(signed.md).toContain('- Ondertekening: ondertekend (Ed25519, sleutel abababababababab;');
  });

  it('shouts when the calendar is not the national one or the suite is modified or unknown, and then supports nothing', () => {
    const rehearsal = dossierOf([passAll('gemeente', '0363')], {
      calendar: { name: 'rehearsal-kto', national: false, zone: 'Europe/Amsterdam', heenStop: '2026-02-16T09:00:00+01:00', retourStop: '2026-02-16T17:00:00+01:00', goLive: '2026-02-18T09:00:00+01:00' },
    });
    expect(rehearsal.view.run.banners).toEqual([expect.stringContaining("Niet de landelijke kalender: deze run gebruikte kalender 'rehearsal-kto' (heenstop ma 16 feb 2026 09.00 uur (08.00 UTC))")]);
    expect(rehearsal.view.parties[0]!.preconditions.map((p) => [p.verdict, p.because])).toEqual([
      ['onvolledig', ["kalender 'rehearsal-kto' is niet de landelijke"]], ['onvolledig', ["kalender 'rehearsal-kto' is niet de landelijke"]],
    ]);
    expect(rehearsal.html).toMatch(/<div class="banner" role="alert">Niet de landelijke kalender/);
    expect(view.run.banners).toEqual([]);

    // Unknown (not a git checkout of the suite: commit and modified null) or modified.
    for (const suite of [{ version: '0.1.0', commit: null, modified: null }, { ...CLEAN, modified: true }]) {
      const doubtful = dossierOf([passAll('gemeente', '0363')], {}, suite);
      expect(doubtful.view.run.banners).toEqual([expect.stringMatching(/^Suite gewijzigd: dit is geen bewijs\./)]);
      expect(doubtful.view.parties[0]!.verdict).toBe('onvolledig');
    }
  });

  it('names calendar, profile, suite, schema set and operator on page one', () => {
    const withOperator = dossierOf([passAll('gemeente', '0363')], { operator: 'J. de Vries' });
    expect(withOperator.view.run).toMatchObject({
      runId: '20261130-100000Z',
      calendar: { name: 'ipgb-2026', national: true, t0: 'ma 30 mrt 2026 09.00 uur (07.00 UTC)', t2: 'wo 1 apr 2026 09.00 uur (07.00 UTC)' },
      suite: { text: 'versie 0.1.0, commit d436100aa1b2, ongewijzigd' },
      schemaSet: { official: false, text: expect.stringMatching(/^meegeleverd: gereconstrueerd, niet de officiële set \(2 XSD's, vingerafdruk [0-9a-f]{12}\)$/) },
      operator: 'J. de Vries',
    });
    expect(withOperator.view.run.calendar.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(view.run.operator).toContain('niet opgegeven');
    expect(withOperator.md).toContain('- Operator: J. de Vries');
  });

  it('renders self-contained HTML for A4: running header per party, page numbers, escaped text, nothing to fetch', () => {
    const hostile = dossierOf([passAll('gemeente', '0363', { 'GEN-0.1': [found('GEN-0.1', 'content', '<b>x</b>', '"quoted" \\', ['G1'])] })], {
      parties: [{ role: 'gemeente', identity: '0363', endpoint: 'http://127.0.0.1:1', about: { product: 'P"; } body { color: red' } }],
    }).html;
    expect(hostile).toContain('expected &lt;b&gt;x&lt;/b&gt;');
    expect(hostile).not.toContain('<b>x</b>');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('content: "pagina " counter(page) " van " counter(pages)');
    expect(html).toContain(`@page party0 { @top-left { content: "gemeente 0599 Rotterdam · run 20261130-100000Z"; } }`);
    expect(html).toContain(`content: "summary.json SHA-256 ${'f'.repeat(64)}"`);
    expect(html).toContain('<section class="party" style="page: party2" data-party="svb');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(/i);
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1[:/])/);
  });
});
