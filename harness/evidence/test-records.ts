/** Small record and environment builders for the evidence unit tests. */
import type { Role } from '../messages/model.js';
import type { RequirementId } from '../verdicts/requirements.js';
import type { RequirementOutcome, ScenarioRecord } from './scenario-record.js';
import type { SummaryEnv } from './summary.js';

export const ENV: SummaryEnv = {
  suiteVersion: '0.1.0',
  startedAt: '2026-11-30T10:00:00Z',
  calendar: { heenStop: '2026-03-30T09:00:00+02:00', retourStop: '2026-03-30T17:00:00+02:00', goLive: '2026-04-01T09:00:00+02:00' },
  schemas: { source: 'bundled', sha256: { '2.0.2/wmo501.xsd': 'a'.repeat(64), '2.3/wmo501.xsd': 'b'.repeat(64) } },
  parties: [
    { role: 'gemeente', identity: '0363', endpoint: 'http://127.0.0.1:8080' },
    { role: 'svb', identity: 'SVB', endpoint: 'http://127.0.0.1:8081', image: 'svb/party:1.2', digest: 'sha256:feed' },
  ],
};

export const outcome = (id: RequirementId, verdict: RequirementOutcome['verdict'], failures: string[] = []): RequirementOutcome =>
  ({ id, verdict, failures });

export function rec(scenarioId: string, role: Role, identity: string, requirements: RequirementOutcome[], broken?: string): ScenarioRecord {
  return {
    scenarioId, title: `Scenario ${scenarioId}`, role, identity, endpoint: 'http://127.0.0.1:8080',
    phase: 'Afsluiting', runbookStep: '1.1 Alle beschikbare heenberichten zijn verzonden', requirements, durationMs: 1,
    ...(broken ? { broken } : {}),
  };
}
