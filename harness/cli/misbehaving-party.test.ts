/**
 * Issue 4's promise to vendors: a party that answers its control plane with garbage, hangs, or
 * is not listening ends the run with status 2 and a clear message, never a hang. The command
 * runs as a vendor runs it, against small misbehaving HTTP servers on loopback.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runConformance } from './conformance-child.js';
const servers: Server[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r)))); });

function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

async function conformance(url: string): Promise<{ status: number; output: string; summary?: string }> {
  const run = await runConformance(['--endpoint', url, '--role', 'gemeente', '--identity', '0363', '--only', 'GEN-0.3'], { CONFORMANCE_CONTROL_TIMEOUT_MS: '1500' });
  try {
    const summary = existsSync(join(run.out, 'summary.json')) ? readFileSync(join(run.out, 'summary.json'), 'utf8') : undefined;
    return { status: run.status, output: run.output, ...(summary ? { summary } : {}) };
  } finally {
    rmSync(run.out, { recursive: true, force: true });
  }
}

describe('a misbehaving party ends the run with status 2 and a clear message', () => {
  it('not listening', async () => {
    const url = await serve(() => {});
    await new Promise((r) => servers.pop()?.close(r));
    const run = await conformance(url);
    expect(run.status).toBe(2);
    expect(run.output).toMatch(/no party answers at http:\/\/127\.0\.0\.1:\d+\. Fix:/);
  }, 60_000);

  it('answering the control plane with garbage', async () => {
    const url = await serve((req, res) => { req.resume(); res.writeHead(200, { 'content-type': 'text/html' }).end('<html>garbage</html>'); });
    const run = await conformance(url);
    expect(run.status).toBe(2);
    expect(run.output).toMatch(/\[unreachable\].*session/i);
    expect(run.summary).toMatch(/"verdict": "failed"/);
  }, 120_000);

  it('hanging on /clock after a good session', async () => {
    const url = await serve((req, res) => {
      req.resume();
      if (req.url?.endsWith('/session')) { res.writeHead(204).end(); return; }
      if (req.url?.endsWith('/state') && req.method === 'GET') { res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":"no session"}'); return; }
      // every other call hangs: the party never answers
    });
    const run = await conformance(url);
    expect(run.status).toBe(2);
    expect(run.output).toMatch(/\/clock did not answer within 1500 ms/);
  }, 120_000);
});
