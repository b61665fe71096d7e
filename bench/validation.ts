/**
 * Validation throughput: how many typical 2.3 WMO501 messages per second each XSD engine parses
 * and validates, the whole per-message pipeline on the default engine, and, when xmllint is
 * installed, xmllint validating many copies in one process as a native reference.
 *
 * Run: npx tsx bench/validation.ts [seconds-per-engine]
 * Prints one JSON line per measurement, then a table. Not a test: figures depend on the machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createValidator,
  libxmljs2Status,
  loadSchemaSet,
  validateMessage,
} from '../harness/validation/index.js';
import type { XsdEngineName } from '../harness/validation/index.js';

/** The default engine must keep up with a switch's peak load on a small CI runner. */
const TARGET_PER_SECOND = 7_000;
const SECONDS = Number(process.argv[2] ?? 3);
const WARM_UP_SECONDS = 0.5;
const XMLLINT_COPIES = 2_000;

const MESSAGE = readFileSync(new URL('../fixtures/messages/valid/2.3/WMO501.xml', import.meta.url), 'utf8');

interface Measurement {
  bench: string;
  engine: string;
  messages: number;
  seconds: number;
  perSecond: number;
}

/** Runs `work` for about `seconds` of wall-clock time; the wall clock only times the run. */
function rate(bench: string, engine: string, seconds: number, work: () => void): Measurement {
  const until = performance.now() + WARM_UP_SECONDS * 1000;
  while (performance.now() < until) work();
  let messages = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    // Batches keep the clock reads out of the measured cost.
    for (let i = 0; i < 50; i++) work();
    messages += 50;
  }
  const elapsed = (performance.now() - started) / 1000;
  return { bench, engine, messages, seconds: round(elapsed, 3), perSecond: Math.round(messages / elapsed) };
}

async function engineRates(engine: XsdEngineName): Promise<Measurement[]> {
  const validator = await createValidator({ engine });
  try {
    const check = validator.validate(MESSAGE, 'WMO501', '2.3');
    if (!check.valid) {
      throw new Error(`Cannot benchmark ${engine}: the golden 2.3 WMO501 is invalid (${check.errors[0]?.message}). Fix the fixture or the schemas first.`);
    }
    const results = [rate('parse+validate', engine, SECONDS, () => validator.validate(MESSAGE, 'WMO501', '2.3'))];
    if (engine === 'libxml2-wasm') {
      const body = Buffer.from(MESSAGE);
      results.push(rate('pipeline', engine, SECONDS, () => validateMessage(body, validator)));
    }
    return results;
  } finally {
    validator.dispose();
  }
}

function xmllintRate(): Measurement | { bench: 'xmllint'; skipped: string } {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return { bench: 'xmllint', skipped: 'xmllint not installed (Debian: apt-get install libxml2-utils)' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ipgb-bench-'));
  try {
    const files = Array.from({ length: XMLLINT_COPIES }, (_, i) => {
      const path = join(dir, `m${i}.xml`);
      writeFileSync(path, MESSAGE);
      return path;
    });
    const schema = loadSchemaSet().pathOf('WMO501', '2.3');
    const started = performance.now();
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const elapsed = (performance.now() - started) / 1000;
    const validated = (run.stderr.match(/ validates$/gm) ?? []).length;
    if (run.status !== 0 || validated !== XMLLINT_COPIES) {
      throw new Error(
        `xmllint validated ${validated} of ${XMLLINT_COPIES} copies (exit ${run.status}): ${run.stderr.split('\n').slice(-3).join(' ')}. ` +
          'Check the bundled schema with: xmllint --noout --schema schemas/2.3/wmo501.xsd fixtures/messages/valid/2.3/WMO501.xml',
      );
    }
    return { bench: 'parse+validate', engine: 'xmllint (one call)', messages: validated, seconds: round(elapsed, 3), perSecond: Math.round(validated / elapsed) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (n: number, digits: number): number => Number(n.toFixed(digits));

async function main(): Promise<void> {
  const measurements: Measurement[] = [];
  const lx = libxmljs2Status();
  for (const engine of ['libxml2-wasm', 'libxmljs2'] as const) {
    if (engine === 'libxmljs2' && !lx.available) {
      console.log(JSON.stringify({ bench: 'parse+validate', engine, skipped: lx.reason }));
      continue;
    }
    for (const m of await engineRates(engine)) {
      console.log(JSON.stringify(m));
      measurements.push(m);
    }
  }
  const lint = xmllintRate();
  console.log(JSON.stringify(lint));
  const harness = measurements.find((m) => m.engine === 'libxml2-wasm' && m.bench === 'parse+validate');
  if ('perSecond' in lint) {
    measurements.push(lint);
    if (harness) console.log(JSON.stringify({ bench: 'ratio', harnessOverXmllint: round(harness.perSecond / lint.perSecond, 2) }));
  }

  console.log('');
  console.log('bench            engine                msg/s');
  for (const m of measurements) console.log(`${m.bench.padEnd(16)} ${m.engine.padEnd(20)} ${String(m.perSecond).padStart(7)}`);
  if (!('perSecond' in lint)) console.log(lint.skipped);
  else if (harness) console.log(`harness/xmllint ratio: ${round(harness.perSecond / lint.perSecond, 2)}`);
  if (harness) {
    console.log(`target ${TARGET_PER_SECOND} msg/s for libxml2-wasm: ${harness.perSecond >= TARGET_PER_SECOND ? 'met' : 'NOT met'}`);
  }
}

await main();
