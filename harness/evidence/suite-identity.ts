/**
 * Which suite judged a run (`summary.suite`, run-summary.md): its version, the git commit it ran
 * from, and whether the working tree differed from that commit in a file that can change a
 * verdict. Evidence of a modified suite is not evidence (cutover.md, "Preconditions"). Outside a
 * git checkout of the suite itself (an npm-installed copy, a tarball) neither can be known:
 * commit and modified are then null, never guessed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SuiteIdentity {
  version: string;
  /** Full commit hash of HEAD; null when the suite is not a git checkout. */
  commit: string | null;
  /** A file that matters to verdicts differs from the commit (changed, staged, untracked); null when unknown. */
  modified: boolean | null;
}

/** The suite's own root: two folders above harness/evidence. */
export const suiteRoot = (): string => resolve(fileURLToPath(import.meta.url), '..', '..', '..');

/** What the suite runs and judges with; the dependencies pinned in the lock file; the configs. */
const VERDICT_DIRS = /^(harness|suites|schemas|fixtures)\//;
const VERDICT_FILES = new Set(['package.json', 'package-lock.json', 'vitest.config.ts', 'tsconfig.json', '.npmrc']);

/**
 * A change here can alter a verdict. Prose, benchmarks, CI scripts, the suite's own unit tests
 * and out folders (`--out out/1` inside the clone) cannot.
 */
export function mattersToVerdicts(path: string): boolean {
  if (/\.md$/.test(path) || /\.test\.ts$/.test(path)) return false;
  return VERDICT_DIRS.test(path) || VERDICT_FILES.has(path);
}

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
}

/** Paths `git status --porcelain -z` lists: both sides of a rename count. */
function changedPaths(porcelain: string): string[] {
  const fields = porcelain.split('\0').filter((f) => f !== '');
  const paths: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    paths.push(field.slice(3));
    if (field[0] === 'R' || field[0] === 'C') paths.push(fields[++i] ?? '');
  }
  return paths;
}

export function suiteIdentity(root: string = suiteRoot()): SuiteIdentity {
  const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
  try {
    // A copy installed inside some other repository must not report that repository's commit.
    if (realpathSync(git(root, ['rev-parse', '--show-toplevel']).trim()) !== realpathSync(root)) return { version, commit: null, modified: null };
    const commit = git(root, ['rev-parse', 'HEAD']).trim();
    const status = git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all']);
    return { version, commit, modified: changedPaths(status).some(mattersToVerdicts) };
  } catch {
    return { version, commit: null, modified: null };
  }
}

/** The commit for people: `c0b75da98a79 (unmodified)`, `... (modified: not evidence)`, or unknown and why. */
export function suiteCommitText(suite: SuiteIdentity): string {
  if (suite.commit === null) return 'unknown (not a git checkout of the suite)';
  const state = suite.modified === null ? 'modification unknown' : suite.modified ? 'modified: not evidence' : 'unmodified';
  return `${suite.commit.slice(0, 12)} (${state})`;
}
