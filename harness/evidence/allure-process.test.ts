import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllureRunFailure, startAllureProcess } from './allure-process.js';

function resultsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'allure-process-'));
  const results = join(dir, 'allure-results');
  mkdirSync(results);
  const uuid = '3f0c1a52-5d0e-4a51-9a43-0d2b1b6f7a11';
  writeFileSync(join(results, `${uuid}-result.json`), JSON.stringify({ uuid, name: 'one scenario', fullName: 'one scenario', status: 'passed', stage: 'finished', start: 1, stop: 2, labels: [], steps: [], attachments: [], parameters: [] }));
  return dir;
}

describe('AllureProcess', () => {
  it('runs allure generate with the arguments it is handed, in the folder it is given', async () => {
    const dir = resultsDir();
    const allure = startAllureProcess();
    await allure.run(['generate', join(dir, 'allure-results'), '--output', 'report'], dir, 60_000);
    expect(existsSync(join(dir, 'report'))).toBe(true);
    expect(readdirSync(join(dir, 'report')).length).toBeGreaterThan(0);
  }, 60_000);

  it('says allure failed, with its exit status and error output, when the arguments are wrong', async () => {
    const dir = resultsDir();
    const failure = await startAllureProcess().run(['generate', '--no-such-option'], dir, 60_000).catch((e: unknown) => e);
    expect(isAllureRunFailure(failure)).toBe(true);
    if (!isAllureRunFailure(failure)) return;
    expect(failure.timedOut).toBe(false);
    expect(failure.exitCode).not.toBe(0);
  }, 60_000);

  it('kills a run past its time limit and says it timed out', async () => {
    const dir = resultsDir();
    const failure = await startAllureProcess().run(['generate', join(dir, 'allure-results'), '--output', 'report'], dir, 1).catch((e: unknown) => e);
    expect(isAllureRunFailure(failure) && failure.timedOut).toBe(true);
  }, 60_000);
});
