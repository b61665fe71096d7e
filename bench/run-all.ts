/**
 * `npm run bench`: the benchmarks of issues 7 and 15, one after another (never side by side: they
 * would share the two cores and spoil each other's figures), then one summary table.
 *   1. full default run       bench/full-run.ts        median wall time ≤ 15 s
 *   2. national-scale drain   bench/national-drain.ts  median ≤ 60 s, peak RSS ≤ 1 GiB per process
 *   3. the doubled drain      bench/national-drain.ts  twice the events, without a heap cap: wall time
 *                                                      ≤ 2.1 × the median of 2 and peak RSS ≤ 768 MiB,
 *                                                      one line, both from that one run
 *   4. validation throughput  bench/validation.ts      harness / xmllint ≥ 0.6
 *
 * Run: npx tsx bench/run-all.ts [--runs 3] [--events 110000] [--without-double-drain]
 *   --runs N   runs of the full run and of the drain (each drain in its own process); the median counts
 *   --without-double-drain  leave out 3 (one drain of 220,000: some 8 minutes on a quiet machine)
 *   --events N  the drain of step 2 (default 110,000; step 3 drains twice N); e.g. --runs 1 --events 2000
 *               tries every step in a few minutes
 * Each benchmark's own lines pass through; the summary is one JSON line and a table.
 * Exit status 1 when a benchmark failed to run or missed its target.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = fileURLToPath(new URL('..', import.meta.url));

interface Row { bench: string; figure: string; target: string; met: boolean }

/** Runs one bench script in its own node process; its stdout passes through and its JSON lines are kept. */
function runBench(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; lines: Array<Record<string, unknown>> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], {
      cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env },
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

/** Issue 15: twice the national backlog, in at most 2.1 times the time, within 768 MiB uncapped. */
const DOUBLE_RATIO = 2.1;
const DOUBLE_RSS_MIB = 768;

/**
 * One drain of twice the events, in a process without the heap cap the ordinary drain runs under
 * (IPGB_DRAIN_HEAP_CAPPED set), so its peak RSS is what V8 takes when left alone. Its time is held
 * against the median drain of step 2.
 */
async function doubleDrain(events: number, drains: ReadonlyArray<Record<string, unknown>>): Promise<Row[]> {
  const double = 2 * events;
  console.log(`\n== 3/4 the doubled drain, ${double} events, no heap cap`);
  const run = await runBench('./national-drain.ts', ['--events', String(double)], { IPGB_DRAIN_HEAP_CAPPED: '1' });
  const d = find(run.lines, 'totalSeconds');
  if (!d) return [{ bench: `drain of ${double}`, figure: `did not finish (exit ${run.status})`, target: `≤ ${DOUBLE_RATIO} × ${events}, bench ≤ ${DOUBLE_RSS_MIB} MiB`, met: false }];
  const seconds = drains.map((x) => Number(x['totalSeconds'])).sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)];
  const wall = Number(d['totalSeconds']);
  const ratio = median === undefined ? undefined : wall / median;
  const rss = Number(d['peakRssMiBBench']);
  const verified = d['verified'] === true;
  const ratioMet = ratio !== undefined && ratio <= DOUBLE_RATIO;
  const rssMet = rss <= DOUBLE_RSS_MIB;
  // One line: both targets are judged on the same run of the doubled backlog.
  return [{
    bench: `drain of ${double}`,
    figure: `${wall} s${ratio === undefined ? ' (no drain of step 2 to compare)' : `, ×${ratio.toFixed(2)} the median`}; peak RSS bench ${rss} MiB (no heap cap), party ${d['peakRssMiBParty']} MiB${verified ? '' : '; NOT verified'}`,
    target: `≤ ${DOUBLE_RATIO} × ${events}, bench ≤ ${DOUBLE_RSS_MIB} MiB`, met: verified && ratioMet && rssMet,
  }];
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, events: { type: 'string', default: '110000' }, 'without-double-drain': { type: 'boolean', default: false } },
  });
  const rows: Row[] = [];
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`run-all: --runs "${values.runs}" must be a positive whole number, e.g. --runs 3.`);

  const steps = values['without-double-drain'] ? 3 : 4;
  console.log(`== 1/${steps} full default run`);
  const full = await runBench('./full-run.ts', ['--runs', values.runs]);
  const fullSummary = find(full.lines, 'medianSeconds');
  rows.push(fullSummary
    ? { bench: 'full run (median)', figure: `${fullSummary['medianSeconds']} s (${fullSummary['medianCpuSeconds'] ?? '-'} CPU s), exit ${fullSummary['allExitZero'] ? '0' : 'not 0'}`, target: '≤ 15 s', met: fullSummary['targetMet'] === true && fullSummary['allExitZero'] === true }
    : { bench: 'full run (median)', figure: `did not finish (exit ${full.status})`, target: '≤ 15 s', met: false });

  // Each drain in a process of its own, so one run's heap and peak RSS do not carry into the next;
  // the median run is the figure, the spread shows how much a shared 2-core machine varies.
  console.log(`\n== 2/${steps} national-scale drain, ${runs} run(s)`);
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

  if (!values['without-double-drain']) rows.push(...await doubleDrain(Number(values.events), drains.length === runs ? drains : []));

  console.log(`\n== ${steps}/${steps} validation throughput`);
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
