/**
 * The Allure 3 report as one offline HTML file: `allure generate` from node_modules with the
 * awesome plugin configured (single file, the report tree, sorted by name so the ordinals of
 * phases and runbook steps put it in runbook order: `allure awesome` takes no sort option), fed
 * the categories and environment of this run, then stripped of analytics.
 * Generation has its own time limit: a report that does not come is no reason to lose the
 * summary, dossier and manifest, which are written without it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAllureRunFailure, startAllureProcess, type AllureProcess } from './allure-process.js';
import { CATEGORIES } from './categories.js';
import { stripAnalytics } from './offline-html.js';
import { outFiles } from './out-layout.js';
import { gitCommit, reportEnvironment, writeEnvironmentProperties } from './report-environment.js';
import { readSummary, type Summary } from './summary.js';
import { runProfile } from '../profile/run-profile.js';


/**
 * The title on top of every page of the report: it says, as loudly as the dossier's banner, when
 * the calendar was not the national one, and when the run was a live rehearsal with its real T0.
 */
export function reportTitle(summary: Pick<Summary, 'mode' | 'calendar'>): string {
  const cal = summary.calendar;
  const live = summary.mode === 'live' ? ` · LIVE REHEARSAL on the wall clock (T0 ${cal.heenStop}, T1 ${cal.retourStop}, T2 ${cal.goLive})` : '';
  const national = cal.national === false ? ` · NOT the national calendar: '${cal.name ?? 'unnamed'}'` : '';
  return `${runProfile().label} conformance${live}${national}`;
}

/** party › phase › runbook step › scenario: the path the dossier cites. */
export const REPORT_TREE = ['parentSuite', 'epic', 'feature', 'story'] as const;

/** A full run's report takes some 5 s; a report still busy after this will not come. */
export const REPORT_TIME_LIMIT_MS = 120_000;

/** The report was not generated within its time limit; what else the run wrote stands. */
export class ReportTimedOut extends Error {
  /** The run's summary, written before the report was attempted (set by finishRun). */
  summary?: Summary;

  constructor(readonly limitMs: number, dir: string) {
    super(
      `The Allure report was not generated within ${limitMs / 1000} s and is left out (${dir} removed); summary.json, the dossier and the manifest are written. ` +
        'Fix: open the dossier, or run allure on <out>/allure-results yourself; if a run makes a report this slow, please report it with its allure-results.',
    );
    this.name = 'ReportTimedOut';
  }
}

const projectRoot = (): string => resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `warm`: an Allure process started earlier (startAllureProcess), else one is started now. */
export async function generateReport(out: string, limitMs: number = REPORT_TIME_LIMIT_MS, warm?: AllureProcess): Promise<string> {
  const files = outFiles(out);
  if (!existsSync(files.results)) {
    throw new Error(
      `Cannot generate the report: ${files.results} does not exist. ` +
        'Run the suites with the allure-vitest reporter writing to <out>/allure-results first.',
    );
  }
  const summary = readSummary(out);
  writeEnvironmentProperties(files.results, reportEnvironment(summary, gitCommit(projectRoot()), process.version));
  // Allure 3's awesome plugin takes categories from the config, not from categories.json.
  const config = {
    name: reportTitle(summary), categories: CATEGORIES,
    plugins: { awesome: { options: {
      singleFile: true, groupBy: REPORT_TREE, defaultSortBy: 'name,asc', theme: 'light', reportLanguage: 'en', reportName: reportTitle(summary),
    } } },
  };
  writeFileSync(files.allureConfig, `${JSON.stringify(config, null, 2)}\n`, 'utf8');
  rmSync(files.report, { recursive: true, force: true });
  const allure = warm ?? startAllureProcess();
  try {
    await allure.run(['generate', resolve(files.results), '--config', resolve(files.allureConfig), '--output', resolve(files.report)], resolve(out), limitMs);
  } catch (error) {
    if (!isAllureRunFailure(error)) throw error;
    if (error.timedOut) {
      // A half-written report must not be shipped, nor hashed into the manifest.
      rmSync(files.report, { recursive: true, force: true });
      throw new ReportTimedOut(limitMs, files.report);
    }
    throw new Error(
      `Cannot generate the Allure report in ${files.report}: allure ended with exit status ${error.exitCode}${error.stderr ? `: ${error.stderr}` : ''}. ` +
        'Check that node_modules/allure is installed (npm ci) and that allure-results holds result files.',
    );
  }
  writeFileSync(files.reportHtml, stripAnalytics(readFileSync(files.reportHtml, 'utf8')), 'utf8');
  return files.reportHtml;
}
