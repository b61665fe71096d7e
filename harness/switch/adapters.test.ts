import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { connect } from 'node:net';
import { VirtualClock } from '../clock/virtual-clock.js';
import { Ledger } from '../ledger/ledger.js';
import { createValidator, MAX_MESSAGE_BYTES, type XsdValidator } from '../validation/index.js';
import { SwitchCore } from './switch-core.js';
import { directoryOf } from './directory.js';
import { startSwitchServer } from './http-adapter.js';
import { sampleHeenXml } from './sample-traffic.test-support.js';
import { loadCalendar } from '../../fixtures/calendars/calendars.js';

const cal = loadCalendar('ipgb-2026');
let validator: XsdValidator;
beforeAll(async () => { validator = await createValidator(); });
afterAll(() => validator.dispose());

function coreAt() {
  const clock = new VirtualClock(cal.heenStop.minus({ minutes: 5 }), cal.zone);
  const ledger = new Ledger();
  const core = new SwitchCore({ calendar: cal, clock, validator, ledger, directory: directoryOf({ put: ['0363', 'SVB'], counterparty: [] }) });
  return { clock, ledger, core };
}

/** The same submissions for both transports: valid, hostile, refused by policy and by addressee. */
function sequence(clock: VirtualClock): string[] {
  const at = clock.now();
  const valid = sampleHeenXml({ release: '2.0.2', identificatie: 'G1', at });
  return [
    valid,
    valid.slice(0, 100),
    valid.replace('?>', '?><!DOCTYPE Bericht [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
    sampleHeenXml({ release: '2.3', identificatie: 'G2', at }),
    sampleHeenXml({ release: '2.0.2', identificatie: 'S1', provider: '0599', at, kind: 'budgetafsluiting' }),
    valid.replace('<Client>', `<Client><!--${'x'.repeat(26 * 1024 * 1024)}-->`),
    sampleHeenXml({ release: '2.0.2', identificatie: 'G3', at }),
  ];
}
const EXPECTED = [[202, undefined], [400, 'IB001'], [400, 'IB001'], [422, 'IB004'], [422, 'IB005'], [413, 'IB003'], [202, undefined]];

/** Writes raw bytes on a fresh connection and reads until the switch closes it. */
function rawExchange(url: string, raw: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(raw));
    let answer = '';
    socket.setEncoding('utf8').on('data', (c: string) => { answer += c; }).on('close', () => resolve(answer)).on('error', reject);
  });
}

async function post(url: string, body: string): Promise<[number, string | undefined]> {
  const res = await fetch(`${url}/berichten`, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body });
  const json = (await res.json()) as { code?: string };
  return [res.status, json.code];
}

describe('switch transports', () => {
  it('answers the sequence as expected, one ledger line per submission', async () => {
    const wire = coreAt();
    const server = await startSwitchServer(wire.core);
    const wireAnswers: Array<[number, string | undefined]> = [];
    try {
      for (const body of sequence(wire.clock)) wireAnswers.push(await post(server.url, body));
    } finally {
      await server.close();
    }
    expect(wireAnswers).toEqual(EXPECTED);
    expect(wire.ledger.entries().map((e) => [e.status, e.code ?? undefined])).toEqual(EXPECTED);
    // Bodies that were read are hashed; the one refused by its size (IB003) never is.
    expect(wire.ledger.entries().map((e) => e.xmlHash !== '')).toEqual([true, true, true, true, true, false, true]);
  }, 60_000);

  it('answers IB003 to a chunked body as soon as it passes 25 MB, without a declared length', async () => {
    const { core, ledger } = coreAt();
    const server = await startSwitchServer(core);
    try {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${server.url}/berichten`, { method: 'POST', headers: { 'Content-Type': 'application/xml' } }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (c: string) => { body += c; }).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        for (let i = 0; i < 26; i++) req.write(chunk);
        req.end();
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'IB003' });
      expect(ledger.entries()).toMatchObject([{ status: 413, code: 'IB003', xmlHash: '' }]);
      expect(ledger.entries()[0]!.bytes).toBeGreaterThan(MAX_MESSAGE_BYTES);
    } finally {
      await server.close();
    }
  }, 30_000);

  const head = 'POST /berichten HTTP/1.1\r\nHost: switch\r\nContent-Type: application/xml\r\n';
  const malformed: Array<[string, string, RegExp]> = [
    ['a bad request line', 'POST /berichten HTTP/9\r\nHost: switch\r\n\r\n', /request line/],
    ['a method with spaces', 'PO ST /berichten HTTP/1.1\r\n\r\n', /not readable HTTP/],
    ['headers over 16 KB', `${head}X-Padding: ${'a'.repeat(20 * 1024)}\r\n\r\n`, /larger than the 16 KB/],
    ['a chunk size that is not hexadecimal', `${head}Transfer-Encoding: chunked\r\n\r\nzz\r\n<Bericht/>\r\n0\r\n\r\n`, /chunk/],
    ['both Content-Length and chunked', `${head}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, /HTTP\/1\.1/],
  ];
  it.each(malformed)('answers %s with an IB001 JSON body (400) and a ledger line, then serves the next connection', async (_label, raw, why) => {
    const { core, ledger, clock } = coreAt();
    const server = await startSwitchServer(core);
    try {
      const answer = await rawExchange(server.url, raw);
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { code: string; omschrijving: string };
      expect(body).toMatchObject({ code: 'IB001', omschrijving: expect.stringMatching(why) });
      expect(body.omschrijving).toMatch(/^IB001 .*Fix: /);
      expect(body.omschrijving.length).toBeLessThan(600);
      expect(ledger.entries()).toMatchObject([{ kind: 'submission', origin: 'put', status: 400, code: 'IB001', xmlHash: '', errors: [expect.stringMatching(why)] }]);
      expect(await post(server.url, sampleHeenXml({ release: '2.0.2', identificatie: 'G1', at: clock.now() }))).toEqual([202, undefined]);
    } finally {
      await server.close();
    }
  });

  it('answers 404 JSON on any other route and keeps the connection usable', async () => {
    const { core, ledger } = coreAt();
    const server = await startSwitchServer(core);
    try {
      const res = await fetch(`${server.url}/other`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: expect.stringContaining('POST /berichten') });
      const get = await fetch(`${server.url}/berichten`);
      expect(get.status).toBe(404);
      expect(ledger.size).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('judges submissions that arrive together one by one, each with its own answer', async () => {
    const { core, ledger, clock } = coreAt();
    const server = await startSwitchServer(core);
    try {
      const bodies = Array.from({ length: 24 }, (_, i) => sampleHeenXml({ release: '2.0.2', identificatie: `G${i + 1}`, at: clock.now() }));
      bodies[5] = bodies[5]!.slice(0, 100);
      const answers = await Promise.all(bodies.map((body) => post(server.url, body)));
      expect(answers.filter(([status]) => status === 202)).toHaveLength(23);
      expect(answers[5]).toEqual([400, 'IB001']);
      expect(ledger.size).toBe(24);
      expect(new Set(ledger.entries().map((e) => e.identificatie)).size).toBe(24);
    } finally {
      await server.close();
    }
  });

  it('answers 500 (no IB code, so the party keeps the message) when the switch itself fails, and keeps serving', async () => {
    const { core } = coreAt();
    let calls = 0;
    const server = await startSwitchServer({
      submit: (body, origin) => {
        calls += 1;
        if (calls === 1) throw new Error('simulated fault');
        return core.submit(body, origin);
      },
      refuseTooLarge: (origin, bytes) => core.refuseTooLarge(origin, bytes),
      refuseMalformedHttp: (origin, why, bytes) => core.refuseMalformedHttp(origin, why, bytes),
    });
    try {
      const body = sampleHeenXml({ release: '2.0.2', identificatie: 'G1', at: cal.heenStop.minus({ minutes: 5 }) });
      const first = await fetch(`${server.url}/berichten`, { method: 'POST', body });
      expect(first.status).toBe(500);
      expect(await first.json()).toMatchObject({ error: expect.stringContaining('simulated fault') });
      expect(await post(server.url, body)).toEqual([202, undefined]);
    } finally {
      await server.close();
    }
  });
});

