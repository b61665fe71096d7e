/**
 * What a reader of the report needs to trust it: which suite, which schemas, which calendar,
 * which party build. Allure 3 reads `environment.properties` from the results directory.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suiteCommitText } from './suite-identity.js';
import type { Summary } from './summary.js';
import { signatureText } from './attestation.js';

export type EnvironmentEntries = Array<[key: string, value: string]>;

/** The commit the suite ran from, `-dirty` when the tree had local changes; `unknown` outside git. */
export function gitCommit(cwd: string): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? `${commit}-dirty` : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

const short = (sha: string): string => sha.slice(0, 12);

/**
 * `commit` is the report machine's own, used only for a summary written before `suite` existed:
 * a merged report names the commit that judged the runs, not the one that merged them.
 */
export function reportEnvironment(summary: Summary, commit: string, nodeVersion: string): EnvironmentEntries {
  const entries: EnvironmentEntries = [
    ['Suite version', summary.suiteVersion],
    ['Suite commit', summary.suite ? suiteCommitText(summary.suite) : commit],
    ['Signature', signatureText(summary)],
    ['Node', nodeVersion],
    ['Run started', summary.startedAt],
    // A live rehearsal ran on the wall clock: the calendar below holds its real T0, T1, T2.
    ...(summary.mode === 'live' ? [['Mode', 'live rehearsal (wall clock, no /clock)'] as [string, string]] : []),
    ...(summary.calendar.name ? [['Calendar', `${summary.calendar.name}${summary.calendar.national === false ? ' (NOT the national calendar)' : ''}`] as [string, string]] : []),
    ['Calendar T0 heen stop', summary.calendar.heenStop],
    ['Calendar T1 retour stop', summary.calendar.retourStop],
    ['Calendar T2 go-live', summary.calendar.goLive],
    ['Schema set', summary.schemas.source],
    ['Migration profile', summary.profile ? `${summary.profile.name} (${summary.profile.from} -> ${summary.profile.to}), sha256 ${short(summary.profile.sha256)}` : 'not recorded'],
  ];
  for (const [file, sha] of Object.entries(summary.schemas.sha256).sort(([a], [b]) => a.localeCompare(b))) {
    entries.push([`Schema ${file}`, short(sha)]);
  }
  for (const p of summary.parties) {
    const build = p.digest ? `${p.image ?? 'image'}@${p.digest}` : p.image ?? p.endpoint;
    entries.push([`Party ${p.role} ${p.identity}`, build]);
  }
  return entries;
}

/** Java properties: `:`/`=`/spaces in keys and backslashes escaped, non-ASCII as \uXXXX. */
function escapeProperty(text: string, isKey: boolean): string {
  let escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  if (isKey) escaped = escaped.replace(/([ :=#!])/g, '\\$1');
  return escaped.replace(/[^\x20-\x7e\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function writeEnvironmentProperties(resultsDir: string, entries: EnvironmentEntries): void {
  const text = entries.map(([k, v]) => `${escapeProperty(k, true)}=${escapeProperty(v, false)}`).join('\n');
  writeFileSync(join(resultsDir, 'environment.properties'), `${text}\n`, 'utf8');
}
