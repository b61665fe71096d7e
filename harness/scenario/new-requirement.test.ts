/**
 * A new requirement the way a maintainer adds one: one row in the standard's catalogue (the
 * default profile, which the synthetic one extends) and one check. Here the row goes into a
 * temporary copy of the profiles, which this process runs under (CONFORMANCE_PROFILE), and the
 * check is given to the judge; nothing else changes. The id is then judged, summarised, in the
 * dossier's matrix, chosen by `--only`, verified by the scenario its row names, and present under
 * the profile that extends the catalogue.
 */
import { vi, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ProfileRequirement } from '../profile/migration-profile.js';

const scratch = await vi.hoisted(async () => {
  const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const profiles = fileURLToPath(new URL('../../fixtures/profiles/', import.meta.url));
  const dir = mkdtempSync(path.join(tmpdir(), 'new-requirement-'));
  const copy = (file: string, change: (json: Record<string, unknown>) => void): string => {
    const json = JSON.parse(readFileSync(path.join(profiles, file), 'utf8')) as Record<string, unknown>;
    json['$schema'] = undefined;
    json['nationalCalendar'] = path.resolve(profiles, json['nationalCalendar'] as string);
    change(json);
    writeFileSync(path.join(dir, file), JSON.stringify(json));
    return path.join(dir, file);
  };
  const row: ProfileRequirement = {
    id: 'AFS-1.9', runbookStep: '1.1', phase: 'Afsluiting', roles: ['gemeente', 'zorgkantoor', 'svb'], severity: 'normal',
    duty: 'every heen submitted before T0 is a {from} heen',
    nl: { plicht: 'Elk heenbericht dat vóór T0 wordt ingediend, is een iPgb {from}-bericht.', misging: 'Vóór T0 ging een heenbericht in een andere release.', betekent: 'De ontvanger kan het niet verwerken.' },
    verifiedBy: ['afs-drain-until-heen-stop'],
  };
  const national = copy('ipgb-2.0-2.3.json', (json) => (json['requirements'] as unknown[]).push(row));
  const synthetic = copy('synthetic-9.0-9.1.json', () => undefined);
  process.env['CONFORMANCE_PROFILE'] = national;
  return { national, synthetic, row };
});

const { loadProfile } = await import('../profile/load-profile.js');
const { runProfile, runProfileFile } = await import('../profile/run-profile.js');
const { checkTableProblems, judge, PARTY_CHECKS } = await import('../verdicts/judge.js');
const { outcome, when } = await import('../verdicts/checks/check.js');
const { requirement, requirementIds, requirementTextNl } = await import('../verdicts/requirements.js');
const { ObservationsBuilder, T0, T2, ms, ownHeen, toekenning } = await import('../verdicts/checks/checks-fixture.js');
const { definitionUnder, registrationFor } = await import('./define-scenario.js');
const { buildSummary } = await import('../evidence/summary.js');
const { summaryProfile } = await import('../evidence/summary-profile.js');
const { dossierView } = await import('../evidence/dossier-model.js');
const { parseConformanceArgs } = await import('../cli/conformance-args.js');
const { ENV, rec } = await import('../../fixtures/evidence/test-records.js');
type CheckTable = import('../verdicts/checks/check.js').CheckTable;
type Observations = import('../verdicts/observations.js').Observations;
type ObservedTraffic = import('../verdicts/traffic.js').ObservedTraffic;

/** The check a maintainer writes beside the row: every heen before T0 in the from release. */
const withNewCheck: CheckTable = {
  ...PARTY_CHECKS,
  'AFS-1.9': (obs: Observations, traffic: ObservedTraffic) => outcome(traffic.heenSubmissions
    .filter((s) => DateTime.fromISO(s.entry.at) < obs.calendar.heenStop && s.entry.release !== obs.profile.releases.from.id)
    .map((s) => ({
      requirement: 'AFS-1.9', category: 'content' as const, expected: `a ${obs.profile.releases.from.id} heen before ${when(obs, obs.calendar.heenStop)}`,
      happened: `${s.entry.name} ${s.entry.identificatie} went as ${s.entry.release}`, messageIds: [s.entry.identificatie ?? ''],
    }))),
};

const DRAIN = {
  id: 'afs-drain-until-heen-stop', title: 'Alle beschikbare heenberichten zijn verzonden vóór de heenstop', phase: 'Afsluiting' as const,
  runbookStep: '1.1 Alle beschikbare heenberichten zijn verzonden', verifies: ['AFS-1.1', 'AFS-1.2', 'GEN-0.1', 'GEN-0.2'], alsoOnSecondCalendar: true,
};

describe('a new requirement: one row and one check', () => {
  it('runs under the copy with the row, which the loader accepts with the scenario it names', () => {
    expect(runProfileFile().path).toBe(scratch.national);
    expect(requirementIds().at(-1)).toBe('AFS-1.9');
    expect(requirement('AFS-1.9').duty).toBe('every heen submitted before T0 is a 2.0.2 heen');
    expect(requirementTextNl('AFS-1.9').plicht).toBe('Elk heenbericht dat vóór T0 wordt ingediend, is een iPgb 2.0.2-bericht.');
    const scenarioIds = new Set(['afs-drain-until-heen-stop']);
    expect(loadProfile(scratch.national, { scenarioIds }).profile.requirements).toContainEqual(scratch.row);
  });

  it('is refused without its check, naming the profile and the checks folder, and accepted with it', () => {
    expect(checkTableProblems(runProfileFile())).toEqual([
      `AFS-1.9 is a requirement of the profile ${scratch.national} but has no check in harness/verdicts/checks/. Fix: add its check to a CheckTable there, or remove the row.`,
    ]);
    expect(() => judge(['AFS-1.1'], new ObservationsBuilder().build())).toThrow(/AFS-1\.9 is a requirement of the profile .* but has no check/);
    expect(checkTableProblems(runProfileFile(), withNewCheck)).toEqual([]);
  });

  it('is judged by its check: passed, and failed with the message ids', () => {
    const right = new ObservationsBuilder();
    right.submit(ms(T0, -60_000), ownHeen(toekenning(1), 'G0363000001', ms(T0, -60_000)));
    right.visit(ms(T2, 1));
    expect(judge(['AFS-1.9'], right.build(), withNewCheck)).toMatchObject([{ id: 'AFS-1.9', verdict: 'passed' }]);
    const wrong = new ObservationsBuilder();
    wrong.submit(ms(T0, -60_000), ownHeen(toekenning(1), 'G0363000002', ms(T0, -60_000), '2.3'));
    expect(judge(['AFS-1.9'], wrong.build(), withNewCheck)).toMatchObject([{ id: 'AFS-1.9', verdict: 'failed', findings: [{ messageIds: ['G0363000002'] }] }]);
  });

  it('is verified by the scenario its row names, on both calendars, and chosen by --only', () => {
    const drain = definitionUnder(DRAIN);
    expect(drain.verifies).toEqual(['AFS-1.1', 'AFS-1.2', 'GEN-0.1', 'GEN-0.2', 'AFS-1.9']);
    expect(definitionUnder(drain)).toEqual(drain);
    expect(registrationFor(drain, 'svb', 'run', { only: ['AFS-1.9'] })).toEqual({ kind: 'judge', ids: ['AFS-1.9'] });
    expect(registrationFor(drain, 'gemeente', 'second', {})).toEqual({ kind: 'judge', ids: drain.verifies });
    const other = definitionUnder({ ...DRAIN, id: 'tra-events-while-chain-is-closed', verifies: ['TRA-2.1'] });
    expect(other.verifies).toEqual(['TRA-2.1']);
    expect(registrationFor(other, 'gemeente', 'run', { only: ['AFS-1.9'] })).toEqual({ kind: 'not-run', verdict: 'not-tested', reason: 'niet gekozen met --only AFS-1.9' });
    const args = parseConformanceArgs(['--profile', scratch.national, '--only', 'AFS-1.9'], process.cwd(), {});
    expect('error' in args ? args.error : (args as { only?: string[] }).only).toEqual(['AFS-1.9']);
  });

  it('is refused by --profile when its row names a scenario suites/ does not have', () => {
    const typo = scratch.national.replace(/\.json$/, '-typo.json');
    writeFileSync(typo, readFileSync(scratch.national, 'utf8').replace('"afs-drain-until-heen-stop"', '"afs-drain-until-heenstop"'));
    const args = parseConformanceArgs(['--profile', typo], process.cwd(), {});
    expect('error' in args && args.error).toMatch(/^--profile .*-typo\.json is not a usable migration profile: at \/requirements\/18\/verifiedBy\/0: "afs-drain-until-heenstop" is no scenario of suites\/\. Fix: name a scenario by its stable id/);
  });

  it('shows in summary.json and in the dossier\'s matrix, not tested where no scenario verified it', () => {
    const env = { ...ENV, profile: summaryProfile(runProfileFile()) };
    const records = [rec('afs-drain-until-heen-stop', 'gemeente', '0363', [{ id: 'AFS-1.9', verdict: 'passed', findings: [] }])];
    const summary = buildSummary(records, env);
    const [gemeente, svb] = summary.parties;
    expect(gemeente!.requirements['AFS-1.9']).toMatchObject({ verdict: 'passed', tests: 1 });
    expect(svb!.requirements['AFS-1.9']).toMatchObject({ verdict: 'not-tested', reason: 'no scenario of this run verified it' });
    const matrix = dossierView([{ summary, records }]).parties.find((p) => p.role === 'gemeente')!.rows;
    expect(matrix.find((r) => r.id === 'AFS-1.9')).toMatchObject({ phase: 'Afsluiting', plicht: 'Elk heenbericht dat vóór T0 wordt ingediend, is een iPgb 2.0.2-bericht.' });
  });

  it('is a requirement of the profile that extends the catalogue too, in its own words', () => {
    const { profile } = loadProfile(scratch.synthetic);
    expect(profile.requirements.find((r) => r.id === 'AFS-1.9')).toEqual({ ...scratch.row, runbookStep: 'synthetic (iPgb 1.1)' });
    expect(requirement('AFS-1.9', profile).duty).toBe('every heen submitted before T0 is a 9.0.1 heen');
    expect(checkTableProblems({ profile, path: scratch.synthetic }, withNewCheck)).toEqual([]);
    // summary.json pins the catalogue the rows came from beside the profile's own bytes.
    expect(summaryProfile(loadProfile(scratch.synthetic)).requirementsFrom).toEqual({ file: 'ipgb-2.0-2.3.json', sha256: loadProfile(scratch.national).sha256 });
    expect(summaryProfile(runProfileFile()).requirementsFrom).toBeUndefined();
    expect(runProfile().name).toBe('ipgb-2.0-2.3');
  });
});
