/**
 * Issue 5: ten consecutive runs against the reference party give identical verdicts. Runs
 * `npm run conformance` N times (`--runs`, default 10) and compares every scenario's verdict per
 * requirement, and summary.json's verdicts, with the first run. Prints a JSON line and a table;
 * exits 1 when any run differs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;

interface Outcome { status: number; seconds: number; verdicts: string }

function once(i: number): Outcome {
  const out = mkdtempSync(join(tmpdir(), `repeat-${i}-`));
  const started = performance.now();
  const run = spawnSync(process.execPath, ['harness/cli/ipgb-conformance.mjs', '--out', out], { stdio: 'ignore' });
  const seconds = (performance.now() - started) / 1000;
  try {
    const records = readFileSync(join(out, 'records.jsonl'), 'utf8').split('\n').filter(Boolean)
      .map((l) => JSON.parse(l) as { scenarioId: string; role: string; requirements: { id: string; verdict: string }[] })
      .map((r) => `${r.scenarioId}/${r.role}:${r.requirements.map((q) => `${q.id}=${q.verdict}`).join(',')}`)
      .sort();
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { parties: { role: string; requirements: Record<string, { verdict: string }> }[] };
    const verdicts = summary.parties.map((p) => `${p.role}:${Object.entries(p.requirements).map(([id, r]) => `${id}=${r.verdict}`).join(',')}`);
    return { status: run.status ?? -1, seconds, verdicts: JSON.stringify([records, verdicts]) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const outcomes: Outcome[] = [];
for (let i = 0; i < runs; i += 1) {
  outcomes.push(once(i));
  process.stderr.write(`run ${i + 1}/${runs}: exit ${outcomes[i]?.status}, ${outcomes[i]?.seconds.toFixed(1)} s\n`);
}
const first = outcomes[0]?.verdicts;
const identical = outcomes.every((o) => o.verdicts === first && o.status === outcomes[0]?.status);
const result = { bench: 'repeatability', runs, identical, exitStatuses: outcomes.map((o) => o.status), seconds: outcomes.map((o) => Number(o.seconds.toFixed(1))) };
process.stdout.write(`${JSON.stringify(result)}\n\n`);
process.stdout.write(`runs  identical verdicts  exit statuses  wall time per run (s)\n`);
process.stdout.write(`${String(runs).padEnd(6)}${String(identical).padEnd(20)}${[...new Set(result.exitStatuses)].join(',').padEnd(15)}${result.seconds.join(' ')}\n`);
process.exit(identical ? 0 : 1);
