/**
 * The Allure CLI in a process of its own, started ahead of time: `startAllureProcess()` at the
 * start of a run loads allure's modules beside the run's own start; `run()` at the end hands it
 * the arguments of `allure generate` and waits. Unused, `stop()` ends it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('./allure-process-main.mjs', import.meta.url));
/** What of allure's error output a failure message carries. */
const MAX_STDERR_CHARS = 4_000;

export interface AllureRunFailure {
  /** Killed after the time limit. */
  timedOut: boolean;
  /** The end of allure's error output, bounded. */
  stderr: string;
  exitCode: number | null;
}

export class AllureProcess {
  private readonly child: ChildProcess;
  private stderr = '';
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor() {
    this.child = fork(MAIN, [], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-MAX_STDERR_CHARS);
    });
    this.child.on('error', (error) => {
      this.stderr = `${this.stderr}\n${error.message}`.slice(-MAX_STDERR_CHARS);
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    // Waiting for its arguments, it must not keep a run that ends otherwise alive.
    this.child.unref();
    this.child.channel?.unref();
  }

  /** Runs allure with `args` in `cwd`; rejects with an AllureRunFailure. Once per process. */
  async run(args: readonly string[], cwd: string, limitMs: number): Promise<void> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), limitMs);
    this.child.ref();
    try {
      if (this.child.connected) this.child.send({ args, cwd });
      const { code, signal } = await this.exited;
      if (code !== 0) {
        const failure: AllureRunFailure = { timedOut: signal === 'SIGKILL', stderr: this.stderr.trim(), exitCode: code };
        throw failure;
      }
    } finally {
      clearTimeout(timer);
    }
  }

  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}

export const startAllureProcess = (): AllureProcess => new AllureProcess();

export const isAllureRunFailure = (e: unknown): e is AllureRunFailure =>
  typeof e === 'object' && e !== null && 'timedOut' in e && 'exitCode' in e;
