/**
 * Test support: runs `npm run conformance`'s entry point as a vendor's CI would, in a child
 * process, and hands back its exit status, its output and the evidence it wrote.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ConformanceRun { status: number; output: string; out: string }

export function runConformance(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ConformanceRun> {
  const out = mkdtempSync(join(tmpdir(), 'conformance-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'harness/cli/conformance.ts', ...args, '--out', out], {
      cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
    child.on('error', reject);
    child.on('exit', (status) => resolve({ status: status ?? -1, output, out }));
  });
}
