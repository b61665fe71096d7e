/**
 * Test support: runs `npm run conformance`'s entry point as a vendor's CI would, in a child
 * process, and hands back its exit status, its output and the evidence it wrote.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ConformanceRun { status: number; output: string; out: string }

export interface StartedConformance {
  child: ChildProcess;
  out: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  done: Promise<ConformanceRun>;
}

export function runConformance(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ConformanceRun> {
  return startConformance(args, env).done;
}

/**
 * `out`: an existing folder to write to (default a fresh one). `viaShell`: start the entry point
 * as the child of a shell that stays its parent, standing in for `npm run`.
 */
export function startConformance(args: readonly string[], env: NodeJS.ProcessEnv = {}, options: { out?: string; viaShell?: boolean } = {}): StartedConformance {
  const out = options.out ?? mkdtempSync(join(tmpdir(), 'conformance-'));
  // The launcher `npm run conformance` and the package's bin start (harness/cli/ipgb-conformance.mjs).
  const command = [process.execPath, 'harness/cli/ipgb-conformance.mjs', ...args, '--out', out];
  // `sh -c '… ; true'`: the shell stays the entry point's parent, as npm's does.
  const child = options.viaShell
    ? spawn('sh', ['-c', `${command.map(quote).join(' ')}; true`], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command[0] as string, command.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr?.on('data', (c: Buffer) => { output += c.toString(); });
  const done = new Promise<ConformanceRun>((resolve, reject) => {
    child.on('error', reject);
    // 'close', not 'exit': the output is complete only once the pipes are.
    child.on('close', (status) => resolve({ status: status ?? -1, output, out }));
  });
  return { child, out, output: () => output, done };
}

const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;
