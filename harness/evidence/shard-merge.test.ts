/**
 * CI shards of one party (vitest --shard, one --out per shard) merged by `npm run dossier`: a
 * shard sees only some scenarios, so its summary calls the others' requirements not applicable;
 * the merge must judge from all shards' records together, as one party.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finishRun } from './finish-run.js';
import { verifyManifest } from './manifest.js';
import { mergeRuns } from './merge-runs.js';
import { outFiles } from './out-layout.js';
import type { ScenarioRecord } from './scenario-record.js';
import { ENV, found, outcome, rec } from '../../fixtures/evidence/test-records.js';

const root = mkdtempSync(join(tmpdir(), 'shard-merge-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const gemeente = { ...ENV, parties: [ENV.parties[0]!] };

/** One shard's out dir as `npm run conformance` leaves it: records, results, summary and the rest. */
async function shard(name: string, records: ScenarioRecord[]): Promise<string> {
  const out = join(root, name);
  mkdirSync(outFiles(out).results, { recursive: true });
  writeFileSync(outFiles(out).records, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  await finishRun(out, gemeente, records);
  return out;
}

describe('merging the shards of one party', () => {
  it('judges every requirement from all shards together, as one party', async () => {
    const one = await shard('shard-1', [
      rec('heenstop', 'gemeente', '0363', [outcome('AFS-1.1', 'passed'), outcome('ING-3.1', 'passed')]),
    ]);
    const two = await shard('shard-2', [
      rec('retourstop', 'gemeente', '0363', [outcome('AFS-1.1', 'failed', [found('AFS-1.1', 'lost', 'Retour WMO502 on G0363000017 processed by T1', 'not processed', ['G0363000017'])])]),
      rec('gesloten-keten', 'gemeente', '0363', [outcome('TRA-2.1', 'passed')]),
    ]);
    const merged = await mergeRuns(join(root, 'merged'), [one, two]);

    expect(merged.parties).toHaveLength(1);
    const requirements = merged.parties[0]!.requirements;
    // Not applicable in shard 1 only because shard 2 ran its scenario.
    expect(requirements['TRA-2.1']).toMatchObject({ verdict: 'passed', tests: 1 });
    // A failure in any shard fails the requirement, whatever the other shards say.
    expect(requirements['AFS-1.1']).toMatchObject({ verdict: 'failed', tests: 2 });
    expect(requirements['AFS-1.1']!.failures).toEqual(['[lost] expected Retour WMO502 on G0363000017 processed by T1; not processed [G0363000017]']);
    expect(requirements['ING-3.1']).toMatchObject({ verdict: 'passed', tests: 1 });
    expect(merged.totals.failed).toBe(1);
    expect(verifyManifest(join(root, 'merged'))).toEqual([]);
  }, 120_000);
});
