/**
 * The dossier as one HTML file: inline CSS only, no scripts, no external requests, laid out to
 * print on A4 with each party on its own page.
 */
import type { DossierInput, PartyView, PreconditionVerdict, RowOutcome } from './dossier-model.js';
import { dossierParties } from './dossier-model.js';
import { DOSSIER_INTRO, DOSSIER_TITLE, OUTCOME_LEGEND } from './dossier-text.js';

const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const VERDICT_CLASS: Record<PreconditionVerdict | RowOutcome, string> = {
  voldaan: 'ok', geslaagd: 'ok', 'niet voldaan': 'bad', gefaald: 'bad',
  'niet aangetoond': 'open', 'niet getest': 'open', 'niet van toepassing': 'na',
};

const STYLE = `
@page { size: A4; margin: 15mm 12mm; }
body { font: 10pt/1.35 system-ui, "Segoe UI", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 17pt; margin: 0 0 4mm; } h2 { font-size: 14pt; margin: 8mm 0 2mm; } h3 { font-size: 11.5pt; margin: 5mm 0 1mm; }
.party + .party { break-before: page; }
.precondition { break-inside: avoid; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 4mm; margin: 0 0 3mm; } dt { font-weight: 600; } dd { margin: 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 8.5pt; }
th, td { border: 0.3mm solid #999; padding: 1mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #eee; } tr { break-inside: avoid; }
.v { font-weight: 700; padding: 0 2mm; border-radius: 1mm; white-space: nowrap; }
.ok { background: #d8f0d8; } .bad { background: #f6d2d2; } .open { background: #fbefc6; } .na { background: #eee; }
ul.f { margin: 0; padding-left: 4mm; } blockquote { margin: 0 0 2mm; font-style: italic; }
`;

const list = (items: readonly string[]): string =>
  items.length ? `<ul class="f">${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '-';

function partySection(p: PartyView): string {
  const pcs = p.preconditions.map((pc) => `
<section class="precondition">
<h3>Randvoorwaarde ${esc(pc.nr)}: <span class="v ${VERDICT_CLASS[pc.verdict]}">${esc(pc.verdict)}</span></h3>
<blockquote>${esc(pc.text)}</blockquote>
<table>
<colgroup><col style="width:9%"><col style="width:10%"><col style="width:9%"><col style="width:24%"><col style="width:11%"><col style="width:19%"><col style="width:18%"></colgroup>
<thead><tr><th>Eis</th><th>Fase</th><th>Draaiboekstap</th><th>Plicht</th><th>Uitkomst</th><th>Bevindingen</th><th>Details in het rapport</th></tr></thead>
<tbody>
${pc.rows.map((r) => `<tr><td>${esc(r.id)}</td><td>${esc(r.phase)}</td><td>${esc(r.runbookStep)}</td><td>${esc(r.duty)}</td>` +
    `<td><span class="v ${VERDICT_CLASS[r.outcome]}">${esc(r.outcome)}</span><br>${r.tests} test${r.tests === 1 ? '' : 's'}</td>` +
    `<td>${list(r.failures)}</td><td>${list(r.reportPaths)}</td></tr>`).join('\n')}
</tbody>
</table>
</section>`).join('\n');
  return `
<section class="party">
<h2>${esc(`${p.role} ${p.identity}`)}</h2>
<dl><dt>Partij</dt><dd>${esc(p.build)}</dd><dt>Suiteversie</dt><dd>${esc(p.suiteVersion)}</dd>
<dt>Schemaset</dt><dd>${esc(p.schemaSet)}</dd><dt>Testdatum</dt><dd>${esc(p.runDate)}</dd></dl>
${pcs}
</section>`;
}

export function dossierHtml(inputs: readonly DossierInput[]): string {
  const legend = OUTCOME_LEGEND.map(([t, m]) => `<li><span class="v ${VERDICT_CLASS[t as PreconditionVerdict]}">${esc(t)}</span>: ${esc(m)}</li>`).join('');
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(DOSSIER_TITLE)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(DOSSIER_TITLE)}</h1>
<p>${esc(DOSSIER_INTRO)}</p>
<ul>${legend}</ul>
${dossierParties(inputs).map(partySection).join('\n')}
</body>
</html>
`;
}
