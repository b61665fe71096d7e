/**
 * Three scenario tests as the runner will shape them (one passes, one fails on timing, one is
 * broken because the party is unreachable), run by evidence-e2e.test.ts in a child vitest.
 */
import { it } from 'vitest';
import { storeRecord } from '../record-store.js';
import type { ScenarioRecord } from '../scenario-record.js';
import { attachJson, attachText, attachTimeline, attachXml, labelScenario, runbookStep, type ScenarioMeta } from '../scenario-evidence.js';

const calendar = { T0: '2026-03-30 09:00', T1: '2026-03-30 17:00', T2: '2026-04-01 09:00' };
const party = { role: 'gemeente', identity: '0363' } as const;

function meta(scenarioId: string, title: string, requirements: ScenarioMeta['requirements']): ScenarioMeta {
  return {
    scenarioId, title, phase: 'Afsluiting', runbookStep: '1.1 Alle beschikbare heenberichten zijn verzonden',
    requirements, ...party, severity: 'normal',
    parameters: { role: party.role, identity: party.identity, release: '2.0.2', ...calendar },
  };
}

function record(m: ScenarioMeta, outcome: ScenarioRecord['requirements'], broken?: string): ScenarioRecord {
  return {
    scenarioId: m.scenarioId, title: m.title, ...party, endpoint: 'http://127.0.0.1:9', phase: m.phase,
    runbookStep: m.runbookStep, requirements: outcome, durationMs: 5, ...(broken ? { broken } : {}),
  };
}

it('Heenberichten voor T0 verzonden', async ({ task }) => {
  const m = meta('afs-drain-until-heen-stop', 'Heenberichten voor T0 verzonden', ['AFS-1.1', 'AFS-1.2']);
  await labelScenario(m);
  await runbookStep('1.1 Alle beschikbare heenberichten zijn verzonden', async () => {
    await attachXml('WMO501 G0363000001', '<?xml version="1.0"?><Bericht><Header/></Bericht>');
    await attachJson('party state', { outgoing: [{ status: 'sent' }] });
    await attachText('note', 'accepted before T0');
  });
  await attachTimeline([
    { at: '2026-03-30T06:59:00Z', local: '2026-03-30 08:59', utc: '06:59Z', event: 'WMO501 accepted, id G0363000001' },
  ]);
  storeRecord(task, record(m, [{ id: 'AFS-1.1', verdict: 'passed', failures: [] }, { id: 'AFS-1.2', verdict: 'passed', failures: [] }]));
});

it('Retour voor T1 verwerkt', async ({ task }) => {
  const m = meta('afs-retour-processed-by-retour-stop', 'Retour voor T1 verwerkt', ['AFS-1.5']);
  await labelScenario(m);
  const line = '[timing] expected processed by 2026-03-30 17:00 Europe/Amsterdam (15:00Z); not processed [G0363000017]';
  storeRecord(task, record(m, [{ id: 'AFS-1.5', verdict: 'failed', failures: [line] }]));
  throw Object.assign(new Error(`1 finding(s)\nAFS-1.5 ${line}`), { name: 'AssertionError' });
});

it('Geen heen na T0', async ({ task }) => {
  const m = meta('afs-no-heen-after-stop', 'Geen heen na T0', ['AFS-1.3']);
  await labelScenario(m);
  const reason = '[unreachable] party at http://127.0.0.1:9 refused the connection';
  storeRecord(task, record(m, [{ id: 'AFS-1.3', verdict: 'broken', failures: [] }], reason));
  throw new Error(reason);
});
