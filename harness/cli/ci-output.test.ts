/**
 * The CI outputs end to end, as a vendor's pipeline sees them: junit.xml (schema-valid, in the
 * manifest), the GitHub job summary and ::error annotations, `--rerun-failed` running only the
 * failed scenarios, and `npm run compare` exiting 1 on a new failure and naming what was fixed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startReferenceParty, type RunningReferenceParty } from '../../fixtures/parties/reference/http-server.js';
import { faultyParty } from '../../fixtures/parties/faulty/index.js';
import { runConformance, type ConformanceRun } from './conformance-child.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIOS = ['afs-drain-until-heen-stop', 'tra-events-while-chain-is-closed', 'ing-new-heen-in-2-3'];
const parties: RunningReferenceParty[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(parties.map((p) => p.close()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const scenariosOf = (out: string): string[] => [...new Set(readFileSync(join(out, 'records.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { scenarioId: string }).scenarioId))].sort();

function compare(older: string, newer: string): { status: number; output: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'harness/cli/compare.ts', older, newer], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

async function githubRun(args: string[]): Promise<ConformanceRun & { stepSummary: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'gh-summary-'));
  dirs.push(dir);
  const file = join(dir, 'step-summary.md');
  const run = await runConformance(args, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: file });
  dirs.push(run.out);
  let stepSummary = '';
  try { stepSummary = readFileSync(file, 'utf8'); } catch { /* none written */ }
  return { ...run, stepSummary };
}

describe('CI outputs of npm run conformance', () => {
  let good: Awaited<ReturnType<typeof githubRun>>;
  let bad: Awaited<ReturnType<typeof githubRun>>;

  it('a green run writes a schema-valid junit.xml listed in the manifest and a passing job summary, no annotations', async () => {
    good = await githubRun(['--role', 'gemeente', '--scenario', SCENARIOS.join(',')]);
    expect(good.status, good.output).toBe(0);
    expect(scenariosOf(good.out)).toEqual([...SCENARIOS].sort());
    const junit = join(good.out, 'junit.xml');
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', join(ROOT, 'docs/ci/junit.xsd'), junit], { stdio: 'pipe' });
    // One per scenario, and the two calendar-edge ones once more on the second calendar (GEN-0.4).
    expect(readFileSync(junit, 'utf8').match(/<testcase /g)).toHaveLength(5);
    expect(Object.keys((JSON.parse(readFileSync(join(good.out, 'manifest.json'), 'utf8')) as { files: object }).files)).toContain('junit.xml');
    expect(good.stepSummary).toContain('## iPgb 2.3 cutover conformance: ✅ passed');
    expect(good.output).not.toContain('::error');
  }, 180_000);

  it('a failing run annotates each failed requirement and lists it in the job summary and junit.xml', async () => {
    const party = await startReferenceParty({ party: faultyParty('ignores-heen-stop').create });
    parties.push(party);
    bad = await githubRun(['--endpoint', party.url, '--role', 'gemeente', '--identity', '0363', '--scenario', SCENARIOS.join(',')]);
    expect(bad.status, bad.output).toBe(1);
    expect(bad.output).toMatch(/^::error title=AFS-1\.2 failed for gemeente 0363::\[timing\]/m);
    expect(bad.stepSummary).toContain('❌ failed');
    expect(bad.stepSummary).toMatch(/\| gemeente 0363 \| AFS-1\.2 \| \[timing\]/);
    expect(readFileSync(join(bad.out, 'junit.xml'), 'utf8')).toMatch(/<failure message="[^"]*AFS-1\.2/);
  }, 180_000);

  it('compare exits 1 on the new failures; --rerun-failed runs only the failed scenarios, and compare then names them fixed', async () => {
    const worse = compare(good.out, bad.out);
    expect(worse.status, worse.output).toBe(1);
    expect(worse.output).toMatch(/new failures: [1-9]/);
    expect(worse.output).toContain('gemeente 0363 · AFS-1.2 · ');

    const failedBefore = scenariosOf(bad.out).filter((id) => readFileSync(join(bad.out, 'records.jsonl'), 'utf8').split('\n').some((l) => l.includes(`"scenarioId":"${id}"`) && l.includes('"verdict":"failed"')));
    expect(failedBefore.length).toBeGreaterThan(0);
    expect(failedBefore.length).toBeLessThan(SCENARIOS.length);
    const rerun = await runConformance(['--role', 'gemeente', '--rerun-failed', bad.out]);
    dirs.push(rerun.out);
    expect(rerun.status, rerun.output).toBe(0);
    expect(scenariosOf(rerun.out)).toEqual(failedBefore);

    const better = compare(bad.out, rerun.out);
    expect(better.status, better.output).toBe(0);
    expect(better.output).toMatch(/new failures: 0\n/);
    expect(better.output).toMatch(/fixed: [1-9]/);
  }, 240_000);
});
