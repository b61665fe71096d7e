/**
 * Turns a run's records into the full evidence set, in the one order that works: summary,
 * dossier, Allure report (it reads the summary), and the manifest last (it hashes the rest).
 */
import { existsSync } from 'node:fs';
import { writeDossier } from './dossier.js';
import { writeManifest } from './manifest.js';
import { outFiles } from './out-layout.js';
import { readRecords } from './records-file.js';
import { generateReport } from './report.js';
import type { ScenarioRecord } from './scenario-record.js';
import { buildSummary, writeSummary, type Completion, type Summary, type SummaryEnv } from './summary.js';

export function readRunRecords(out: string): ScenarioRecord[] {
  const path = outFiles(out).records;
  if (!existsSync(path)) {
    throw new Error(
      `Cannot build the evidence of ${out}: ${path} is missing. ` +
        'Run the suites with harness/evidence/summary-reporter.ts as a vitest reporter and CONFORMANCE_OUT set to this directory.',
    );
  }
  return readRecords(path);
}

export async function finishRun(out: string, env: SummaryEnv, records: readonly ScenarioRecord[] = readRunRecords(out), completion: Completion = { complete: true }): Promise<Summary> {
  const summary = buildSummary(records, env, completion);
  writeSummary(out, summary);
  await writeDossier(out, [{ summary, records }]);
  await generateReport(out);
  writeManifest(out, { suiteVersion: summary.suiteVersion, parties: summary.parties.map(({ requirements: _r, ...run }) => run), schemas: summary.schemas });
  return summary;
}

/**
 * An interrupted or aborted run: only summary.json, at once and synchronously (a signal leaves
 * no time for the report), from whatever records the run left; `"complete": false` and why.
 * No dossier, report or manifest is written, so nothing can pass for the evidence of a whole run.
 */
export function abandonRun(out: string, env: SummaryEnv, reason: string): Summary {
  const path = outFiles(out).records;
  let records: ScenarioRecord[] = [];
  try {
    if (existsSync(path)) records = readRecords(path);
  } catch {
    records = []; // a line cut off by the interrupt: the summary still says the run is incomplete
  }
  const summary = buildSummary(records, env, { complete: false, reason });
  writeSummary(out, summary);
  return summary;
}
