/**
 * Ledger benchmark: 220,000 entries (a national-scale run) with keepXml false and JSONL
 * streaming to a temp dir. Prints entries/s and the memory (heap and array buffers) and RSS the ledger holds, as one JSON line
 * and a short table. Not a timed test: run with `npx tsx bench/ledger.ts`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { digestBody } from '../harness/ledger/body-hash.js';
import { Ledger } from '../harness/ledger/ledger.js';

const ENTRIES = 220_000;
const FLUSH_EVERY = 10_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** What the ledger holds: the JS heap and the typed arrays its columns sit in (outside the heap). */
const heapMb = () => {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
};
const rssMb = () => process.memoryUsage().rss / 2 ** 20;

/** A body of typical 501 size (~2.5 kB) that differs per message, so every hash is new. */
const filler = '<FunctieBudget><Zorgfunctie>01</Zorgfunctie><FunctieBudgetBedrag>250000</FunctieBudgetBedrag></FunctieBudget>'.repeat(22);
const bodyOf = (i: number) => `<?xml version="1.0" encoding="UTF-8"?><Bericht><Identificatie>G${i}</Identificatie>${filler}</Bericht>`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  try {
    gc();
    const heapBefore = heapMb();
    const rssBefore = rssMb();
    const ledger = new Ledger({ dir, keepXml: false });
    const start = process.hrtime.bigint();
    // Synthetic virtual times one second apart; the ledger stores them as ISO UTC strings.
    const t0 = DateTime.fromISO('2026-04-01T07:00:00.000Z', { zone: 'utc' });
    for (let i = 0; i < ENTRIES; i++) {
      const body = bodyOf(i);
      const accepted = i % 10 !== 0;
      ledger.append({
        at: t0.plus({ seconds: i }).toISO() ?? '', kind: 'submission', origin: i % 2 ? 'put' : 'counterparty',
        switch: 'GGk', name: 'WMO501', release: '2.3', sender: String(300 + (i % 50)).padStart(4, '0'), addressee: 'SVB',
        identificatie: `G${i}`, identificatieRetour: null, dagtekening: '2026-04-01', xsdValid: true, errors: [],
        status: accepted ? 202 : 503, code: accepted ? null : 'IB103', ontvangstId: accepted ? `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` : null,
        attempts: 1, ...digestBody(body),
      }, body);
      if ((i + 1) % FLUSH_EVERY === 0) await ledger.flush();
    }
    await ledger.close();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    gc();
    const result = {
      bench: 'ledger', entries: ledger.size, seconds: +seconds.toFixed(2), entriesPerSecond: Math.round(ledger.size / seconds),
      heapMbHeld: +(heapMb() - heapBefore).toFixed(1), heapBytesPerEntry: Math.round(((heapMb() - heapBefore) * 2 ** 20) / ledger.size),
      rssMb: +rssMb().toFixed(1), rssGrowthMb: +(rssMb() - rssBefore).toFixed(1),
      entriesJsonlMb: +(statSync(join(dir, 'entries.jsonl')).size / 2 ** 20).toFixed(1),
      messagesJsonlMb: +(statSync(join(dir, 'messages.jsonl')).size / 2 ** 20).toFixed(1),
      node: process.version,
    };
    console.log(JSON.stringify(result));
    console.table({
      'entries': result.entries, 'entries/s': result.entriesPerSecond, 'heap held (MB)': result.heapMbHeld,
      'heap per entry (B)': result.heapBytesPerEntry, 'RSS (MB)': result.rssMb,
      'entries.jsonl (MB)': result.entriesJsonlMb, 'messages.jsonl (MB)': result.messagesJsonlMb,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
