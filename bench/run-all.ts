/**
 * `npm run bench`: the three benchmarks of issue 7, one after another (never side by side: they
 * would share the two cores and spoil each other's figures), then one summary table.
 *   1. full default run       bench/full-run.ts        median wall time ≤ 15 s
 *   2. national-scale drain   bench/national-drain.ts  median ≤ 60 s, peak RSS ≤ 1 GiB per process
 *   3. validation throughput  bench/validation.ts      harness / xmllint ≥ 0.6
 *
 * Run: npx tsx bench/run-all.ts [--runs 3] [--events 110000]
 *   --runs N   runs of the full run and of the drain (each drain in its own process); the median counts
 * Each benchmark's own lines pass through; the summary is one JSON line and a table.
 * Exit status 1 when a benchmark failed to run or missed its target.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = fileURLToPath(new URL('..', import.meta.url));

interface Row { bench: string; figure: string; target: string; met: boolean }

/** Runs one bench script in its own node process; its stdout passes through and its JSON lines are kept. */
function runBench(script: string, args: string[]): Promise<{ status: number | null; lines: Array<Record<string, unknown>> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], {
      cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: Array<Record<string, unknown>> = [];
    let rest = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const text = rest + chunk.toString('utf8');
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
    });
    child.once('error', (err) => reject(new Error(`run-all: could not start ${script} (${err.message}). Fix: run from the repository root after npm ci.`)));
    child.once('exit', (status) => resolve({ status, lines }));
  });
}

const find = (lines: Array<Record<string, unknown>>, key: string): Record<string, unknown> | undefined =>
  lines.find((l) => key in l);

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, events: { type: 'string', default: '110000' } } });
  const rows: Row[] = [];
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`run-all: --runs "${values.runs}" must be a positive whole number, e.g. --runs 3.`);

  console.log('== 1/3 full default run');
  const full = await runBench('./full-run.ts', ['--runs', values.runs]);
  const fullSummary = find(full.lines, 'medianSeconds');
  rows.push(fullSummary
    ? { bench: 'full run (median)', figure: `${fullSummary['medianSeconds']} s (${fullSummary['medianCpuSeconds'] ?? '-'} CPU s), exit ${fullSummary['allExitZero'] ? '0' : 'not 0'}`, target: '≤ 15 s', met: fullSummary['targetMet'] === true && fullSummary['allExitZero'] === true }
    : { bench: 'full run (median)', figure: `did not finish (exit ${full.status})`, target: '≤ 15 s', met: false });

  // Each drain in a process of its own, so one run's heap and peak RSS do not carry into the next;
  // the median run is the figure, the spread shows how much a shared 2-core machine varies.
  console.log(`\n== 2/3 national-scale drain, ${runs} run(s)`);
  const drains: Array<Record<string, unknown>> = [];
  for (let run = 1; run <= runs; run += 1) {
    console.log(`-- drain run ${run}/${runs}`);
    const drain = await runBench('./national-drain.ts', ['--events', values.events]);
    const d = find(drain.lines, 'totalSeconds');
    if (!d) {
      rows.push({ bench: 'national drain', figure: `run ${run} did not finish (exit ${drain.status})`, target: '≤ 60 s', met: false });
      break;
    }
    drains.push(d);
  }
  if (drains.length === runs) {
    const seconds = drains.map((d) => Number(d['totalSeconds'])).sort((a, b) => a - b);
    const median = seconds[Math.floor(seconds.length / 2)] as number;
    const medianRun = drains.find((d) => Number(d['totalSeconds']) === median) as Record<string, unknown>;
    const verified = drains.every((d) => d['verified'] === true);
    const spread = seconds.length > 1 ? ` (${seconds.join(', ')})` : '';
    rows.push({ bench: `national drain (${medianRun['events']})`, figure: `${median} s median${spread}${verified ? '' : ', NOT verified'}`, target: '≤ 60 s', met: verified && median <= 60 });
    const rss = (key: string): number => Math.max(...drains.map((d) => Number(d[key])));
    rows.push({ bench: 'drain peak RSS', figure: `bench ${rss('peakRssMiBBench')} MiB, party ${rss('peakRssMiBParty')} MiB`, target: '≤ 1024 MiB each', met: rss('peakRssMiBBench') <= 1024 && rss('peakRssMiBParty') <= 1024 });
  }

  console.log('\n== 3/3 validation throughput');
  const validation = await runBench('./validation.ts', []);
  const ratio = find(validation.lines, 'harnessOverXmllint');
  rows.push(ratio
    ? { bench: 'validation harness/xmllint', figure: String(ratio['harnessOverXmllint']), target: '≥ 0.6', met: Number(ratio['harnessOverXmllint']) >= 0.6 }
    : { bench: 'validation harness/xmllint', figure: validation.status === 0 ? 'no ratio (xmllint missing?)' : `did not finish (exit ${validation.status})`, target: '≥ 0.6', met: false });

  console.log('\n' + JSON.stringify({ bench: 'summary', rows, node: process.version }));
  console.log('');
  console.log(`${'benchmark'.padEnd(28)} ${'figure'.padEnd(36)} ${'target'.padEnd(16)} met`);
  for (const r of rows) console.log(`${r.bench.padEnd(28)} ${r.figure.padEnd(36)} ${r.target.padEnd(16)} ${r.met ? 'yes' : 'NO'}`);
  return rows.every((r) => r.met) ? 0 : 1;
}

process.exitCode = await main();
