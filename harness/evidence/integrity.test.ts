/**
 * Evidence nobody can launder: a forged input makes `npm run dossier` refuse (exit 2, naming the
 * file); a signed run verifies and stops verifying after any byte of any file changes; anything
 * that is not a plain file fails verify; the suite's commit and modified state are recorded and
 * survive a merge.
 */
import { execFile, execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signaturePlan, signatureText, signRun } from './attestation.js';
import { finishRun } from './finish-run.js';
import { listOut, writeManifest } from './manifest.js';
import { mergeRuns } from './merge-runs.js';
import { outFiles } from './out-layout.js';
import type { ScenarioRecord } from './scenario-record.js';
import { suiteIdentity } from './suite-identity.js';
import { buildSummary, readSummary, writeSummary, type SummaryEnv } from './summary.js';
import { checkEvidence } from './verify-evidence.js';
import { reportEnvironment } from './report-environment.js';
import { isArgError, parseConformanceArgs } from '../cli/conformance-args.js';
import { ENV, found, outcome, rec } from '../../fixtures/evidence/test-records.js';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'integrity-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const keyFiles = { private: join(root, 'k.key.pem'), public: join(root, 'k.pub.pem') };
writeFileSync(keyFiles.private, privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(keyFiles.public, publicKey.export({ type: 'spki', format: 'pem' }));

const gemeenteRecords = [rec('retourstop', 'gemeente', '0363', [outcome('AFS-1.5', 'failed', [found('AFS-1.5', 'timing', 'processed by T1', 'not processed', ['G0363000017'])])])];
const svbRecords = [rec('svb-ing', 'svb', 'SVB', [outcome('ING-3.1', 'passed')])];

async function runDir(name: string, records: ScenarioRecord[], env: SummaryEnv, sign = false): Promise<string> {
  const out = join(root, name);
  mkdirSync(outFiles(out).results, { recursive: true });
  writeFileSync(outFiles(out).records, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  await finishRun(out, sign ? { ...env, signature: signaturePlan(privateKey) } : env, records);
  if (sign) signRun(out, privateKey, { suite: env.suite });
  return out;
}

const gemeenteEnv: SummaryEnv = { ...ENV, parties: [ENV.parties[0]!] };
const svbEnv: SummaryEnv = { ...ENV, startedAt: '2026-11-30T12:30:00Z', parties: [ENV.parties[1]!] };
const dossierCli = (...args: string[]) => run('npx', ['tsx', 'harness/cli/dossier.ts', ...args]).then(
  (r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);
const verifyCli = (...args: string[]) => run('npx', ['tsx', 'harness/cli/verify.ts', ...args]).then(
  (r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);

/** failed → passed in one record: the forgery of issue 13. */
function forgeRecords(dir: string): void {
  const path = outFiles(dir).records;
  writeFileSync(path, readFileSync(path, 'utf8').replace('"verdict":"failed"', '"verdict":"passed"'));
}

let gemeente: string;
let svb: string;
beforeAll(async () => {
  gemeente = await runDir('gemeente', gemeenteRecords, gemeenteEnv, true);
  svb = await runDir('svb', svbRecords, svbEnv, true);
}, 120_000);

describe('merge refuses forged inputs', () => {
  it('npm run dossier exits 2 naming records.jsonl when a run was edited failed → passed', async () => {
    const forged = join(root, 'forged');
    cpSync(gemeente, forged, { recursive: true });
    forgeRecords(forged);
    const result = await dossierCli(join(root, 'out-forged'), forged, svb);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(forged);
    expect(result.stderr).toContain('changed: records.jsonl');
  }, 60_000);

  it('refuses a forged input whose manifest was rewritten to match: summary and records disagree', async () => {
    const forged = join(root, 'forged-manifest');
    cpSync(gemeente, forged, { recursive: true });
    forgeRecords(forged);
    writeManifest(forged, { suiteVersion: ENV.suiteVersion, parties: gemeenteEnv.parties, schemas: ENV.schemas });
    await expect(mergeRuns(join(root, 'out-fm'), [forged, svb])).rejects.toThrow(/summary\.json does not match .*records\.jsonl/);
  }, 60_000);

  it('refuses records of a party the summary does not list, slipped in with a rewritten manifest', async () => {
    const forged = join(root, 'forged-party');
    cpSync(svb, forged, { recursive: true });
    const extra = rec('heenstop', 'gemeente', '0599', [outcome('AFS-1.1', 'passed')]);
    writeFileSync(outFiles(forged).records, `${readFileSync(outFiles(forged).records, 'utf8')}${JSON.stringify(extra)}\n`);
    writeManifest(forged, { suiteVersion: ENV.suiteVersion, parties: svbEnv.parties, schemas: ENV.schemas });
    await expect(mergeRuns(join(root, 'out-fp'), [gemeente, forged])).rejects.toThrow(/records of gemeente 0599, a party its summary\.json does not list/);
  }, 60_000);

  it('a forgery redone from end to end (records, summary, manifest) is caught by the signature', async () => {
    const forged = join(root, 'forged-all');
    cpSync(gemeente, forged, { recursive: true });
    forgeRecords(forged);
    const records = readFileSync(outFiles(forged).records, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ScenarioRecord);
    writeSummary(forged, buildSummary(records, { ...gemeenteEnv, signature: signaturePlan(privateKey) }));
    writeManifest(forged, { suiteVersion: ENV.suiteVersion, parties: gemeenteEnv.parties, schemas: ENV.schemas });
    await expect(mergeRuns(join(root, 'out-fa'), [forged, svb], { publicKey })).rejects.toThrow(/Cannot merge .*forged-all: .*changed since signing: records\.jsonl/);
  }, 60_000);

  it('refuses two different systems under one identity instead of making them one party', async () => {
    const other = await runDir('gemeente-other', gemeenteRecords, { ...gemeenteEnv, parties: [{ ...gemeenteEnv.parties[0]!, endpoint: 'http://127.0.0.1:9999' }] });
    await expect(mergeRuns(join(root, 'out-two'), [gemeente, other])).rejects.toThrow(/both test gemeente 0363, but different systems \(http:\/\/127\.0\.0\.1:8080 and http:\/\/127\.0\.0\.1:9999\)/);
  }, 60_000);

  it('refuses runs of different suite commits or of a modified suite beside a clean one', async () => {
    const dirty = await runDir('svb-dirty', svbRecords, { ...svbEnv, suite: { ...ENV.suite, modified: true } });
    await expect(mergeRuns(join(root, 'out-dirty'), [gemeente, dirty])).rejects.toThrow(/differ in suite commit or its modified state/);
  }, 60_000);

  it("keeps the inputs' suite commit and each party's own start time, and signs the merge", async () => {
    const merged = join(root, 'merged');
    const result = await dossierCli(merged, gemeente, svb, '--public-key', keyFiles.public, '--sign-key', keyFiles.private);
    expect(result.code, result.stderr).toBe(0);
    const summary = readSummary(merged);
    expect(summary.suite).toEqual(ENV.suite);
    expect(summary.suite.commit).not.toBe(suiteIdentity().commit);
    const dates = Object.fromEntries(summary.parties.map((p) => [p.role, (p as { startedAt?: string }).startedAt]));
    expect(dates).toEqual({ gemeente: ENV.startedAt, svb: '2026-11-30T12:30:00Z' });
    expect(checkEvidence(merged, publicKey)).toEqual({ problems: [], signature: 'signed and verified' });
  }, 120_000);
});

describe('a signed run', () => {
  it('verifies with its public key, and says whether it is signed', async () => {
    const ok = await verifyCli(gemeente, '--public-key', keyFiles.public);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^intact: .*signed and verified/);
    expect(signatureText(readSummary(gemeente))).toMatch(/^ondertekend \(Ed25519, sleutel [0-9a-f]{16}/);
    expect(signatureText({})).toBe('niet ondertekend');
  }, 30_000);

  it('verifies no more after one byte of any file changes, the summary and the manifest included', () => {
    const files = listOut(gemeente).files;
    expect(files).toEqual(expect.arrayContaining(['summary.json', 'manifest.json', 'records.jsonl', 'allure-report/index.html']));
    for (const file of files) {
      const path = join(gemeente, file);
      const original = readFileSync(path);
      const bytes = Buffer.from(original);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0x01;
      writeFileSync(path, bytes);
      try {
        expect(checkEvidence(gemeente, publicKey).problems, file).toContain(`changed since signing: ${file}`);
      } finally {
        writeFileSync(path, original);
      }
    }
    expect(checkEvidence(gemeente, publicKey).problems).toEqual([]);
  });

  it('verifies no more when the envelope is changed, or checked with another key', () => {
    const path = outFiles(gemeente).envelope;
    const original = readFileSync(path, 'utf8');
    const envelope = JSON.parse(original) as { payload: string };
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { subject: Array<{ digest: { sha256: string } }> };
    statement.subject[0]!.digest.sha256 = '0'.repeat(64);
    writeFileSync(path, JSON.stringify({ ...envelope, payload: Buffer.from(JSON.stringify(statement)).toString('base64') }));
    try {
      expect(checkEvidence(gemeente, publicKey).problems.join('\n')).toMatch(/^signature: /);
    } finally {
      writeFileSync(path, original);
    }
    const stranger = generateKeyPairSync('ed25519').publicKey;
    expect(checkEvidence(gemeente, stranger).problems.join('\n')).toMatch(/^signature: .*not signed by key/);
  });

  it('a signature stripped off a signed run fails verify, with or without the key', () => {
    const stripped = join(root, 'stripped');
    cpSync(gemeente, stripped, { recursive: true });
    rmSync(outFiles(stripped).envelope);
    expect(checkEvidence(stripped).problems).toEqual(['removed: attestation.dsse.json (summary.json says the run is signed)']);
    expect(checkEvidence(stripped, publicKey).problems).toContain('attestation.dsse.json is missing: the run is niet ondertekend');
  });

  it('a summary.json that is no longer JSON is a finding (exit 1), not a failure to check', async () => {
    const broken = join(root, 'broken-summary');
    cpSync(svb, broken, { recursive: true });
    writeFileSync(outFiles(broken).summary, '{"totals":');
    const result = await verifyCli(broken);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('changed: summary.json');
  }, 30_000);

  it('an unsigned run fails verify --public-key: niet ondertekend', async () => {
    const unsigned = await runDir('unsigned', svbRecords, svbEnv);
    expect(checkEvidence(unsigned).signature).toBe('niet ondertekend');
    const result = await verifyCli(unsigned, '--public-key', keyFiles.public);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('niet ondertekend');
  }, 60_000);
});

describe('verify accepts plain files only', () => {
  it('fails on a symlink and on a fifo in the out folder', async () => {
    const dir = join(root, 'links');
    cpSync(svb, dir, { recursive: true });
    symlinkSync('/etc/hostname', join(dir, 'allure-results', 'linked.txt'));
    const result = await verifyCli(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('not a plain file: allure-results/linked.txt');
    rmSync(join(dir, 'allure-results', 'linked.txt'));
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    expect(checkEvidence(dir).problems).toEqual(['not a plain file: pipe']);
  }, 30_000);
});

describe('the suite that judged', () => {
  const repo = join(root, 'suite-clone');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], { cwd: repo, stdio: 'ignore' });
  beforeAll(() => {
    mkdirSync(join(repo, 'harness', 'verdicts'), { recursive: true });
    mkdirSync(join(repo, 'docs'), { recursive: true });
    writeFileSync(join(repo, 'package.json'), '{"version":"0.1.0"}\n');
    writeFileSync(join(repo, 'harness', 'verdicts', 'judge.ts'), 'export const strict = true;\n');
    writeFileSync(join(repo, 'docs', 'evidence.md'), '# Evidence\n');
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'suite');
  });

  it('records the full commit, unmodified in a clean clone', () => {
    const suite = suiteIdentity(repo);
    expect(suite).toEqual({ version: '0.1.0', commit: expect.stringMatching(/^[0-9a-f]{40}$/), modified: false });
  });

  it('a one-line edit of a verdict file makes it modified; prose and an out folder do not', () => {
    writeFileSync(join(repo, 'docs', 'evidence.md'), '# Evidence, reworded\n');
    mkdirSync(join(repo, 'out', '1'), { recursive: true });
    writeFileSync(join(repo, 'out', '1', 'summary.json'), '{}');
    expect(suiteIdentity(repo).modified).toBe(false);
    writeFileSync(join(repo, 'harness', 'verdicts', 'judge.ts'), 'export const strict = false;\n');
    expect(suiteIdentity(repo).modified).toBe(true);
    git('checkout', '--', 'harness/verdicts/judge.ts');
    writeFileSync(join(repo, 'harness', 'verdicts', 'extra-check.ts'), 'export {};\n');
    expect(suiteIdentity(repo).modified).toBe(true);
  });

  it('outside a git checkout of the suite (an installed copy) says it does not know', () => {
    const installed = join(repo, 'node_modules', 'ipgb-cutover-conformance');
    mkdirSync(installed, { recursive: true });
    writeFileSync(join(installed, 'package.json'), '{"version":"0.1.0"}\n');
    expect(suiteIdentity(installed)).toEqual({ version: '0.1.0', commit: null, modified: null });
    const loose = mkdtempSync(join(tmpdir(), 'suite-copy-'));
    writeFileSync(join(loose, 'package.json'), '{"version":"0.1.0"}\n');
    expect(suiteIdentity(loose)).toEqual({ version: '0.1.0', commit: null, modified: null });
    rmSync(loose, { recursive: true, force: true });
  });
});

describe('what the report and the command line say about suite and signature', () => {
  it("the report names the commit that judged the runs, not the report machine's", () => {
    const env = new Map(reportEnvironment(readSummary(gemeente), 'machine-commit-dirty', 'v20.0.0'));
    expect(env.get('Suite commit')).toBe('0123456789ab (unmodified)');
    expect(env.get('Signature')).toMatch(/^ondertekend \(Ed25519/);
    const modified = new Map(reportEnvironment({ ...readSummary(svb), suite: { version: '0.1.0', commit: null, modified: null } }, 'x', 'v20'));
    expect(modified.get('Suite commit')).toBe('unknown (not a git checkout of the suite)');
  });

  it('--sign-key takes a key file that exists', () => {
    const ok = parseConformanceArgs(['--sign-key', keyFiles.private]);
    expect(isArgError(ok) ? ok.error : 'signKey' in ok ? ok.signKey : ok).toBe(keyFiles.private);
    const missing = parseConformanceArgs(['--sign-key', join(root, 'nope.pem')]);
    expect(isArgError(missing) && missing.error).toMatch(/^--sign-key .*nope\.pem does not exist\. Fix: /);
  });
});
