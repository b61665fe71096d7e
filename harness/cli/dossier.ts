/**
 * `npm run dossier -- <out> <result dirs...>`: merges the evidence of several runs (several
 * parties, or CI shards of one party) into one summary, dossier, report and manifest in <out>.
 */
import { mergeRuns } from '../evidence/merge-runs.js';
import { manifestDigest } from '../evidence/manifest.js';
import { outFiles } from '../evidence/out-layout.js';
import { pdfStatusLine } from '../evidence/dossier.js';

const [out, ...dirs] = process.argv.slice(2);
if (!out || dirs.length === 0) {
  console.error('Cannot make a dossier: give the output directory and at least one result directory. Usage: npm run dossier -- <out> <result dir>...');
  process.exit(2);
}
try {
  const summary = await mergeRuns(out, dirs);
  const files = outFiles(out);
  console.log(`dossier: ${files.dossierHtml} and ${files.dossierMd}`);
  console.log(pdfStatusLine(out));
  console.log(`report: ${files.reportHtml}`);
  console.log(`summary: ${files.summary} (passed ${summary.totals.passed}, failed ${summary.totals.failed}, not applicable ${summary.totals.notApplicable}, not tested ${summary.totals.notTested})`);
  console.log(`manifest sha256: ${manifestDigest(out)}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
