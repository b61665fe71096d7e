/**
 * `--scenario ID,...` and `--rerun-failed DIR`: which scenarios run, by their stable ids, and the
 * suite files that hold them (so vitest loads only those). The ids are read from the suites'
 * source text, not imported: the harness never imports the suites.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readRecords } from '../evidence/records-file.js';
import type { ScenarioRecord } from '../evidence/scenario-record.js';

/** Every `scenario({ id: '...' ` of suites/, with the file (relative to root) that declares it. */
export function scenarioCatalog(root: string): Map<string, string> {
  const catalog = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/scenario\(\{\s*id:\s*'([^']+)'/g)) catalog.set(m[1] as string, relative(root, path));
      }
    }
  };
  walk(join(root, 'suites'));
  return catalog;
}

/** A scenario failed when any requirement of any of its records failed or could not be judged. */
export const scenarioFailed = (record: ScenarioRecord): boolean =>
  record.broken !== undefined || record.requirements.some((r) => r.verdict === 'failed' || r.verdict === 'broken');

/** The ids of the failed scenarios in an earlier run's records.jsonl (an earlier suite's too: verdicts suffice), in the order they ran. */
export function failedScenarios(outDir: string): string[] {
  return [...new Set(readRecords(join(outDir, 'records.jsonl'), { verdictsOfFormat1: true }).filter(scenarioFailed).map((r) => r.scenarioId))];
}

export interface Selection { ids: string[]; files: string[] }

/** The chosen ids and their files, or one line naming the unknown ids. */
export function selectScenarios(ids: readonly string[], root: string): Selection | { error: string } {
  const catalog = scenarioCatalog(root);
  const unknown = ids.filter((id) => !catalog.has(id));
  if (unknown.length) {
    return { error: `--scenario names unknown scenario id ${unknown.join(', ')}. Fix: use ids as listed in records.jsonl and the report, e.g. ${[...catalog.keys()].slice(0, 3).join(', ')}.` };
  }
  return { ids: [...ids], files: [...new Set(ids.map((id) => catalog.get(id) as string))] };
}
