/** The dossier as Markdown: readable as plain text, pasteable into minutes; the same view as the HTML. */
import { LEGEND_NL, ROLE_NL } from './dossier-nl.js';
import type { DossierView, Examples, PartyView } from './dossier-model.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const more = (e: Examples): string[] => (e.more ? [`en ${e.more} meer`] : []);

function partySection(p: PartyView): string {
  const lines = [`## ${p.label}`, '', `${p.product}${p.vendor ? ` (${p.vendor})` : ''} · ${p.build} · getest ${p.testedAt}`, ''];
  for (const pc of p.preconditions) {
    lines.push(`- **Randvoorwaarde ${pc.nr}: ${pc.verdict.toUpperCase()}**${pc.because.length ? ` (${pc.because.join('; ')})` : ''}`, `  > “${pc.text}”`);
  }
  lines.push('', '### Wat er misging', '');
  if (!p.findings.length) lines.push('Niets: geen enkele getoetste eis is niet gehaald.');
  for (const f of p.findings) {
    lines.push(`- **${f.id}**: ${f.misging} ${f.betekent}`, ...[...f.examples.shown, ...more(f.examples)].map((x) => `  - ${x}`));
  }
  if (p.notTested.length) lines.push('', '### Niet getest', '', ...p.notTested.map((n) => `- **${n.id}**: ${n.reason}`));
  lines.push('', `### Bijlage bij ${p.label}: alle ${p.rows.length} eisen`, '',
    '| Eis | Plicht en de woorden van het draaiboek | Uitkomst | In het Allure-rapport |', '|---|---|---|---|');
  for (const r of p.rows) {
    const detail = [
      r.quote ? `“${r.quote.text}”${r.quote.bron ? ` (draaiboek, ${r.quote.bron})` : ''}` : '',
      r.reason ? `Reden: ${r.reason}` : '',
      ...[...r.technical.shown, ...more(r.technical)].map((t) => `\`${t.replace(/`/g, "'")}\``),
    ].filter(Boolean);
    lines.push(`| ${[`${r.id} (${r.phase}, stap ${r.runbookStep})`, [r.plicht, ...detail].join('<br>'), `${r.outcome} (${r.tests} test${r.tests === 1 ? '' : 's'})`,
      r.reportPaths.join('<br>') || '-'].map(cell).join(' | ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}

export function dossierMarkdown(view: DossierView, files: readonly string[]): string {
  const run = view.run;
  const c = run.calendar;
  const counts = (['niet ondersteund', 'onvolledig', 'ondersteund'] as const)
    .map((v) => [v, view.parties.filter((p) => p.verdict === v).length] as const).filter(([, n]) => n > 0).map(([v, n]) => `${n} ${v}`);
  const head = [`# ${run.title}`, '', ...run.banners.map((b) => `> **LET OP: ${b}**\n`),
    `**Uitslag (${view.parties.length} partij${view.parties.length === 1 ? '' : 'en'}): ${counts.join(', ')}.**`, ''];
  const matrix = ['| Partij | Product en versie | Getest op | ' + run.columns.map((x) => `${x.kop} (x.x.${x.suffix})`).join(' | ') + ' |', '|---|---|---|---|---|'];
  let role: string | undefined;
  for (const p of view.parties) {
    if (p.role !== role) {
      role = p.role;
      matrix.push(`| **${ROLE_NL[p.role].groep}** | | | | |`);
    }
    matrix.push(`| ${[p.label, `${p.product}${p.vendor ? ` (${p.vendor})` : ''}`, p.testedAt, ...p.preconditions.map((pc) => `**${pc.nr} ${pc.verdict}**${pc.mainReason ? ` (${pc.mainReason})` : ''}`)].map(cell).join(' | ')} |`);
  }
  const facts = [
    `- Kalender: ${c.name}${c.national ? ' (de landelijke kalender van de migratie)' : ' — NIET de landelijke kalender'}; T0 heenstop ${c.t0}; T1 retourstop ${c.t1}; T2 ingebruikname ${c.t2}; zone ${c.zone}; SHA-256 ${c.sha256}`,
    `- Profiel: ${run.profile}`,
    `- Suite: ${run.suite.text}`,
    `- Schemaset: ${run.schemaSet.text}`,
    `- Operator: ${run.operator}`,
    `- Ondertekening: ${run.signature}`,
    `- Run: ${run.runId}; summary.json SHA-256 ${run.summarySha256 ?? 'onbekend'}`,
    `- Bestanden: ${files.join('; ')}`,
  ];
  const legend = LEGEND_NL.map(([t, m]) => `- **${t}**: ${m}`);
  return [...head, ...matrix, '', ...facts, '', ...legend, '', `${view.run.intro} ${run.columns[0]!.toelichting}.`, '',
    ...view.parties.map(partySection)].join('\n');
}
