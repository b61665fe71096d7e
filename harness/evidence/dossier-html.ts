/**
 * The dossier as one HTML file that prints on A4: inline CSS only, no scripts, nothing to fetch.
 * Page one answers the question (the party × precondition matrix and the run's facts); then per
 * party one sheet with what went wrong, followed by its appendix of every requirement. Every
 * printed page carries a running header (party, run id, summary.json's SHA-256) and "pagina x
 * van y", through CSS named pages and page-margin boxes, so printing from a browser and the
 * PDF writer give the same pages.
 */
import {
  LEGEND_NL, ROLE_NL,
} from './dossier-nl.js';
import type { DossierView, Examples, PartyView, PreconditionVerdict, RequirementRow, RowOutcome, RunFacts } from './dossier-model.js';

const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A CSS string literal: the margin boxes' content. */
const cssString = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;

const CLASS: Readonly<Record<PreconditionVerdict | RowOutcome, string>> = {
  ondersteund: 'ok', geslaagd: 'ok', 'niet ondersteund': 'bad', 'niet gehaald': 'bad',
  onvolledig: 'open', 'niet getest': 'open', 'niet van toepassing': 'na',
};

const STYLE = `
@page { size: A4; margin: 16mm 12mm 14mm;
  @top-left { font: 7pt/1.2 system-ui, Arial, sans-serif; color: #444; width: 45%; }
  @top-right { font: 6pt/1.2 "DejaVu Sans Mono", monospace; color: #444; width: 55%; text-align: right; }
  @bottom-right { content: "pagina " counter(page) " van " counter(pages); font: 8pt system-ui, Arial, sans-serif; color: #444; }
  @bottom-left { content: TITLE; font: 7pt system-ui, Arial, sans-serif; color: #777; } }
body { font: 9.5pt/1.35 system-ui, "Segoe UI", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 186mm; hyphens: manual; }
h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 0 0 1.5mm; } h3 { font-size: 10.5pt; margin: 3mm 0 1mm; }
p { margin: 0 0 2mm; }
.answer { font-size: 12pt; font-weight: 700; margin: 2mm 0 3mm; }
.banner { border: 0.8mm solid #b00; background: #fde8e8; color: #600; font-weight: 700; padding: 2mm 3mm; margin: 0 0 2mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.25mm solid #999; padding: 1mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: break-word; }
th { background: #eee; font-size: 8.5pt; } tr { break-inside: avoid; }
.matrix td { font-size: 9pt; } .matrix td.cell { padding: 0; } .matrix .group td { background: #f4f4f4; font-weight: 700; font-size: 8.5pt; }
.cell div { padding: 1mm 1.5mm; } .cell .v { white-space: normal; } .matrix .why { font-size: 7.5pt; font-weight: 400; }
.v { font-weight: 700; white-space: nowrap; }
.ok { background: #d9f2d9; } .bad { background: #f8cfcf; } .open { background: #fcefc2; } .na { background: #eee; color: #555; }
.facts { display: grid; grid-template-columns: 22mm 1fr; gap: 0.4mm 3mm; margin: 2.5mm 0; font-size: 8pt; }
.facts dt { font-weight: 700; } .facts dd { margin: 0; overflow-wrap: anywhere; }
.mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 7pt; }
.legend { font-size: 7.5pt; margin: 0 0 1.5mm; padding-left: 4mm; } .small { font-size: 8pt; color: #333; }
.party { break-before: page; }
.pc { border: 0.25mm solid #999; margin: 0 0 2mm; padding: 1.2mm 2mm; break-inside: avoid; }
.pc blockquote { margin: 0.5mm 0; font-style: italic; }
.finding { margin: 0 0 2mm; break-inside: avoid; } .finding ul { margin: 0.5mm 0 0; padding-left: 5mm; font-size: 8.5pt; }
.appendix h3 { break-after: avoid; }
.appendix td { font-size: 7.4pt; line-height: 1.25; padding: 0.7mm 1.2mm; } .appendix th { font-size: 7.4pt; padding: 0.7mm 1.2mm; }
.appendix .src { font-size: 6.5pt; color: #444; } .appendix ul.tech { margin: 0; padding-left: 3mm; font-size: 6.3pt; }
.appendix q { font-style: italic; } .appendix q::before { content: "“"; } .appendix q::after { content: "”"; }
.tech { color: #444; }
`;

const verdict = (v: PreconditionVerdict | RowOutcome): string => `<span class="v ${CLASS[v]}">${esc(v)}</span>`;

function examples(e: Examples, cls = ''): string {
  if (!e.shown.length) return '';
  const more = e.more ? `<li>en ${e.more} meer (alle regels in summary.json en het Allure-rapport)</li>` : '';
  return `<ul${cls ? ` class="${cls}"` : ''}>${e.shown.map((x) => `<li>${esc(x)}</li>`).join('')}${more}</ul>`;
}

const header = (label: string, run: RunFacts): string => `${label} · run ${run.runId}`;
const hashHeader = (run: RunFacts): string => `summary.json SHA-256 ${run.summarySha256 ?? 'onbekend'}`;

function matrix(view: DossierView): string {
  const rows: string[] = [];
  let role: string | undefined;
  for (const p of view.parties) {
    if (p.role !== role) {
      role = p.role;
      rows.push(`<tr class="group"><td colspan="5">${esc(ROLE_NL[p.role].groep)}</td></tr>`);
    }
    const cells = p.preconditions.map((pc) =>
      `<td class="cell ${CLASS[pc.verdict]}"><div><span class="v">${esc(pc.nr)} ${esc(pc.verdict)}</span>` +
      `${pc.mainReason ? `<br><span class="why">${esc(pc.mainReason)}</span>` : ''}</div></td>`).join('');
    rows.push(`<tr data-party="${esc(p.key)}" data-verdict="${esc(p.verdict)}"><td><b>${esc(p.label)}</b></td><td>${esc(p.product)}${p.vendor ? `<br><span class="why">${esc(p.vendor)}</span>` : ''}</td><td>${esc(p.testedOn)}</td>${cells}</tr>`);
  }
  return `<table class="matrix">
<colgroup><col style="width:21%"><col style="width:21%"><col style="width:13%"><col style="width:22.5%"><col style="width:22.5%"></colgroup>
<thead><tr><th>Partij</th><th>Product en versie</th><th>Getest op</th>${view.run.columns.map((c) => `<th>${esc(c.kop)} (x.x.${c.suffix})</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function answer(view: DossierView): string {
  const n = view.parties.length;
  const parts = (['niet ondersteund', 'onvolledig', 'ondersteund'] as const)
    .map((v) => [v, view.parties.filter((p) => p.verdict === v).length] as const)
    .filter(([, count]) => count > 0).map(([v, count]) => `${count} ${v}`);
  return `<p class="answer">Uitslag (${n} partij${n === 1 ? '' : 'en'}): ${esc(parts.join(', '))}.</p>`;
}

function facts(run: RunFacts, files: readonly string[]): string {
  const item = (k: string, v: string, extra = '') => `<dt>${esc(k)}</dt><dd>${esc(v)}${extra}</dd>`;
  const c = run.calendar;
  const mono = (text: string) => ` <span class="mono">${esc(text)}</span>`;
  return `<dl class="facts">
${item('Kalender', `${c.name}${c.national ? ' (de landelijke kalender van de migratie)' : ' — NIET de landelijke kalender'}; T0 heenstop ${c.t0}; T1 retourstop ${c.t1}; T2 ingebruikname ${c.t2}; zone ${c.zone}; SHA-256`, mono(c.sha256))}
${item('Profiel', run.profile)}
${item('Suite', run.suite.text)}
${item('Schemaset', run.schemaSet.text)}
${item('Operator', run.operator)}
${item('Ondertekening', run.signature)}
${item('Run', `${run.runId}; summary.json SHA-256`, mono(run.summarySha256 ?? 'onbekend'))}
${item('Bestanden', files.join('; '))}
</dl>`;
}

function row(r: RequirementRow): string {
  const detail = [
    r.quote ? `<q>${esc(r.quote.text)}</q>${r.quote.bron ? ` <span class="src">(draaiboek, ${esc(r.quote.bron)})</span>` : ''}` : '',
    r.reason ? `<div>Reden: ${esc(r.reason)}</div>` : '',
    r.technical.shown.length ? `<div class="tech">Technische regels (Engels, uit summary.json):</div>${examples(r.technical, 'mono tech')}` : '',
  ].filter(Boolean).join('');
  return `<tr><td><b>${esc(r.id)}</b><br>${esc(r.phase)}<br>stap ${esc(r.runbookStep)}</td><td>${esc(r.plicht)}${detail ? `<br>${detail}` : ''}</td>` +
    `<td>${verdict(r.outcome)} · ${r.tests} test${r.tests === 1 ? '' : 's'}<div class="src">${esc(r.reportPaths.join('; ') || 'geen scenario')}</div></td></tr>`;
}

function partySection(p: PartyView, index: number): string {
  const pcs = p.preconditions.map((pc) => `<div class="pc"><b>Randvoorwaarde ${esc(pc.nr)}:</b> ${verdict(pc.verdict)}` +
    `${pc.because.length ? ` <span class="small">(${esc(pc.because.join('; '))})</span>` : ''}<blockquote>“${esc(pc.text)}”</blockquote></div>`).join('\n');
  const findings = p.findings.length
    ? `<h3>Wat er misging</h3>${p.findings.map((f) => `<div class="finding"><b>${esc(f.id)}</b>: ${esc(f.misging)} ${esc(f.betekent)}${examples(f.examples)}</div>`).join('\n')}`
    : '<h3>Wat er misging</h3><p>Niets: geen enkele getoetste eis is niet gehaald.</p>';
  const untested = p.notTested.length
    ? `<h3>Niet getest</h3><ul class="small">${p.notTested.map((n) => `<li><b>${esc(n.id)}</b>: ${esc(n.reason)}</li>`).join('')}</ul>`
    : '';
  return `
<section class="party" style="page: party${index}" data-party="${esc(p.key)}">
<h2>${esc(p.label)}</h2>
<p class="small">${esc(p.product)}${p.vendor ? ` (${esc(p.vendor)})` : ''} · ${esc(p.build)} · getest ${esc(p.testedAt)}</p>
${pcs}
${findings}
${untested}
<div class="appendix">
<h3>Bijlage bij ${esc(p.label)}: alle ${p.rows.length} eisen</h3>
<table>
<colgroup><col style="width:14.5%"><col style="width:64%"><col style="width:21.5%"></colgroup>
<thead><tr><th>Eis</th><th>Plicht en de woorden van het draaiboek</th><th>Uitkomst; scenario's per fase en stap in het Allure-rapport</th></tr></thead>
<tbody>
${p.rows.map(row).join('\n')}
</tbody>
</table>
</div>
</section>`;
}

export function dossierHtml(view: DossierView, files: readonly string[]): string {
  const pages = [
    `@page { @top-left { content: ${cssString(header('Overzicht', view.run))}; } @top-right { content: ${cssString(hashHeader(view.run))}; } }`,
    ...view.parties.map((p, i) => `@page party${i} { @top-left { content: ${cssString(header(p.label, view.run))}; } }`),
  ].join('\n');
  const legend = LEGEND_NL.map(([t, m]) => `<li>${verdict(t)}: ${esc(m)}</li>`).join('');
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(view.run.title)}</title>
<style>${STYLE.replace('content: TITLE', `content: ${cssString(view.run.title)}`)}
${pages}</style>
</head>
<body>
<section class="overview">
<h1>${esc(view.run.title)}</h1>
${view.run.banners.map((b) => `<div class="banner" role="alert">${esc(b)}</div>`).join('\n')}
${answer(view)}
${matrix(view)}
${facts(view.run, files)}
<ul class="legend">${legend}</ul>
<p class="small">${esc(view.run.intro)} ${esc(view.run.columns[0]!.toelichting)}.</p>
</section>
${view.parties.map(partySection).join('\n')}
</body>
</html>
`;
}
