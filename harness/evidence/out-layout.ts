/**
 * Where a run's evidence lives under `--out`. One place, so the reporter, report, dossier,
 * manifest and verify agree on names.
 */
import { join } from 'node:path';

export const DEFAULT_OUT = 'reports';

/** The DSSE envelope a signed run leaves beside its files (it signs every other file, the manifest too). */
export const ENVELOPE_FILE = 'attestation.dsse.json';

/** The out directory of this process: env `CONFORMANCE_OUT`, else `reports`. */
export function conformanceOut(env: NodeJS.ProcessEnv = process.env): string {
  return env.CONFORMANCE_OUT && env.CONFORMANCE_OUT.trim() !== '' ? env.CONFORMANCE_OUT : DEFAULT_OUT;
}

export const outFiles = (out: string) => ({
  results: join(out, 'allure-results'),
  report: join(out, 'allure-report'),
  reportHtml: join(out, 'allure-report', 'index.html'),
  records: join(out, 'records.jsonl'),
  summary: join(out, 'summary.json'),
  dossierMd: join(out, 'dossier.md'),
  dossierHtml: join(out, 'dossier.html'),
  dossierPdf: join(out, 'dossier.pdf'),
  manifest: join(out, 'manifest.json'),
  envelope: join(out, ENVELOPE_FILE),
  allureConfig: join(out, 'allurerc.json'),
});
