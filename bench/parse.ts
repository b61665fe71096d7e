/**
 * Reader throughput: how long `parseXml` takes for each golden message of both releases, beside
 * the reference party's fast-xml-parser reader (`fixtures/parties/reference/read-bericht.ts`) on
 * the same text. Every message the suite handles is read several times (switch, counterparty,
 * judge), so at national scale the suite's reader must stay far below the XSD validation's cost
 * per message; the second column is why the suite keeps its own reader on that path.
 *
 * Run: npx tsx bench/parse.ts [seconds-per-file]
 * Prints one JSON line with every figure, then a table. Not a test: figures depend on the machine.
 */
import { readFileSync } from 'node:fs';
import { readBericht } from '../fixtures/parties/reference/read-bericht.js';
import { messageNames, parseXml, releases } from '../harness/messages/index.js';

/** 220,000 messages read about three times each in 60 s on 2 cores leaves roughly 40 µs a read. */
const TARGET_MICROSECONDS = 40;
const SECONDS = Number(process.argv[2] ?? 0.5);
const WARM_UP_SECONDS = 0.2;
const BATCH = 100;

interface FileFigure {
  file: string;
  bytes: number;
  microsecondsPerMessage: number;
  /** Process CPU time per message: steadier than wall time when other work shares the cores. */
  cpuMicrosecondsPerMessage: number;
  perSecond: number;
  /** The same text read by fast-xml-parser into the same model (the reference party's reader). */
  fastXmlParserMicrosecondsPerMessage: number;
  fastXmlParserCpuMicrosecondsPerMessage: number;
}

/**
 * Runs `work` for about `seconds` of wall-clock time (the wall clock only times the run) and
 * returns wall and CPU microseconds per run.
 */
function microsecondsPer(seconds: number, work: () => void): { wall: number; cpu: number } {
  const warmUntil = performance.now() + WARM_UP_SECONDS * 1000;
  while (performance.now() < warmUntil) work();
  let runs = 0;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    // Batches keep the clock reads out of the measured cost.
    for (let i = 0; i < BATCH; i++) work();
    runs += BATCH;
  }
  const wall = ((performance.now() - started) * 1000) / runs;
  const cpu = process.cpuUsage(cpuStarted);
  return { wall, cpu: (cpu.user + cpu.system) / runs };
}

const round = (n: number, digits: number): number => Number(n.toFixed(digits));

function main(): void {
  const figures: FileFigure[] = [];
  for (const release of releases()) {
    for (const name of messageNames()) {
      const file = `${release}/${name}.xml`;
      const xml = readFileSync(new URL(`../fixtures/messages/valid/${file}`, import.meta.url), 'utf8');
      const { wall, cpu } = microsecondsPer(SECONDS, () => parseXml(xml));
      const fxp = microsecondsPer(SECONDS, () => readBericht(xml));
      figures.push({
        file, bytes: Buffer.byteLength(xml), microsecondsPerMessage: round(wall, 2),
        cpuMicrosecondsPerMessage: round(cpu, 2), perSecond: Math.round(1e6 / wall),
        fastXmlParserMicrosecondsPerMessage: round(fxp.wall, 2), fastXmlParserCpuMicrosecondsPerMessage: round(fxp.cpu, 2),
      });
    }
  }
  const average = figures.reduce((sum, f) => sum + f.microsecondsPerMessage, 0) / figures.length;
  const averageCpu = figures.reduce((sum, f) => sum + f.cpuMicrosecondsPerMessage, 0) / figures.length;
  const averageFxp = figures.reduce((sum, f) => sum + f.fastXmlParserMicrosecondsPerMessage, 0) / figures.length;
  const averageFxpCpu = figures.reduce((sum, f) => sum + f.fastXmlParserCpuMicrosecondsPerMessage, 0) / figures.length;
  const summary = {
    bench: 'parseXml', node: process.version, secondsPerFile: SECONDS,
    averageMicroseconds: round(average, 2), averageCpuMicroseconds: round(averageCpu, 2),
    averagePerSecond: Math.round(1e6 / average),
    fastXmlParserAverageMicroseconds: round(averageFxp, 2), fastXmlParserAverageCpuMicroseconds: round(averageFxpCpu, 2),
    fastXmlParserCpuRatio: round(averageFxpCpu / averageCpu, 1),
    targetMicroseconds: TARGET_MICROSECONDS, files: figures,
  };
  console.log(JSON.stringify(summary));

  console.log('');
  console.log('                                   suite reader              fast-xml-parser reader');
  console.log('file                 bytes   µs/msg  cpu µs/msg     msg/s     µs/msg  cpu µs/msg');
  for (const f of figures) {
    console.log(`${f.file.padEnd(18)} ${String(f.bytes).padStart(7)} ${f.microsecondsPerMessage.toFixed(2).padStart(8)} ${f.cpuMicrosecondsPerMessage.toFixed(2).padStart(11)} ${String(f.perSecond).padStart(9)} ${f.fastXmlParserMicrosecondsPerMessage.toFixed(2).padStart(10)} ${f.fastXmlParserCpuMicrosecondsPerMessage.toFixed(2).padStart(11)}`);
  }
  console.log(`${'average'.padEnd(26)} ${average.toFixed(2).padStart(8)} ${averageCpu.toFixed(2).padStart(11)} ${String(summary.averagePerSecond).padStart(9)} ${averageFxp.toFixed(2).padStart(10)} ${averageFxpCpu.toFixed(2).padStart(11)}`);
  console.log(`CPU per message: suite reader ${averageCpu.toFixed(1)} µs, fast-xml-parser reader ${averageFxpCpu.toFixed(1)} µs (${summary.fastXmlParserCpuRatio}× the suite's)`);
  console.log(`target ≤ ${TARGET_MICROSECONDS} µs/msg: ${average <= TARGET_MICROSECONDS ? 'met' : 'NOT met'}`);
}

main();
