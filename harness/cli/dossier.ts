/**
 * `npm run dossier -- <out> <result dirs...> [--public-key FILE] [--sign-key FILE]`: merges the
 * evidence of several runs (several parties, or CI shards of one party) into one summary,
 * dossier, report and manifest in <out>. Every input is verified first; with --public-key each
 * must also carry a signature by that key. --sign-key (or CONFORMANCE_SIGN_KEY) signs the result.
 * Exit 0 done, 2 refused or not possible (the message names the input and the file).
 */
import { signaturePlan, signRun } from '../evidence/attestation.js';
import { mergeRuns } from '../evidence/merge-runs.js';
import { manifestDigest } from '../evidence/manifest.js';
import { outFiles } from '../evidence/out-layout.js';
import { loadPrivateKey, loadPublicKey, signKeyPath } from '../evidence/signing-key.js';
import { pdfStatusLine } from '../evidence/dossier.js';

const USAGE = 'Usage: npm run dossier -- <out> <result dir>... [--public-key FILE] [--sign-key FILE]';

function parse(argv: string[]): { dirs: string[]; publicKey?: string; signKey?: string } | string {
  const dirs: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') ? [arg.split('=')[0]!, arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined] : [undefined, undefined];
    if (flag === undefined) dirs.push(arg);
    else if (flag !== '--public-key' && flag !== '--sign-key') return `Unknown argument ${arg}. ${USAGE}`;
    else {
      const value = inline ?? argv[++i];
      if (!value) return `${flag} needs a file. ${USAGE}`;
      flags[flag] = value;
    }
  }
  if (dirs.length < 2) return `Cannot make a dossier: give the output directory and at least one result directory. ${USAGE}`;
  return { dirs, ...(flags['--public-key'] ? { publicKey: flags['--public-key'] } : {}), ...(flags['--sign-key'] ? { signKey: flags['--sign-key'] } : {}) };
}

const args = parse(process.argv.slice(2));
if (typeof args === 'string') {
  console.error(args);
  process.exit(2);
}
const [out, ...dirs] = args.dirs as [string, ...string[]];
try {
  const publicKey = args.publicKey ? loadPublicKey(args.publicKey) : undefined;
  const keyPath = signKeyPath(args.signKey);
  const signKey = keyPath ? loadPrivateKey(keyPath) : undefined;
  const summary = await mergeRuns(out, dirs, { ...(publicKey ? { publicKey } : {}), ...(signKey ? { signature: signaturePlan(signKey) } : {}) });
  if (signKey) signRun(out, signKey, { suite: summary.suite, startedAt: summary.startedAt, mergedFrom: dirs.length });
  const files = outFiles(out);
  console.log(`dossier: ${files.dossierHtml} and ${files.dossierMd}`);
  console.log(pdfStatusLine(out));
  console.log(`report: ${files.reportHtml}`);
  console.log(`summary: ${files.summary} (passed ${summary.totals.passed}, failed ${summary.totals.failed}, not applicable ${summary.totals.notApplicable}, not tested ${summary.totals.notTested})`);
  console.log(`manifest sha256: ${manifestDigest(out)}`);
  console.log(signKey ? `signed: ${files.envelope}` : 'niet ondertekend (give --sign-key FILE to sign)');
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
