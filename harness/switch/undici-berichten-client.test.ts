import { afterEach, describe, expect, it } from 'vitest';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { BerichtenClients, MAX_BODY_KEPT } from './undici-berichten-client.js';

const servers: Server[] = [];
const clients: BerichtenClients[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/**
 * A party on a raw socket: `answer` is called once per complete request (head and declared body)
 * and writes whatever bytes the test wants. Counts connections.
 */
async function rawParty(answer: (socket: Socket, n: number) => void): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  let requests = 0;
  const server = createServer((socket) => {
    connections += 1;
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/content-length: *(\d+)/i.exec(pending.toString('latin1', 0, end))?.[1] ?? 0);
        if (pending.length < end + 4 + length) return;
        pending = pending.subarray(end + 4 + length);
        answer(socket, requests++);
      }
    });
    socket.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

/** A client bound to one party: the tests speak to one base URL each. */
interface OneParty { post(body: Uint8Array): Promise<{ status: number; body: Buffer }>; close(): void }
function client(url: string, options?: ConstructorParameters<typeof BerichtenClients>[0]): OneParty {
  const c = new BerichtenClients(options);
  clients.push(c);
  return { post: (bytes) => c.post(url, bytes, 'application/xml'), close: () => c.close() };
}

const body = Buffer.from('<Bericht/>');
const post = (c: OneParty) => c.post(body);

describe('BerichtenClients (undici)', () => {
  it('sends one POST per request to {base}/berichten and reuses its sockets for requests in sequence', async () => {
    const seen: string[] = [];
    const server = createHttpServer((req, res) => {
      let text = '';
      req.setEncoding('utf8').on('data', (c: string) => { text += c; }).on('end', () => {
        seen.push(`${req.method} ${req.url} ${req.headers['content-type']} ${text}`);
        res.writeHead(202, { 'Content-Type': 'application/json' }).end('{"ok":true}');
      });
    });
    let connections = 0;
    server.on('connection', () => { connections += 1; });
    servers.push(server as unknown as Server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const c = client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    for (let i = 0; i < 6; i++) {
      const answer = await post(c);
      expect(answer.status).toBe(202);
      expect(answer.body.toString()).toBe('{"ok":true}');
    }
    expect(seen).toEqual(Array(6).fill('POST /berichten application/xml <Bericht/>'));
    // undici's pool may open a second socket while the first is being handed back; never one per request.
    expect(connections).toBeLessThanOrEqual(2);
  });

  it('reads chunked answers (with extensions and trailers), skips interim 1xx answers, and reads a body that ends at close', async () => {
    const party = await rawParty((socket, n) => {
      if (n === 0) socket.write('HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\nHTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\n{"a"\r\n3\r\n:1}\r\n0\r\nX-Trailer: t\r\n\r\n');
      else socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{"error":"bad"}');
    });
    const c = client(party.url);
    const first = await post(c);
    expect([first.status, first.body.toString()]).toEqual([202, '{"a":1}']);
    const second = await post(c);
    expect([second.status, second.body.toString()]).toEqual([400, '{"error":"bad"}']);
    expect(party.connections()).toBeLessThanOrEqual(2);
  });

  it('opens a new socket after an answer with Connection: close, and after the party closes an idle one', async () => {
    const party = await rawParty((socket, n) => {
      if (n === 0) socket.end('HTTP/1.1 202 Accepted\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.end('HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n');
    });
    const c = client(party.url);
    expect((await post(c)).status).toBe(202);
    expect((await post(c)).status).toBe(202);
    await new Promise((r) => setTimeout(r, 50));
    expect((await post(c)).status).toBe(202);
    expect(party.connections()).toBe(3);
  });

  it("does not reuse a socket idle for longer than the party's Keep-Alive timeout hint allows", async () => {
    const party = await rawParty((socket) => socket.write('HTTP/1.1 202 Accepted\r\nKeep-Alive: timeout=1\r\nContent-Length: 0\r\n\r\n'));
    const c = client(party.url);
    expect((await post(c)).status).toBe(202);
    await new Promise((r) => setTimeout(r, 20));
    expect((await post(c)).status).toBe(202);
    expect(party.connections()).toBe(2);
  });

  it('keeps to maxSockets when many requests wait', async () => {
    const party = await rawParty((socket) => {
      setTimeout(() => socket.write('HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n'), 5);
    });
    const c = client(party.url, { maxSockets: 3 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(c)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(202));
    expect(party.connections()).toBe(3);
  });

  it('fails with a reason on garbage, on silence past the timeout, and on a closed port', async () => {
    const garbage = await rawParty((socket) => socket.write('SSH-2.0-OpenSSH\r\n\r\n'));
    await expect(post(client(garbage.url))).rejects.toThrow(/^no answer \(Response does not match the HTTP\/1\.1 protocol/);

    const silent = await rawParty(() => undefined);
    await expect(post(client(silent.url, { timeoutMs: 100 }))).rejects.toThrow(/^no answer within 100 ms$/);

    const gone = await rawParty(() => undefined);
    await new Promise((r) => servers.pop()!.close(r));
    await expect(post(client(gone.url))).rejects.toThrow(/^no answer \(.*ECONNREFUSED/);
  });

  it('fails when the party closes in the middle of an answer, and recovers on the next request', async () => {
    const party = await rawParty((socket, n) => {
      if (n === 0) socket.end('HTTP/1.1 202 Accepted\r\nContent-Length: 10\r\n\r\n{"a"');
      else socket.write('HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\n{}');
    });
    const c = client(party.url);
    await expect(post(c)).rejects.toThrow(/^no answer \(UND_ERR_SOCKET: other side closed/);
    expect((await post(c)).status).toBe(202);
  });

  it('takes an answer that comes before a big body is sent, and does not reuse that socket', async () => {
    const server = createHttpServer((req, res) => {
      if (Number(req.headers['content-length']) > 1024) {
        res.writeHead(413, { Connection: 'close', 'Content-Type': 'application/json' }).end('{"error":"too big"}');
        req.destroy();
        return;
      }
      req.resume();
      req.on('end', () => res.writeHead(202).end());
    });
    servers.push(server as unknown as Server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const c = client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const big = await c.post(Buffer.alloc(8 * 1024 * 1024, 0x20));
    expect(big.status).toBe(413);
    expect((await post(c)).status).toBe(202);
  });

  it('fails requests still waiting when it is closed', async () => {
    const silent = await rawParty(() => undefined);
    const c = client(silent.url, { maxSockets: 1 });
    const settled = Promise.allSettled([post(c), post(c)]);
    c.close();
    const [first, second] = await settled;
    expect(first).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/no answer/) } });
    expect(second).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/the client was closed/) } });
    await expect(post(c)).rejects.toThrow(/closed/);
  });

  it('fails an answer that is not well-formed HTTP/1.1 (a 204 declaring a body, bare LF line ends) with the reason', async () => {
    const party = await rawParty((socket, n) => {
      socket.end(n === 0
        ? 'HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n'
        : 'HTTP/1.1 202 Accepted\nContent-Length: 2\n\n{}');
    });
    const c = client(party.url, { timeoutMs: 2_000 });
    await expect(post(c)).rejects.toThrow(/^no answer \(UND_ERR_RES_CONTENT_LENGTH_MISMATCH/);
    await expect(post(c)).rejects.toThrow(/^no answer \(Response does not match the HTTP\/1\.1 protocol \(Missing expected CR/);
  });

  it('refuses a base URL that is not http://, saying how to fix it', () => {
    expect(() => new BerichtenClients().post('https://party.example/', body, 'application/xml')).toThrow(/only http:\/\/ is spoken on the message plane\. Fix:/);
  });

  it('reads a big chunk that arrives in pieces, keeping the first megabyte', async () => {
    const size = 3 * 1024 * 1024;
    const party = await rawParty((socket) => {
      socket.write(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${size.toString(16)}\r\n`);
      const piece = Buffer.alloc(64 * 1024, 0x61);
      for (let sent = 0; sent < size; sent += piece.length) socket.write(piece);
      socket.write('\r\n0\r\n\r\n');
    });
    const answer = await post(client(party.url));
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBe(MAX_BODY_KEPT);
  });

  it('counts the time a request waits for a free socket towards its timeout', async () => {
    const silent = await rawParty(() => undefined);
    const c = client(silent.url, { maxSockets: 1, timeoutMs: 200 });
    const started = performance.now();
    const first = post(c).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 100));
    const second = post(c).catch((e: Error) => ({ error: e, after: performance.now() - started }));
    expect(await first).toMatchObject({ message: 'no answer within 200 ms' });
    const late = await second as { error: Error; after: number };
    expect(late.error.message).toMatch(/^no answer within 200 ms/);
    // Waiting from 100 ms, sent at 200 ms when the first gave up: its time is up at 300 ms, not 400.
    expect(late.after).toBeLessThan(380);
  });
});
