/** The dossier as Markdown: readable as plain text, pasteable into minutes. */
import type { DossierInput, PartyView } from './dossier-model.js';
import { dossierParties } from './dossier-model.js';
import { DOSSIER_INTRO, DOSSIER_TITLE, OUTCOME_LEGEND } from './dossier-text.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function partySection(p: PartyView): string {
  const lines = [
    `## ${p.role} ${p.identity}`,
    '',
    `- Partij: ${p.build}`,
    `- Suiteversie: ${p.suiteVersion}`,
    `- Schemaset: ${p.schemaSet}`,
    `- Testdatum: ${p.runDate}`,
    '',
  ];
  for (const pc of p.preconditions) {
    lines.push(`### Randvoorwaarde ${pc.nr}: ${pc.verdict.toUpperCase()}`, '', `> ${pc.text}`, '');
    lines.push('| Eis | Fase | Draaiboekstap | Plicht | Uitkomst | Bevindingen | Details in het rapport |', '|---|---|---|---|---|---|---|');
    for (const r of pc.rows) {
      lines.push(`| ${[r.id, r.phase, r.runbookStep, r.duty, `${r.outcome} (${r.tests} test${r.tests === 1 ? '' : 's'})`,
        r.failures.join('<br>') || '-', r.reportPaths.join('<br>') || '-'].map(cell).join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function dossierMarkdown(inputs: readonly DossierInput[]): string {
  const legend = OUTCOME_LEGEND.map(([term, meaning]) => `- **${term}**: ${meaning}`).join('\n');
  return [`# ${DOSSIER_TITLE}`, '', DOSSIER_INTRO, '', legend, '', ...dossierParties(inputs).map(partySection)].join('\n');
}
