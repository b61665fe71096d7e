import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient } from './control-client.js';
import { freePort } from './free-port.js';
import { PartyError } from './party-error.js';
import { answerProblems } from './protocol-document.js';

/** A party that answers every request with whatever `answer` decides (or not at all). */
async function fakeParty(answer: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) {
  const seen: { method: string; url: string; auth: string | undefined; body: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body });
      answer(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
  opened.push(close);
  return { url, seen };
}

const opened: (() => Promise<void>)[] = [];
afterEach(async () => { await Promise.all(opened.splice(0).map((close) => close())); });

const json = (res: http.ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

async function failure(promise: Promise<unknown>): Promise<PartyError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PartyError);
  return error as PartyError;
}

const NOW = '2026-03-30T08:00:00+02:00';
const INTENT = {
  kind: 'budgetafsluiting' as const, wet: 'WLZ' as const, recipient: '5501', bsn: '999990020',
  spent: [{ budgetId: 'B5501-000003', code: '99', period: { start: '2026-01-01', end: '2026-02-28' }, amount: 180000, reason: '1' as const }],
};

describe('ControlClient', () => {
  // The first checked answer loads the run profile and the OpenAPI document and compiles each
  // answer's schema: a one-time cost of seconds on a loaded 2-core machine, which the first test
  // paid inside its 5 s bound. Paid here, under the hook's own bound; every test still checks its answers.
  beforeAll(() => {
    for (const [op, status] of [['moveClock', 200], ['createIntents', 201], ['readState', 200], ['readAbout', 200]] as const) answerProblems(op, status, {});
  }, 60_000);

  it('calls the control plane with the bearer token and returns the checked answers', async () => {
    const party = await fakeParty((req, res) => {
      if (req.url?.endsWith('/session')) res.writeHead(204).end();
      else if (req.url?.endsWith('/clock')) json(res, 200, { now: NOW });
      else if (req.url?.endsWith('/intents')) json(res, 201, [{ intentId: 'i-1' }, { intentId: 'i-2' }]);
      else json(res, 200, { now: NOW, outgoing: [], incoming: [] });
    });
    const client = new ControlClient(`${party.url}/`, { token: 't0k' });
    await client.session({
      sessionId: 's', role: 'svb', identity: 'SVB', switchUrl: 'http://127.0.0.1:1',
      calendar: { heenStop: NOW, retourStop: NOW, goLive: NOW }, now: NOW,
    });
    expect(await client.clock(NOW)).toBe(NOW);
    expect(await client.intents([INTENT, INTENT])).toEqual(['i-1', 'i-2']);
    expect(await client.state()).toEqual({ now: NOW, outgoing: [], incoming: [] });
    client.close();
    expect(party.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /conformance/v1/session', 'POST /conformance/v1/clock', 'POST /conformance/v1/intents', 'GET /conformance/v1/state',
    ]);
    expect(new Set(party.seen.map((s) => s.auth))).toEqual(new Set(['Bearer t0k']));
    expect(JSON.parse(party.seen[1]?.body ?? '')).toEqual({ now: NOW });
  });

  it('reads GET /about: bounded one-line fields, 404 as "not stated", anything else a protocol error', async () => {
    const full = await fakeParty((_req, res) =>
      json(res, 200, { vendor: ' Acme\nZorg ', product: 'P'.repeat(200), version: 7, capabilities: ['restart', 3] }));
    const client = new ControlClient(full.url, { token: 't' });
    expect(await client.about()).toEqual({ vendor: 'Acme Zorg', product: 'P'.repeat(80), capabilities: ['restart'] });
    expect(full.seen.at(-1)).toMatchObject({ method: 'GET', url: '/conformance/v1/about', auth: 'Bearer t' });
    client.close();

    const v1 = await fakeParty((_req, res) => json(res, 404, { error: 'Unknown control route' }));
    const v1Client = new ControlClient(v1.url);
    expect(await v1Client.about()).toBeUndefined();
    v1Client.close();

    const wrong = await fakeParty((_req, res) => json(res, 200, ['not', 'an', 'object']));
    const wrongClient = new ControlClient(wrong.url);
    const error = await failure(wrongClient.about());
    expect(error.message).toContain('/about answers 200 with a JSON object');
    wrongClient.close();
  });

  it('reports a party that does not answer in time as a timeout naming the call and the wait', async () => {
    const party = await fakeParty(() => undefined);
    const error = await failure(new ControlClient(party.url, { timeoutMs: 300 }).clock(NOW));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain(`POST ${party.url}/conformance/v1/clock did not answer within 300 ms`);
    expect(error.message).toContain('too much work per /clock');
    expect(error.message).toContain('Fix:');
  });

  it('reads the Identificaties of GET /state as the suite reads them from a message: without leading or trailing XML white space', async () => {
    const state = {
      now: NOW,
      outgoing: [{ intentId: 'i-1', bericht: 'WMO501', release: '2.0.2', identificatie: '          1 ', status: 'sent', retourCodes: [] }],
      incoming: [{ bericht: 'WMO502', release: '2.0.2', identificatie: ' R1\u00a0', heen: '          1', status: 'processed', retour: null }],
    };
    const party = await fakeParty((_req, res) => json(res, 200, state));
    const client = new ControlClient(party.url);
    const read = await client.state();
    expect(read.outgoing[0]?.identificatie).toBe('1');
    expect(read.incoming[0]).toMatchObject({ identificatie: 'R1\u00a0', heen: '1' });
    client.close();
  });

  it('waits on while the party shows work: each sign of it starts the timeout again', async () => {
    const party = await fakeParty((_req, res) => { setTimeout(() => json(res, 200, { now: NOW }), 700); });
    const client = new ControlClient(party.url, { timeoutMs: 400 });
    const working = setInterval(() => client.stillWorking(), 100);
    try {
      expect(await client.clock(NOW)).toBe(NOW);
    } finally {
      clearInterval(working);
      client.close();
    }
    const idle = new ControlClient(party.url, { timeoutMs: 400 });
    expect((await failure(idle.clock(NOW))).kind).toBe('timeout');
    idle.close();
  });

  it('reports a closed port as unreachable', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const error = await failure(new ControlClient(url, { timeoutMs: 2_000 }).state());
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain(`GET ${url}/conformance/v1/state failed before an answer (ECONNREFUSED)`);
  });

  it('reports an answer that is not JSON as a protocol error', async () => {
    const party = await fakeParty((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hi</html>'));
    const error = await failure(new ControlClient(party.url).clock(NOW));
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('not JSON (<html>hi</html>)');
    expect(error.body).toBe('<html>hi</html>');
  });

  it('reports an answer of the wrong shape as a protocol error naming what is wrong', async () => {
    const party = await fakeParty((_req, res) => json(res, 200, { now: NOW, outgoing: [{ intentId: 'i-1', status: 'done' }], incoming: [] }));
    const error = await failure(new ControlClient(party.url).state());
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain("/outgoing/0 must have required property 'bericht'");
    expect(error.message).toContain('/outgoing/0/status must be equal to one of the allowed values');
  });

  it('reports a status the protocol does not give for a call as a protocol error', async () => {
    const party = await fakeParty((_req, res) => json(res, 200, { ok: true }));
    const error = await failure(new ControlClient(party.url).session({
      sessionId: 's', role: 'svb', identity: 'SVB', switchUrl: 'http://127.0.0.1:1',
      calendar: { heenStop: NOW, retourStop: NOW, goLive: NOW }, now: NOW,
    }));
    expect(error.message).toContain('status 200 is not an answer of startSession (the protocol documents 204, 400, 401)');
  });

  it('reports a refusal with its status and the party\'s reason', async () => {
    const party = await fakeParty((_req, res) => json(res, 409, { error: 'no session yet' }));
    const error = await failure(new ControlClient(party.url).clock(NOW));
    expect(error).toMatchObject({ kind: 'protocol', status: 409 });
    expect(error.message).toContain('was refused with 409: the party says "no session yet"');
    expect(error.message).toContain('Fix: start a session');
  });

  it('holds the intent ids to the intents sent: one for one, an array of the same length for an array', async () => {
    const party = await fakeParty((_req, res) => json(res, 201, [{ intentId: 'i-1' }]));
    const client = new ControlClient(party.url);
    expect((await failure(client.intents(INTENT))).message).toContain('answered an array of 1 ids for one intent');
    expect((await failure(client.intents([INTENT, INTENT]))).message).toContain('answered an array of 1 ids for an array of 2');
    expect(await client.intents([INTENT])).toEqual(['i-1']);
  });

  it('sends again once on a fresh connection when a kept-alive one is dropped under the request', async () => {
    let calls = 0;
    const party = await fakeParty((req, res) => {
      calls++;
      // The second request arrives on the kept-alive connection, which the party then drops
      // unanswered: the race of a keep-alive timeout. The third is the client's retry.
      if (calls === 2) req.socket.destroy();
      else json(res, 200, { now: NOW });
    });
    const client = new ControlClient(party.url);
    await client.clock(NOW);
    expect(await client.clock(NOW)).toBe(NOW);
    expect(calls).toBe(3);
    client.close();
  });

  it('stops reading an answer over the bound, declared or streamed, and says how to raise it', async () => {
    let written = 0;
    const party = await fakeParty((req, res) => {
      if (req.url?.endsWith('/clock')) { res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000000' }).end(); return; }
      // Streamed without a length: 100 chunks of 100 kB, unless the client hangs up first.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(100_000, 0x20);
      const more = (): void => {
        while (written < 10_000_000 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) { res.once('drain', more); return; }
        }
        if (!res.destroyed) res.end();
      };
      more();
    });
    const client = new ControlClient(party.url, { maxAnswerBytes: 250_000 });
    const declared = await failure(client.clock(NOW));
    expect(declared.kind).toBe('protocol');
    expect(declared.message).toContain('answered 200 with Content-Length 5,000,000, more than the suite takes from a control answer (250,000 bytes)');
    const streamed = await failure(client.state());
    expect(streamed.message).toContain('a body of more than 250,000 bytes');
    expect(streamed.message).toContain('CONFORMANCE_MAX_CONTROL_BYTES');
    await new Promise((r) => setTimeout(r, 200));
    expect(written).toBeLessThan(10_000_000);
  });

  it('lets an /intents answer grow with the intents sent', async () => {
    const party = await fakeParty((_req, res, body) => json(res, 201, (JSON.parse(body) as unknown[]).map((_, i) => ({ intentId: `intent-${i}` }))));
    const ids = await new ControlClient(party.url, { maxAnswerBytes: 1_000 }).intents(Array.from({ length: 200 }, () => INTENT));
    expect(ids).toHaveLength(200);
  });

  it('answers a 401 with the one line that says how to give the token, whatever the body', async () => {
    const party = await fakeParty((_req, res) => res.writeHead(401, { 'content-type': 'text/plain' }).end('go away'));
    const error = await failure(new ControlClient(party.url).clock(NOW));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(error.message).toBe('the party answered 401: give the token with --token-file or CONFORMANCE_TOKEN');
  });

  it('after abort, cuts off the call in flight and sends no further call', async () => {
    const party = await fakeParty(() => undefined); // never answers
    const client = new ControlClient(party.url, { timeoutMs: 5_000 });
    const pending = failure(client.clock(NOW));
    await new Promise((r) => setTimeout(r, 100));
    client.abort('[deadline] the scenario did not finish within 3 s');
    const cut = await pending;
    expect(cut.kind).toBe('aborted');
    expect(cut.message).toContain('was cut off: [deadline] the scenario did not finish within 3 s');
    const later = await failure(client.state());
    expect(later.message).toContain('was not sent: [deadline]');
    expect(party.seen.map((s) => s.url)).toEqual(['/conformance/v1/clock']);
  });

  it('tells a party that closes the connection without answering from one where nothing listens', async () => {
    const party = await fakeParty((req) => req.socket.destroy());
    const error = await failure(new ControlClient(party.url).clock(NOW));
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('the party took the connection, then closed it without answering');
    expect(error.message).not.toContain('nothing accepts HTTP');
  });

  it('sends a call again on a fresh connection when the party dropped the kept-alive one under it, also mid-body', async () => {
    // On every connection: the first request is answered, the second is cut off as its bytes
    // arrive, as a server closing an idle connection does when a request races the close.
    let connections = 0;
    const server = net.createServer((socket) => {
      connections += 1;
      let requests = 0;
      let pending = '';
      socket.on('error', () => undefined);
      socket.on('data', (chunk: Buffer) => {
        if (requests === 1) { socket.destroy(); return; }
        pending += chunk.toString('latin1');
        const end = pending.indexOf('\r\n\r\n');
        const length = Number(/content-length: *(\d+)/i.exec(pending)?.[1] ?? 0);
        if (end < 0 || pending.length < end + 4 + length) return;
        requests = 1;
        const count = (pending.slice(end + 4).match(/"kind"/g) ?? []).length;
        const body = JSON.stringify(count === 0 ? { now: NOW } : Array.from({ length: count }, (_, i) => ({ intentId: `i-${i}` })));
        socket.write(`HTTP/1.1 ${count === 0 ? 200 : 201} OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    opened.push(() => new Promise<void>((r) => server.close(() => r())));
    const client = new ControlClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { timeoutMs: 5_000 });
    expect(await client.clock(NOW)).toBe(NOW);
    // Some 2 MB of intents: the cut comes while the body is still being written (EPIPE or ECONNRESET).
    const many = Array.from({ length: 8_000 }, () => INTENT);
    expect(await client.intents(many)).toHaveLength(8_000);
    expect(connections).toBe(2);
    client.close();
  });
});
