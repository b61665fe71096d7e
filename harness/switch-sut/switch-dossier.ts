/**
 * The steering group's view of a switch run: per switch, the preconditions of runbook 4.5 (BIDN)
 * or 4.6 (VECOZO), each "voldaan" only when every SW id it rests on passed, with the rows under
 * it. Markdown and a small HTML page, beside summary.json.
 */
import { writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { DEFAULT_ZONE } from '../clock/calendar.js';
import { join } from 'node:path';
import type { SwitchSummary, SwitchSummaryEntry } from './switch-summary.js';
import { switchPreconditions, switchRequirement } from './switch-requirements.js';

type Outcome = 'geslaagd' | 'gefaald' | 'niet getest';
type PreconditionVerdict = 'voldaan' | 'niet voldaan' | 'niet aangetoond';

interface Row { id: string; steps: string; duty: string; outcome: Outcome; failures: string[] }
interface PreconditionView { nr: string; text: string; verdict: PreconditionVerdict; rows: Row[] }

export function switchPreconditionViews(entry: SwitchSummaryEntry): PreconditionView[] {
  return switchPreconditions().filter((pc) => pc.role === entry.role).map((pc) => {
    const rows = pc.shownBy.map((id): Row => {
      const judged = entry.requirements[id];
      const req = switchRequirement(id);
      return {
        id, steps: req.runbookSteps.join(', '), duty: req.duty,
        outcome: judged.verdict === 'passed' ? 'geslaagd' : judged.verdict === 'failed' ? 'gefaald' : 'niet getest',
        failures: judged.failures ?? (judged.reason ? [judged.reason] : []),
      };
    });
    const verdict: PreconditionVerdict = rows.some((r) => r.outcome === 'gefaald') ? 'niet voldaan'
      : rows.some((r) => r.outcome === 'niet getest') ? 'niet aangetoond' : 'voldaan';
    return { nr: pc.nr, text: pc.text, verdict, rows };
  });
}

/** In the calendar's zone, the one the runbook's times are read in. */
const runDate = (summary: SwitchSummary): string => {
  const zone = summary.calendar.zone ?? DEFAULT_ZONE;
  return `${DateTime.fromISO(summary.startedAt, { setZone: true }).setZone(zone).toFormat('dd-MM-yyyy HH:mm')} (${zone})`;
};

const productOf = (s: SwitchSummaryEntry): string =>
  s.about && (s.about.vendor || s.about.product) ? `${[s.about.vendor, s.about.product, s.about.version].filter(Boolean).join(' ')}` : 'product niet opgegeven (GET /about)';

export function switchDossierMarkdown(summary: SwitchSummary): string {
  const lines = ['# Dossier: schakelpunt als systeem onder test', '',
    `Suite ${summary.suiteVersion}, run ${runDate(summary)}, kalender${summary.calendar.name ? ` ${summary.calendar.name}` : ''}: T0 ${summary.calendar.heenStop} · T1 ${summary.calendar.retourStop} · T2 ${summary.calendar.goLive}.`,
    'De suite speelt alle partijen rond het schakelpunt; het bewijs *ondersteunt* de randvoorwaarde, het is niet de landelijke ketentest zelf.', '',
    ...(summary.calendar.national === false ? ['**Let op: deze run gebruikte niet de kalender van de migratie zelf (een oefenkalender); zij ondersteunt de randvoorwaarden 4.5/4.6 niet voor 30 maart - 1 april 2026.**', ''] : [])];
  for (const s of summary.switches) {
    lines.push(`## ${s.role}${s.label ? ` (${s.label})` : ''}: ${s.endpoint}`, '', `Onder test: ${productOf(s)}.`, '');
    for (const pc of switchPreconditionViews(s)) {
      lines.push(`### ${pc.nr} ${pc.verdict}`, '', pc.text, '', '| id | draaiboek | plicht | uitkomst |', '|---|---|---|---|');
      for (const r of pc.rows) {
        lines.push(`| ${r.id} | ${r.steps} | ${r.duty.replace(/\|/g, '\\|')} | ${r.outcome} |`);
      }
      const failing = pc.rows.filter((r) => r.outcome !== 'geslaagd' && r.failures.length);
      for (const r of failing) lines.push('', `${r.id}:`, ...r.failures.slice(0, 5).map((f) => `- ${f}`));
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}

const escape = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

export function switchDossierHtml(summary: SwitchSummary): string {
  const sections = summary.switches.map((s) => `<h2>${escape(`${s.role}${s.label ? ` (${s.label})` : ''}`)}: ${escape(s.endpoint)}</h2><p>Onder test: ${escape(productOf(s))}.</p>${switchPreconditionViews(s).map((pc) => `
<h3>${escape(pc.nr)} <span class="${pc.verdict === 'voldaan' ? 'ok' : 'no'}">${escape(pc.verdict)}</span></h3><p>${escape(pc.text)}</p>
<table><tr><th>id</th><th>draaiboek</th><th>plicht</th><th>uitkomst</th></tr>${pc.rows.map((r) => `<tr><td>${escape(r.id)}</td><td>${escape(r.steps)}</td><td>${escape(r.duty)}${r.outcome !== 'geslaagd' && r.failures.length ? `<ul>${r.failures.slice(0, 5).map((f) => `<li>${escape(f)}</li>`).join('')}</ul>` : ''}</td><td>${escape(r.outcome)}</td></tr>`).join('')}</table>`).join('')}`).join('');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Dossier schakelpunt</title><style>body{font:14px sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px;vertical-align:top;text-align:left}td:first-child{white-space:nowrap}.ok{color:#060}.no{color:#a00}@media print{body{margin:0}}</style></head><body><h1>Dossier: schakelpunt als systeem onder test</h1><p>Suite ${escape(summary.suiteVersion)}, run ${escape(runDate(summary))}; kalender T0 ${escape(summary.calendar.heenStop)} · T1 ${escape(summary.calendar.retourStop)} · T2 ${escape(summary.calendar.goLive)}. Het bewijs ondersteunt de randvoorwaarde; het is niet de landelijke ketentest zelf.</p>${summary.calendar.national === false ? '<p class="no"><strong>Let op: deze run gebruikte niet de kalender van de migratie zelf (een oefenkalender); zij ondersteunt de randvoorwaarden 4.5/4.6 niet voor 30 maart - 1 april 2026.</strong></p>' : ''}${sections}</body></html>\n`;
}

export function writeSwitchDossier(out: string, summary: SwitchSummary): void {
  writeFileSync(join(out, 'dossier.md'), switchDossierMarkdown(summary), 'utf8');
  writeFileSync(join(out, 'dossier.html'), switchDossierHtml(summary), 'utf8');
}
