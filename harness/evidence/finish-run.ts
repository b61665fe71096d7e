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
import { buildSummary, writeSummary, type Summary, type SummaryEnv } from './summary.js';

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

export async function finishRun(out: string, env: SummaryEnv, records: readonly ScenarioRecord[] = readRunRecords(out)): Promise<Summary> {
  const summary = buildSummary(records, env);
  writeSummary(out, summary);
  await writeDossier(out, [{ summary, records }]);
  await generateReport(out);
  writeManifest(out, { suiteVersion: summary.suiteVersion, parties: summary.parties.map(({ requirements: _r, ...run }) => run), schemas: summary.schemas });
  return summary;
}
