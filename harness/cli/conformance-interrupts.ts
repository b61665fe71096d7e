/**
 * How a conformance run ends when it is not allowed to finish: SIGINT, SIGTERM or SIGHUP, or
 * the process that started it going away (killing only `npm` used to leave the run going as
 * orphans). Either way `onEnd` runs once, synchronously (vitest exits a millisecond after a
 * signal, so nothing asynchronous would get its turn), and the process exits with status 2.
 */
import { readFileSync } from 'node:fs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How often the run looks whether its starters are still there. */
const PARENT_CHECK_MS = 1_000;
/** `npm run` is the usual starter; above it lies the user's shell, which may go (nohup) without ending the run. */
const MAX_ANCESTORS = 6;

export interface InterruptGuard { dispose(): void }

export function guardRun(onEnd: (reason: string) => void): InterruptGuard {
  let ended = false;
  const end = (reason: string): void => {
    if (ended) return;
    ended = true;
    try {
      onEnd(reason);
    } finally {
      process.exit(2);
    }
  };
  const handlers = SIGNALS.map((signal) => {
    const handler = (): void => end(`interrupted by ${signal}`);
    // First in line: vitest's own handler exits right after, with whatever exit code is set by then.
    process.prependListener(signal, handler);
    return [signal, handler] as const;
  });
  const starters = startersOf(process.pid);
  const timer = setInterval(() => {
    const gone = starters.find((s) => parentOf(s.pid) !== s.ppid);
    if (gone) end(`the process that started the run (${gone.comm}, process ${gone.pid}) went away`);
  }, PARENT_CHECK_MS);
  timer.unref();
  return {
    dispose(): void {
      clearInterval(timer);
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}

interface Process { pid: number; ppid: number; comm: string }

/**
 * The chain of processes above this one up to and including `npm` (npm → sh → tsx → node), or
 * only the direct parent when no npm is near. Each must keep its parent: an orphan is adopted by
 * init or a subreaper, which changes its parent id; a dead one has none.
 */
export function startersOf(pid: number): Process[] {
  const chain: Process[] = [];
  let current = stat(pid)?.ppid;
  while (current !== undefined && current > 1 && chain.length < MAX_ANCESTORS) {
    const info = stat(current);
    if (!info) break;
    chain.push({ pid: current, ppid: info.ppid, comm: info.comm });
    if (/^npm( |$)/.test(info.comm)) return chain;
    current = info.ppid;
  }
  return chain.slice(0, 1);
}

function parentOf(pid: number): number | undefined {
  return stat(pid)?.ppid;
}

/** /proc/PID/stat: `pid (comm) state ppid ...`; comm may hold spaces and parentheses. Linux only. */
function stat(pid: number): { ppid: number; comm: string } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const close = text.lastIndexOf(')');
  const ppid = Number(text.slice(close + 2).split(' ')[1]);
  return Number.isInteger(ppid) ? { ppid, comm: text.slice(text.indexOf('(') + 1, close) } : undefined;
}
