/**
 * Turns a run's records into the full evidence set, in the one order that works: summary first,
 * then the dossier and the Allure report side by side (both read the summary), and the manifest
 * last (it hashes the rest).
 * A report that runs out of its time limit is left out; the manifest is still written over
 * the rest, then the run learns of it from the ReportTimedOut thrown (it carries the summary).
 */
import { existsSync } from 'node:fs';
import type { AllureProcess } from './allure-process.js';
import { writeDossier } from './dossier.js';
import { writeManifest } from './manifest.js';
import { outFiles } from './out-layout.js';
import { readRecords } from './records-file.js';
import { generateReport, REPORT_TIME_LIMIT_MS, ReportTimedOut } from './report.js';
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

export interface FinishOptions {
  /** The report's own time limit (default REPORT_TIME_LIMIT_MS). */
  reportLimitMs?: number;
  /** An Allure process started at the run's start (its modules loaded meanwhile). */
  allure?: AllureProcess;
}

export async function finishRun(
  out: string, env: SummaryEnv, records: readonly ScenarioRecord[] = readRunRecords(out),
  completion: Completion = { complete: true }, options: FinishOptions = {},
): Promise<Summary> {
  const summary = buildSummary(records, env, completion);
  writeSummary(out, summary);
  // The dossier (its PDF through Chromium) and the Allure report (a node process of its own) read
  // only the summary and the records and write files of their own: side by side they take the time
  // of the slower one, not of both (bench/README.md, "the default run").
  const [dossier, report] = await Promise.allSettled([
    writeDossier(out, [{ summary, records }]),
    generateReport(out, options.reportLimitMs ?? REPORT_TIME_LIMIT_MS, options.allure),
  ]);
  if (dossier.status === 'rejected') throw dossier.reason;
  let timedOut: ReportTimedOut | undefined;
  if (report.status === 'rejected') {
    if (!(report.reason instanceof ReportTimedOut)) throw report.reason;
    timedOut = report.reason;
  }
  writeManifest(out, { suiteVersion: summary.suiteVersion, parties: summary.parties.map(({ requirements: _r, ...run }) => run), schemas: summary.schemas });
  if (timedOut) {
    timedOut.summary = summary;
    throw timedOut;
  }
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
