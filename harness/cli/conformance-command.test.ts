/**
 * `npm run conformance` end to end, as a vendor runs it: the bundled party embedded, the same
 * party as a running endpoint and as a container image give the same verdicts; `--only` runs
 * just the scenarios of those ids; and a faulty party's failure reaches the dossier with its
 * one-line reason while the report holds the offending message.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startReferenceParty, type RunningReferenceParty } from '../../fixtures/parties/reference/http-server.js';
import { faultyParty } from '../../fixtures/parties/faulty/index.js';
import { dockerAvailable, imageAvailable } from '../sut/docker-available.js';
import type { Summary } from '../evidence/summary.js';
import { readRecords } from '../evidence/records-file.js';
import { runConformance, type ConformanceRun } from './conformance-child.js';

const ONLY = ['--role', 'gemeente', '--only', 'AFS-1.1,ING-3.3'];
const IMAGE = 'ipgb-reference-party:0.1.0';
const parties: RunningReferenceParty[] = [];
const outs: string[] = [];
afterAll(async () => {
  await Promise.all(parties.map((p) => p.close()));
  for (const out of outs) rmSync(out, { recursive: true, force: true });
});

async function run(args: string[]): Promise<ConformanceRun & { summary: Summary }> {
  const result = await runConformance(args);
  outs.push(result.out);
  return { ...result, summary: JSON.parse(readFileSync(join(result.out, 'summary.json'), 'utf8')) as Summary };
}

const verdicts = (s: Summary) => Object.fromEntries(Object.entries(s.parties[0]?.requirements ?? {}).map(([id, r]) => [id, r.verdict]));

describe('npm run conformance', () => {
  let embedded: Awaited<ReturnType<typeof run>> | undefined;

  it('--only runs just the scenarios verifying those ids, against the embedded reference party', async () => {
    embedded = await run(ONLY);
    expect(embedded.status, embedded.output).toBe(0);
    const records = readFileSync(join(embedded.out, 'records.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { requirements: { id: string }[] });
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(r.requirements.map((q) => q.id).every((id) => ['AFS-1.1', 'ING-3.3'].includes(id))).toBe(true);
    expect(verdicts(embedded.summary)).toMatchObject({ 'AFS-1.1': 'passed', 'ING-3.3': 'passed' });
  }, 180_000);

  it('gives the same verdicts for the reference party started by hand and given as --endpoint', async () => {
    const party = await startReferenceParty();
    parties.push(party);
    const endpoint = await run([...ONLY, '--endpoint', party.url, '--identity', '0363']);
    expect(endpoint.status, endpoint.output).toBe(0);
    expect(verdicts(endpoint.summary)).toEqual(verdicts(embedded!.summary));
    // The evidence names who was tested (GET /about), when, on which calendar.
    expect(endpoint.summary.parties[0]).toMatchObject({ about: { vendor: 'ipgb-cutover-conformance', version: '0.1.0' }, startedAt: endpoint.summary.startedAt });
    expect(endpoint.summary.calendar).toMatchObject({ name: 'ipgb-2026', national: true });
  }, 180_000);

  it('gives the same verdicts for the reference image given as --image', async (context) => {
    const docker = await dockerAvailable();
    if (!docker.ok) return context.skip(`container run skipped: ${docker.reason}`);
    const image = await imageAvailable(IMAGE);
    if (!image.ok) return context.skip(`container run skipped: ${image.reason}`);
    const contained = await run([...ONLY, '--image', IMAGE]);
    expect(contained.status, contained.output).toBe(0);
    expect(verdicts(contained.summary)).toEqual(verdicts(embedded!.summary));
    expect(contained.summary.parties[0]?.digest).toMatch(/sha256:/);
  }, 300_000);

  it('shows a faulty party\'s failed requirement in the dossier and the offending XML in the report', async () => {
    const party = await startReferenceParty({ party: faultyParty('ignores-heen-stop').create });
    parties.push(party);
    const faulty = await run(['--endpoint', party.url, '--role', 'gemeente', '--identity', '0363', '--only', 'AFS-1.2']);
    expect(faulty.status, faulty.output).toBe(1);
    const failure = faulty.summary.parties[0]?.requirements['AFS-1.2'];
    expect(failure?.verdict).toBe('failed');
    const line = failure?.failures?.[0] ?? '';
    const dossier = readFileSync(join(faulty.out, 'dossier.md'), 'utf8');
    expect(dossier).toContain('AFS-1.2');
    expect(dossier).toContain(line.slice(0, 60));
    // The message id from the record's finding, as data.
    const findings = readRecords(join(faulty.out, 'records.jsonl')).flatMap((r) => r.requirements.filter((q) => q.id === 'AFS-1.2').flatMap((q) => q.findings));
    const offending = findings[0]?.messageIds[0] ?? 'none';
    const results = join(faulty.out, 'allure-results');
    const attachments = readdirSync(results).filter((f) => f.endsWith('.xml')).map((f) => readFileSync(join(results, f), 'utf8'));
    expect(attachments.some((xml) => xml.includes(`<Identificatie>${offending}</Identificatie>`)), `no attachment holds ${offending}`).toBe(true);
  }, 180_000);
});
