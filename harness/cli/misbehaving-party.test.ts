/**
 * Issues 4 and 14's promise to vendors: a party that answers its control plane with garbage,
 * hangs, answers slowly, never takes a delivery, sends a 100 MB state or wants a token ends the
 * run bounded, with a clear message, status 2 and a summary.json that says whether the run is
 * complete; an interrupted run says it is not. The command runs as a vendor runs it, against
 * small misbehaving HTTP servers on loopback (some in front of the reference party), with short
 * bounds given through the environment so the tests stay quick.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startReferenceParty, type RunningReferenceParty } from '../../fixtures/parties/reference/http-server.js';
import type { Summary } from '../evidence/summary.js';
import { readRecords } from '../evidence/records-file.js';
import type { ScenarioRecord } from '../evidence/scenario-record.js';
import { runConformance, startConformance } from './conformance-child.js';

const servers: Server[] = [];
const references: RunningReferenceParty[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((s) => new Promise((r) => { s.closeAllConnections(); s.close(r); }))); });
afterAll(async () => { await Promise.all(references.splice(0).map((p) => p.close())); });

function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** The reference party behind a front that can delay, swallow or replace what passes. */
async function inFrontOfReference(front: (req: IncomingMessage, res: ServerResponse, forward: () => void) => void): Promise<string> {
  const party = await startReferenceParty();
  references.push(party);
  const target = new URL(party.url);
  return serve((req, res) => front(req, res, () => {
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }));
}

const GEMEENTE = ['--role', 'gemeente', '--identity', '0363'];
/**
 * The last resort for a test that starts a whole conformance run (tsx, vitest, the scenarios, the
 * Allure report, the PDF): about 50 s with this machine's two cores shared by other runs, more
 * under heavier load. A wall-clock bound on all of that would be a budget on the machine; what
 * such a test checks is bounded is the scenario's own time, from its record.
 */
const WHOLE_RUN_MS = 600_000;
const SHORT = { CONFORMANCE_CONTROL_TIMEOUT_MS: '1500' };

interface Outcome { status: number; output: string; summary?: Summary; records?: ScenarioRecord[] }

function outcomeOf(run: { status: number; output: string; out: string }): Outcome {
  try {
    const path = join(run.out, 'summary.json');
    const summary = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) as Summary : undefined;
    const recordsPath = join(run.out, 'records.jsonl');
    const records = existsSync(recordsPath) ? readRecords(recordsPath) : undefined;
    return { status: run.status, output: run.output, ...(summary ? { summary } : {}), ...(records ? { records } : {}) };
  } finally {
    rmSync(run.out, { recursive: true, force: true });
  }
}

async function conformance(url: string, env: NodeJS.ProcessEnv = SHORT, only = 'GEN-0.3'): Promise<Outcome> {
  return outcomeOf(await runConformance(['--endpoint', url, ...GEMEENTE, '--only', only], env));
}

const requirement = (s: Summary | undefined, id: string) => (s?.parties[0]?.requirements as Record<string, { verdict: string; reason?: string }> | undefined)?.[id];

describe('a misbehaving party ends the run with status 2 and a clear message', () => {
  it('not listening', async () => {
    const url = await serve(() => {});
    await new Promise((r) => servers.pop()?.close(r));
    const run = await conformance(url);
    expect(run.status).toBe(2);
    expect(run.output).toMatch(/no party answers at http:\/\/127\.0\.0\.1:\d+\. Fix:/);
    expect(run.summary).toMatchObject({ complete: false });
  }, 60_000);

  it('answering the control plane with garbage', async () => {
    const url = await serve((req, res) => { req.resume(); res.writeHead(200, { 'content-type': 'text/html' }).end('<html>garbage</html>'); });
    const run = await conformance(url);
    expect(run.status).toBe(2);
    // It answered, so it is reachable: the record says the protocol was not followed.
    expect(run.output).toMatch(/\[protocol\].*session/i);
    expect(requirement(run.summary, 'GEN-0.3')).toMatchObject({ verdict: 'not-tested', reason: expect.stringContaining('not JSON') });
    expect(run.summary).toMatchObject({ complete: false });
    // Bounded is the harness's own promise: a scenario given garbage gives up within its session
    // budget (3 control calls at the 1500 ms bound), however long the whole run took to start and report.
    const broken = (run.records ?? []).filter((r) => r.brokenBy === 'protocol');
    expect(broken.length).toBeGreaterThan(0);
    for (const r of broken) expect(r.durationMs, r.scenarioId).toBeLessThan(3 * 1500);
  }, WHOLE_RUN_MS);

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

  it('never answering a delivery: each scenario is cut off at its deadline and its ids are not tested, never passed', async () => {
    const url = await inFrontOfReference((req, _res, forward) => {
      if (req.url === '/berichten') { req.resume(); return; } // takes the message, never answers
      forward();
    });
    const run = await conformance(url, { CONFORMANCE_CONTROL_TIMEOUT_MS: '300' });
    expect(run.status, run.output).toBe(2);
    expect(run.output).toMatch(/\[deadline\] the scenario did not finish within [\d.]+ m?s/);
    expect(requirement(run.summary, 'GEN-0.3')).toMatchObject({ verdict: 'not-tested', reason: expect.stringContaining('[deadline]') });
    expect(run.summary).toMatchObject({ complete: false, reason: expect.stringContaining('could not be judged') });
  }, 180_000);

  it('answering GET /state with 100 MB: read up to the bound, then refused', async () => {
    let sent = 0;
    let session = false;
    const url = await inFrontOfReference((req, res, forward) => {
      if (req.url?.endsWith('/session')) session = true;
      // The scenario's GET /state (kept alive), not the probe's before it: 100 MB of one JSON string.
      if (session && req.method === 'GET' && req.url?.endsWith('/state') && req.headers.connection === 'keep-alive') {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1 << 20, 0x61);
        const more = (): void => {
          while (sent < 100 << 20 && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) { res.once('drain', more); return; }
          }
          if (!res.destroyed) res.end();
        };
        res.write('{"now":"');
        more();
        return;
      }
      forward();
    });
    const run = await conformance(url, SHORT, 'AFS-1.5');
    expect(run.status, run.output).toBe(2);
    expect(run.output).toContain('more than the suite takes from a control answer (1,000,000 bytes)');
    expect(sent).toBeLessThan(50 << 20);
    expect(run.summary).toMatchObject({ complete: false });
  }, 180_000);

  it('wanting a token it was not given: one line, at once', async () => {
    let calls = 0;
    const url = await serve((req, res) => { calls++; req.resume(); res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"token required"}'); });
    const run = await conformance(url);
    expect(run.status).toBe(2);
    expect(run.output.match(/the party answered 401: give the token with --token-file or CONFORMANCE_TOKEN/g)).toHaveLength(1);
    expect(calls).toBe(1);
    expect(run.summary).toMatchObject({ complete: false });
  }, 60_000);

  it('refusing the session with 401 after a good probe: the run ends after the first scenario, with the one line', async () => {
    let sessions = 0;
    const url = await serve((req, res) => {
      req.resume();
      if (req.url?.endsWith('/session')) sessions++;
      if (req.method === 'GET' && req.url?.endsWith('/state')) res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":"no session"}');
      else res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"token required"}');
    });
    const run = await conformance(url, SHORT, 'AFS-1.1');
    expect(run.status).toBe(2);
    expect(run.output.match(/the party answered 401: give the token with --token-file or CONFORMANCE_TOKEN/g)).toHaveLength(1);
    expect(sessions).toBe(1);
    expect(run.summary).toMatchObject({ complete: false, reason: expect.stringContaining('401') });
  }, 120_000);
});

describe('an interrupted run leaves no stale evidence and says it is incomplete', () => {
  /** A party slow enough to be caught mid-run; `sessions` counts the scenarios begun. */
  async function slowControl(): Promise<{ url: string; sessions: () => number }> {
    let sessions = 0;
    const url = await inFrontOfReference((req, _res, forward) => {
      if (req.url?.endsWith('/session')) sessions++;
      if (req.url?.startsWith('/conformance/')) setTimeout(forward, 150);
      else forward();
    });
    return { url, sessions: () => sessions };
  }

  it('SIGTERM: exit 2, the previous run\'s evidence gone, summary.json "complete": false, verify fails', async () => {
    const { url, sessions } = await slowControl();
    const out = mkdtempSync(join(tmpdir(), 'conformance-stale-'));
    writeFileSync(join(out, 'summary.json'), JSON.stringify({ complete: true, totals: { passed: 43, failed: 0 } }));
    writeFileSync(join(out, 'dossier.html'), '<p>voldaan</p>');
    writeFileSync(join(out, 'manifest.json'), '{}');
    const run = startConformance(['--endpoint', url, ...GEMEENTE, '--only', 'AFS-1.5'], {}, { out });
    await until(() => sessions() > 0, run.output);
    run.child.kill('SIGTERM');
    const ended = await run.done;
    expect(ended.status, ended.output).toBe(2);
    expect(existsSync(join(out, 'dossier.html'))).toBe(false);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    expect(summary).toMatchObject({ complete: false, reason: 'interrupted by SIGTERM' });
    expect(summary.totals.passed).toBeLessThan(43);
    expect(summary.parties[0]?.requirements['AFS-1.5']?.verdict).not.toBe('passed');
    const verify = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'harness/cli/verify.ts', out]).then(() => undefined, (e: { code: number; stdout: string }) => e);
    expect(verify?.code).toBe(1);
    expect(verify?.stdout).toContain('incomplete run: interrupted by SIGTERM');
    rmSync(out, { recursive: true, force: true });
  }, 180_000);

  it('the process that started it killed: the run ends by itself and says why', async () => {
    const { url, sessions } = await slowControl();
    const run = startConformance(['--endpoint', url, ...GEMEENTE, '--only', 'AFS-1.5'], {}, { viaShell: true });
    const summaryPath = join(run.out, 'summary.json');
    await until(() => sessions() > 0, run.output);
    run.child.kill('SIGKILL'); // the shell, standing in for npm; the entry point is its child
    await run.done; // the pipes close once the orphaned entry point has ended too
    const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as Summary;
    expect(summary).toMatchObject({ complete: false, reason: expect.stringMatching(/^the process that started the run \(sh, process \d+\) went away$/) });
    rmSync(run.out, { recursive: true, force: true });
  }, 180_000);
});

async function until(condition: () => boolean, output: () => string, withinMs = 120_000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > withinMs) throw new Error(`condition not met within ${withinMs} ms; output so far:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
