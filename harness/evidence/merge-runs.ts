/**
 * Several runs into one evidence set: different parties, or CI shards of one party (records of
 * the same role and identity are merged into one party). Runs judged against different suite
 * versions, calendars or schema sets are refused: one summary.json can only state one of each.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { finishRun, readRunRecords } from './finish-run.js';
import { outFiles } from './out-layout.js';
import { partyKey, readSummary, type PartyRun, type Summary } from './summary.js';

/** Files generateReport writes itself from the merged summary: a copy from one run would be stale. */
const REGENERATED = new Set(['categories.json', 'environment.properties']);

function sameOrRefuse(dirs: readonly string[], summaries: readonly Summary[], what: string, pick: (s: Summary) => unknown): void {
  const first = JSON.stringify(pick(summaries[0]!));
  const other = summaries.findIndex((s) => JSON.stringify(pick(s)) !== first);
  if (other >= 0) {
    throw new Error(
      `Cannot merge ${dirs[0]} and ${dirs[other]}: they differ in ${what}. ` +
        'Merge only runs of the same suite version, calendar and schema set; make a separate dossier for the others.',
    );
  }
}

export async function mergeRuns(out: string, dirs: readonly string[]): Promise<Summary> {
  if (dirs.length === 0) throw new Error('Nothing to merge: give at least one result directory (the --out of a run).');
  if (dirs.some((d) => resolve(d) === resolve(out))) {
    throw new Error(`Cannot merge into ${out}: it is also an input. Choose a new, empty output directory.`);
  }
  const summaries = dirs.map(readSummary);
  sameOrRefuse(dirs, summaries, 'suite version', (s) => s.suiteVersion);
  sameOrRefuse(dirs, summaries, 'calendar', (s) => s.calendar);
  sameOrRefuse(dirs, summaries, 'schema set', (s) => s.schemas.sha256);

  const parties = new Map<string, PartyRun>();
  for (const s of summaries) for (const { requirements: _r, ...run } of s.parties) if (!parties.has(partyKey(run))) parties.set(partyKey(run), run);

  const results = outFiles(out).results;
  mkdirSync(results, { recursive: true });
  for (const dir of dirs) {
    const from = outFiles(dir).results;
    if (!existsSync(from)) continue;
    for (const name of readdirSync(from)) if (!REGENERATED.has(name)) cpSync(join(from, name), join(results, name), { recursive: true });
  }
  const records = dirs.flatMap(readRunRecords);
  writeFileSync(outFiles(out).records, records.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8');

  const first = summaries[0]!;
  const startedAt = summaries.map((s) => s.startedAt).sort((a, b) => Date.parse(a) - Date.parse(b))[0]!;
  const operators = [...new Set(summaries.flatMap((s) => (s.operator ? [s.operator] : [])))];
  return finishRun(out, {
    suiteVersion: first.suiteVersion, startedAt, calendar: first.calendar, schemas: first.schemas, parties: [...parties.values()],
    ...(operators.length ? { operator: operators.join('; ') } : {}),
  }, records);
}
