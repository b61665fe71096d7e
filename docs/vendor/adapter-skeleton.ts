/**
 * A test adapter skeleton in TypeScript (Node 20+, no dependencies): the party protocol's routes
 * (docs/vendor/protocol.md) in front of YOUR system, reached through the `VendorSystem` interface
 * below. Implement that interface with calls into your real code (outbox, inbox, scheduler,
 * message builder), then run `npm run check-adapter -- --endpoint http://127.0.0.1:8080 --role gemeente`.
 * Copy this file into your repository; it is a starting point, not part of the suite.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface Calendar { zone?: string; heenStop: string; retourStop: string; goLive: string }
export interface Session { sessionId: string; role: 'gemeente' | 'zorgkantoor' | 'svb'; identity: string; switchUrl: string; calendar: Calendar; now: string }

/** What the adapter needs of your system. Throw `Refused` for a 400. */
export interface VendorSystem {
  /** Drop all state, take the calendar and identity, set the clock to `session.now`. */
  reset(session: Session): Promise<void>;
  /** Set the clock to `now` and run every job due then (submit, process, answer); resolve when done. */
  advanceClock(now: string): Promise<void>;
  currentTime(): string;
  /** Create the business events; return one id each, in order. All or nothing. */
  createEvents(intents: unknown[]): Promise<string[]>;
  /** Take custody of a delivered message (resolve), or refuse an unreadable one (throw Refused). */
  receive(body: Buffer): Promise<void>;
  /** `{outgoing, incoming}` as your outbox and inbox tables say (protocol.md, GET /state). */
  state(): Promise<{ outgoing: unknown[]; incoming: unknown[] }>;
  about?: { vendor?: string; product?: string; version?: string };
}

export class Refused extends Error {}

const MAX_BODY = 26 * 1024 * 1024;
const CONTROL = '/conformance/v1';

export function startAdapter(system: VendorSystem, options: { port?: number; host?: string; token?: string } = {}) {
  let session: Session | undefined;
  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (req.method === 'POST' && path === '/berichten') {
        if (!session) return send(res, 400, { error: 'no session yet' });
        await system.receive(body);
        return send(res, 202, {});
      }
      if (!path.startsWith(CONTROL)) return send(res, 404, { error: `no route ${path}` });
      if (options.token && req.headers.authorization !== `Bearer ${options.token}`) return send(res, 401, { error: 'token missing or wrong' });
      const route = `${req.method} ${path.slice(CONTROL.length)}`;
      if (route === 'GET /about') return system.about ? send(res, 200, system.about) : send(res, 404, { error: 'not stated' });
      if (route === 'POST /session') {
        const s = JSON.parse(body.toString('utf8')) as Session;
        const { heenStop, retourStop, goLive } = s.calendar ?? ({} as Calendar);
        if (!(Date.parse(heenStop) < Date.parse(retourStop) && Date.parse(retourStop) < Date.parse(goLive))) throw new Refused('calendar needs heenStop < retourStop < goLive');
        await system.reset(s);
        session = s;
        return send(res, 204);
      }
      if (!session) return send(res, 409, { error: 'POST /session first' });
      if (route === 'POST /clock') {
        const { now } = JSON.parse(body.toString('utf8')) as { now: string };
        if (!(Date.parse(now) >= Date.parse(system.currentTime()))) throw new Refused(`clock cannot go back from ${system.currentTime()} to ${now}`);
        await system.advanceClock(now);
        return send(res, 200, { now });
      }
      if (route === 'POST /intents') {
        const parsed = JSON.parse(body.toString('utf8')) as unknown;
        const ids = await system.createEvents(Array.isArray(parsed) ? parsed : [parsed]);
        const answer = ids.map((intentId) => ({ intentId }));
        return send(res, 201, Array.isArray(parsed) ? answer : answer[0]);
      }
      if (route === 'GET /state') return send(res, 200, { now: system.currentTime(), ...(await system.state()) });
      return send(res, 404, { error: `no route ${route}` });
    } catch (error) {
      if (error instanceof Refused || error instanceof SyntaxError) return send(res, 400, { error: error.message.slice(0, 300) });
      return send(res, 500, { error: 'adapter failure' });
    }
  });
  server.listen(options.port ?? Number(process.env['PORT'] ?? 8080), options.host ?? process.env['HOST'] ?? '127.0.0.1');
  return server;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { reject(new Refused('body over 25 MB')); req.destroy(); } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) { res.writeHead(status).end(); return; }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}
