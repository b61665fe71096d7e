import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VirtualClock } from '../clock/virtual-clock.js';
import { Ledger } from '../ledger/ledger.js';
import { Deliverer } from './delivery.js';
import type { LedgerDraft } from '../ledger/ledger-entry.js';
import { heldFrom } from '../ledger/queries.js';
import { loadCalendar } from '../../fixtures/calendars/calendars.js';

const cal = loadCalendar('ipgb-2026');
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => { s.closeAllConnections(); s.close(r); })));
});

/** A fake party answering each attempt from a script; 'hang' never answers. `onAttempt` runs as each arrives. */
async function party(script: Array<number | 'hang'>, onAttempt?: () => void): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    const step = script[Math.min(hits, script.length - 1)];
    hits += 1;
    onAttempt?.();
    req.resume();
    req.on('end', () => {
      if (req.url !== '/berichten' || step === 'hang') return;
      res.writeHead(step ?? 500, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

function deliverer(timeoutMs = 2000) {
  const ledger = new Ledger();
  const clock = new VirtualClock(cal.goLive, cal.zone);
  return { ledger, d: new Deliverer({ ledger, clock, timeoutMs, retryDelayMs: 1 }) };
}
/** A ledger line of the party's own, made while it handles a delivery. */
const SUBMISSION: LedgerDraft = {
  at: cal.goLive.toUTC().toISO() ?? '', kind: 'submission', origin: 'put', switch: 'GGk', name: 'WMO501', release: '2.3', sender: '0363',
  addressee: 'SVB', identificatie: 'G2', identificatieRetour: null, dagtekening: null, xsdValid: true, errors: [], status: 202,
  code: null, ontvangstId: null, attempts: 1, xmlHash: '', bytes: 0,
};
const meta = { name: 'WMO502', release: '2.0.2', identificatie: 'G1', identificatieRetour: 'R1', sender: 'SVB', addressee: '0363' } as const;

describe('Deliverer', () => {
  it('delivers at the first 202 and records one entry', async () => {
    const p = await party([202]);
    const { ledger, d } = deliverer();
    const result = await d.deliver(p.url, '<x/>', meta);
    expect(result).toEqual({ status: 202, attempts: 1, delivered: true, entry: ledger.entries()[0] });
    expect(ledger.entries()).toMatchObject([{ kind: 'delivery', origin: 'suite', switch: 'GGk', status: 202, attempts: 1, addressee: '0363', at: cal.goLive.toUTC().toISO() }]);
    d.close();
  });

  it('retries a 5xx and succeeds on a later attempt', async () => {
    const p = await party([503, 500, 202]);
    const { ledger, d } = deliverer();
    expect(await d.deliver(p.url, '<x/>', meta)).toMatchObject({ status: 202, attempts: 3, delivered: true });
    expect(ledger.entries()[0]?.errors).toEqual(['attempt 1: answered 503', 'attempt 2: answered 500']);
    d.close();
  });

  it('records after which ledger line its last attempt went out: what the party submits inside it, it submits holding the body', async () => {
    const { ledger, d } = deliverer();
    // The party submits something while it handles each attempt, as a party answering inside the request does.
    const p = await party([503, 202], () => ledger.append(SUBMISSION));
    const { entry } = await d.deliver(p.url, '<x/>', meta);
    expect(ledger.entries().map((e) => [e.seq, e.kind])).toEqual([[1, 'submission'], [2, 'submission'], [3, 'delivery']]);
    // Sent after line 1: the submission of the first (failed) attempt came before the party held it.
    expect(entry).toMatchObject({ attempts: 2, sentAfter: 1 });
    expect(heldFrom(entry)).toBe(2);
    d.close();
  });

  it('gives up after 3 retries on a party that keeps failing, and records the failure', async () => {
    const p = await party([500]);
    const { ledger, d } = deliverer();
    expect(await d.deliver(p.url, '<x/>', meta)).toMatchObject({ status: 500, attempts: 4, delivered: false });
    expect(p.hits()).toBe(4);
    expect(ledger.entries()).toHaveLength(1);
    d.close();
  });

  it('treats a 4xx as final', async () => {
    const p = await party([400, 202]);
    const { ledger, d } = deliverer();
    expect(await d.deliver(p.url, '<x/>', meta)).toMatchObject({ status: 400, attempts: 1, delivered: false });
    expect(ledger.entries()[0]).toMatchObject({ status: 400, attempts: 1, errors: ['refused with 400'] });
    d.close();
  });

  it('retries a party that does not answer within the timeout, and a closed port', async () => {
    const p = await party(['hang', 'hang', 202]);
    const { ledger, d } = deliverer(150);
    expect(await d.deliver(p.url, '<x/>', meta)).toMatchObject({ status: 202, attempts: 3, delivered: true });
    expect(ledger.entries()[0]?.errors[0]).toBe('attempt 1: no answer within 150 ms');
    const gone = await party([202]);
    await new Promise((r) => { servers[servers.length - 1]!.close(r); });
    expect(await d.deliver(gone.url, '<x/>', meta)).toMatchObject({ status: 0, attempts: 4, delivered: false });
    expect(ledger.entries()[1]?.errors[3]).toMatch(/^attempt 4: no answer \(.*ECONNREFUSED/);
    d.close();
  });
});
