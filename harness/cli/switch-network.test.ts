/**
 * `--switch-listen`/`--switch-url` with the party in its own network namespace, as a party in a
 * CI service container sits: it cannot reach the suite's 127.0.0.1. Two namespaces made for this
 * test (suite and party) joined by a veth pair with 10.250.0.1/30 and .2; no traffic leaves
 * them, and both are removed afterwards. Needs root and `ip`; skips with the reason otherwise.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SUITE_NS = `ipgbci-suite-${process.pid}`;
const PARTY_NS = `ipgbci-party-${process.pid}`;
const SUITE_IP = '10.250.0.1';
const PARTY_IP = '10.250.0.2';
const SCENARIOS = 'ing-new-heen-in-2-3,tra-heen-refused-then-block-lifts';

const ip = (...args: string[]): string => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Why this machine cannot make network namespaces, or undefined when it can. */
function namespacesUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'network namespaces need root';
  const probe = `ipgbci-probe-${process.pid}`;
  try {
    ip('netns', 'add', probe);
    ip('netns', 'del', probe);
    return undefined;
  } catch (error) {
    return `\`ip netns add\` failed: ${(error as Error).message.split('\n')[0]}`;
  }
}

const unavailable = namespacesUnavailable();
const children: ChildProcess[] = [];
const outs: string[] = [];

interface Run { status: number; output: string; out: string }

function inNamespace(ns: string, args: string[]): ChildProcess {
  const child = spawn('ip', ['netns', 'exec', ns, process.execPath, '--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

function conformanceInSuiteNamespace(extra: string[]): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), 'switch-network-'));
  outs.push(out);
  const child = inNamespace(SUITE_NS, [
    'harness/cli/conformance.ts', '--endpoint', `http://${PARTY_IP}:8080`, '--role', 'gemeente', '--identity', '0363',
    '--scenario', SCENARIOS, '--out', out, ...extra,
  ]);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr?.on('data', (c: Buffer) => { output += c.toString(); });
  return new Promise((resolve) => child.on('exit', (status) => resolve({ status: status ?? -1, output, out })));
}

describe.skipIf(unavailable !== undefined)(`a party in its own network namespace${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  beforeAll(async () => {
    ip('netns', 'add', SUITE_NS);
    ip('netns', 'add', PARTY_NS);
    ip('link', 'add', 'ipgb-s', 'netns', SUITE_NS, 'type', 'veth', 'peer', 'name', 'ipgb-p', 'netns', PARTY_NS);
    ip('-n', SUITE_NS, 'addr', 'add', `${SUITE_IP}/30`, 'dev', 'ipgb-s');
    ip('-n', PARTY_NS, 'addr', 'add', `${PARTY_IP}/30`, 'dev', 'ipgb-p');
    for (const [ns, dev] of [[SUITE_NS, 'ipgb-s'], [PARTY_NS, 'ipgb-p'], [SUITE_NS, 'lo'], [PARTY_NS, 'lo']] as const) ip('-n', ns, 'link', 'set', dev, 'up');
    const party = inNamespace(PARTY_NS, ['fixtures/parties/reference/main.ts', '--host', PARTY_IP, '--port', '8080']);
    await new Promise<void>((resolve, reject) => {
      party.stdout?.on('data', (c: Buffer) => { if (c.toString().includes('listening')) resolve(); });
      party.on('exit', (code) => reject(new Error(`the reference party ended with ${code} before listening`)));
    });
  }, 60_000);
  afterAll(() => {
    for (const child of children) child.kill('SIGTERM');
    for (const ns of [SUITE_NS, PARTY_NS]) { try { ip('netns', 'del', ns); } catch { /* never made */ } }
    for (const out of outs) rmSync(out, { recursive: true, force: true });
  });

  it('passes with --switch-listen on the suite side of the veth and --switch-url naming it', async () => {
    const run = await conformanceInSuiteNamespace(['--switch-listen', `${SUITE_IP}:9300`, '--switch-url', `http://${SUITE_IP}:9300`]);
    expect(run.status, run.output).toBe(0);
    const records = readFileSync(join(run.out, 'records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { scenarioId: string; requirements: { verdict: string }[] });
    expect(records.map((r) => r.scenarioId).sort()).toEqual(SCENARIOS.split(',').sort());
    expect(records.flatMap((r) => r.requirements.map((q) => q.verdict))).not.toContain('failed');
  }, 120_000);

  it('without them the party never reaches the switch, and the failure says so and names the URL it was told', async () => {
    const run = await conformanceInSuiteNamespace([]);
    expect(run.status, run.output).toBe(1);
    expect(run.output).toMatch(/no attempt at all[^\n]*switch may be unreachable from the party, which was told switchUrl http:\/\/127\.0\.0\.1:\d+/);
    const summary = readFileSync(join(run.out, 'summary.json'), 'utf8');
    expect(summary).toContain('the switch may be unreachable from the party');
  }, 120_000);
});
