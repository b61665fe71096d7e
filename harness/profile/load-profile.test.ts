import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadProfile, parseProfile, ProfileError } from './load-profile.js';
import { DEFAULT_PROFILE } from './run-profile.js';
import type { MigrationProfile, ProfileFile, RequirementsFrom } from './migration-profile.js';

const PROFILES = fileURLToPath(new URL('../../fixtures/profiles/', import.meta.url));
const defaultJson = (): MigrationProfile => JSON.parse(readFileSync(DEFAULT_PROFILE, 'utf8')) as MigrationProfile;
const syntheticJson = (): ProfileFile & { requirements: RequirementsFrom } =>
  JSON.parse(readFileSync(`${PROFILES}synthetic-9.0-9.1.json`, 'utf8')) as ProfileFile & { requirements: RequirementsFrom };
const problemsOf = (json: unknown, scenarioIds?: ReadonlySet<string>): string[] => {
  try {
    parseProfile(json, 'test.json', PROFILES, scenarioIds ? { scenarioIds } : {});
  } catch (e) {
    if (e instanceof ProfileError) return e.problems;
    throw e;
  }
  return [];
};

describe('migration profile loader', () => {
  it('loads the default profile with a hash that names its bytes', () => {
    const { profile, sha256 } = loadProfile(DEFAULT_PROFILE);
    expect(profile.name).toBe('ipgb-2.0-2.3');
    expect(profile.releases.from.id).toBe('2.0.2');
    expect(profile.releases.to.id).toBe('2.3');
    expect(profile.messages).toHaveLength(12);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the place, the fault and the fix for a schema mistake', () => {
    const json = defaultJson() as unknown as Record<string, unknown>;
    delete json['stopRules'];
    (json['releases'] as { to: Record<string, unknown> }).to['xsdVersie'] = 23;
    json['colour'] = 'blue';
    const problems = problemsOf(json);
    expect(problems).toContain('at /: "stopRules" is missing. Fix: add it (see harness/profile/migration-profile.schema.json).');
    expect(problems).toContain('at /: "colour" is not a field of a profile. Fix: remove it or correct its spelling.');
    expect(problems.some((p) => p.startsWith('at /releases/to/xsdVersie: must be string'))).toBe(true);
  });

  it('refuses what a schema cannot see: a shared BerichtCode, a retour the wrong way, an unstopped message, equal releases', () => {
    const json = defaultJson();
    json.messages[1] = { ...json.messages[1]!, berichtCode: '458' };
    json.messages[3] = { ...json.messages[3]!, sender: 'gemeente', receiver: 'svb' };
    json.stopRules = [{ direction: 'heen', from: 'T0', messages: ['501'] }, { direction: 'retour', from: 'T1' }];
    json.releases.to = { ...json.releases.to, namespaceSegment: json.releases.from.namespaceSegment };
    const problems = problemsOf(json);
    expect(problems).toContain('at /messages/1/berichtCode: BerichtCode 458 is also that of /messages/0. Fix: give every message its own BerichtCode.');
    expect(problems).toContain('at /messages/3: JW502 goes gemeente → svb but answers JW501 (gemeente → svb). Fix: a retour goes back the way its heen came.');
    expect(problems).toContain('at /stopRules: no rule stops WMO507 (heen). Fix: add a heen rule that covers it (T0 or T1).');
    expect(problems.some((p) => p.startsWith('at /releases/to/namespaceSegment: is "2_0", the same as the from release\'s'))).toBe(true);
  });

  it('refuses a stop rule naming a message of the other direction, and a default identity off its format', () => {
    const json = defaultJson();
    json.stopRules = [{ direction: 'heen', from: 'T0', messages: ['501', '502', '507'] }, { direction: 'retour', from: 'T1' }];
    json.roles.zorgkantoor = { identityFormat: '^55[0-9]{2}$', described: 'a zorgkantoorcode', defaultIdentity: '0363' };
    const problems = problemsOf(json);
    expect(problems).toContain('at /stopRules/0/messages/1: WMO502 is no heen. Fix: move it to a retour rule.');
    expect(problems).toContain('at /roles/zorgkantoor/defaultIdentity: "0363" does not match ^55[0-9]{2}$. Fix: make the default an identity of the role.');
  });

  it('refuses every mistake in the requirement rows and preconditions, each with its place and fix', () => {
    const json = defaultJson();
    const [first, second] = json.requirements;
    json.requirements[1] = { ...second!, id: first!.id };
    json.requirements[2] = { ...json.requirements[2]!, roles: ['gemeente', 'provincie' as never] };
    const { plicht: _dropped, ...withoutPlicht } = json.requirements[3]!.nl;
    json.requirements[3] = { ...json.requirements[3]!, nl: withoutPlicht as never };
    const problems = problemsOf(json);
    expect(problems.some((p) => p.startsWith('at /requirements/2/roles/1: must be equal to one of the allowed values. Fix: use one of "gemeente", "zorgkantoor", "svb"'))).toBe(true);
    expect(problems).toContain('at /requirements/3/nl: "plicht" is missing. Fix: add it (see harness/profile/migration-profile.schema.json).');

    const shown = defaultJson();
    shown.preconditions[0] = { ...shown.preconditions[0]!, shownBy: 'every' as never };
    expect(problemsOf(shown)).toEqual(['at /preconditions/0/shownBy: has none of the allowed forms. Fix: give "all" (every requirement of the role) or a list of requirement ids.']);

    const rows = defaultJson();
    rows.requirements[1] = { ...rows.requirements[1]!, id: rows.requirements[0]!.id };
    rows.requirements[4] = { ...rows.requirements[4]!, duty: 'sent after T2 as {too}', nl: { ...rows.requirements[4]!.nl, bron: undefined as never } };
    delete rows.requirements[4]!.nl.bron;
    const ing35 = rows.requirements.findIndex((r) => r.id === 'ING-3.5');
    rows.requirements[ing35] = { ...rows.requirements[ing35]!, nl: { ...rows.requirements[ing35]!.nl, draaiboek: { svb: 'De SVB {to}' }, bron: 'stap 9' } };
    rows.preconditions[1] = { ...rows.preconditions[1]!, shownBy: ['ING-3.1', 'ING-9.9'] };
    rows.preconditions[2] = { ...rows.preconditions[2]!, nr: rows.preconditions[0]!.nr };
    delete rows.preconditions[3]!.draaiboek;
    expect(problemsOf(rows)).toEqual([
      'at /requirements/1/id: AFS-1.1 is listed twice. Fix: give every requirement one row; ids never change meaning, a new duty gets a new id.',
      'at /requirements/4/duty: {too} is not a placeholder. Fix: use {from} or {to} (the release ids), or write the text out.',
      'at /requirements/4/nl: AFS-1.5 quotes the runbook without "bron". Fix: say where the words stand (e.g. "stap 1.1, maandag 30 maart 2026 09.00 uur").',
      `at /requirements/${ing35}/nl/draaiboek/svb: the runbook quote holds {to}. Fix: quote the runbook's words exactly; placeholders belong in the suite's own prose.`,
      `at /requirements/${ing35}/nl/draaiboek/svb: ING-3.5 does not apply to svb. Fix: quote for a role of gemeente, zorgkantoor, or for "alle".`,
      `at /preconditions/1/shownBy/1: ING-9.9 is no requirement of this profile. Fix: name an id of /requirements (${[...new Set(rows.requirements.map((r) => r.id))].join(', ')}).`,
      'at /preconditions/2/nr: precondition 4.2.1 is listed twice. Fix: list every precondition once.',
      'at /preconditions/3: precondition 4.3.2 has no "draaiboek". Fix: quote the runbook\'s chapter 4 words exactly.',
    ]);
  });

  it('refuses a switch row twice, naming an unknown precondition, and a switch precondition without its runbook words', () => {
    const json = defaultJson();
    json.switchRequirements[1] = { ...json.switchRequirements[1]!, id: json.switchRequirements[0]!.id, preconditions: ['4.5.1', '4.7.1'] };
    json.switchRequirements[2] = { ...json.switchRequirements[2]!, duty: 'a {release} retour' };
    delete json.switchPreconditions[3]!.draaiboek;
    expect(problemsOf(json)).toEqual([
      'at /switchPreconditions/3: precondition 4.6.2 has no "draaiboek". Fix: quote the runbook\'s chapter 4 words exactly.',
      'at /switchRequirements/1/id: SW-1.1 is listed twice. Fix: give every switch requirement one row.',
      'at /switchRequirements/1/preconditions/1: 4.7.1 is no switch precondition of this profile. Fix: name one of /switchPreconditions (4.5.1, 4.5.2, 4.6.1, 4.6.2).',
      'at /switchRequirements/2/duty: {release} is not a placeholder. Fix: use {from} or {to} (the release ids), or write the text out.',
    ]);
  });

  it('refuses a runbook quote in a synthetic profile, which has no runbook', () => {
    const json = syntheticJson();
    expect(problemsOf(json)).toEqual([]);
    json.requirements.amend![0] = { ...json.requirements.amend![0]!, nl: { ...json.requirements.amend![0]!.nl, draaiboek: { alle: 'Alle heenberichten zijn verzonden.' }, bron: 'stap 1.1' } };
    json.preconditions[0] = { ...json.preconditions[0]!, draaiboek: 'De zorgkantoren hebben een geslaagde ketentest uitgevoerd.' };
    expect(problemsOf(json)).toEqual([
      'at /requirements/amend/0/nl: AFS-1.1 quotes a runbook. Fix: a synthetic profile has no runbook: give the duty in its own words (plicht) and no quote; remove "draaiboek" and "bron".',
      'at /preconditions/0/draaiboek: precondition 4.2.1 quotes a runbook. Fix: a synthetic profile has no runbook: give the duty in its own words (plicht) and no quote; remove "draaiboek".',
    ]);
  });

  it('takes the rows of another profile of the standard: without its runbook quotes, the step as this profile shows it, amended where it says', () => {
    const loaded = loadProfile(`${PROFILES}synthetic-9.0-9.1.json`);
    const national = loadProfile(DEFAULT_PROFILE).profile;
    expect(loaded.profile.requirements.map((r) => r.id)).toEqual(national.requirements.map((r) => r.id));
    expect(loaded.requirementsFrom).toEqual({ path: DEFAULT_PROFILE, sha256: loadProfile(DEFAULT_PROFILE).sha256 });
    const [afs11, afs12] = loaded.profile.requirements;
    expect(afs11!.runbookStep).toBe('synthetic (iPgb 1.1)');
    expect(afs11!.nl.draaiboek).toBeUndefined();
    expect(afs11!.nl.bron).toBeUndefined();
    expect(afs11!.duty).toContain('this profile: T0 for a 507, T1 for a 501');
    // What the amendment leaves alone is the catalogue's.
    expect(afs12!.nl.misging).toBe(national.requirements[1]!.nl.misging);
    expect(loaded.profile.requirements.find((r) => r.id === 'GEN-0.1')).toEqual({ ...national.requirements.find((r) => r.id === 'GEN-0.1'), runbookStep: 'synthetic (iPgb berichten)' });
  });

  it('refuses every mistake in taking rows from another profile, each with its place and fix', () => {
    const missing = syntheticJson();
    missing.requirements.extends = 'ipgb-2.0-2.4.json';
    expect(problemsOf(missing)).toEqual([expect.stringMatching(/^at \/requirements\/extends: ipgb-2.0-2.4.json cannot be used: at \/: the file cannot be read \(ENOENT\).*Fix: name a profile file, relative to this one\.$/)]);
    const chain = syntheticJson();
    chain.requirements.extends = 'synthetic-9.0-9.1.json';
    expect(problemsOf({ ...chain, name: 'synthetic-copy' })).toEqual(['at /requirements/extends: synthetic-9.0-9.1.json does not list its requirement rows (it takes them from elsewhere, or has none). Fix: extend the profile that lists the rows itself.']);
    const amended = syntheticJson();
    amended.requirements.amend!.push({ id: 'AFS-1.9', duty: 'x' }, { id: 'AFS-1.1', severity: 'blocker' });
    expect(problemsOf(amended)).toEqual([
      'at /requirements/amend/8/id: AFS-1.9 is no requirement of ipgb-2.0-2.3.json. Fix: add its row to ipgb-2.0-2.3.json (every profile that extends it then has it), or correct the id.',
      'at /requirements/amend/9/id: AFS-1.1 is amended twice. Fix: amend every row once.',
    ]);
    const wording = syntheticJson();
    wording.requirements.amend![1] = { ...wording.requirements.amend![1]!, duty: 'no heen from {stop}' };
    expect(problemsOf(wording)).toEqual(['at /requirements/amend/1/duty: {stop} is not a placeholder. Fix: use {from} or {to} (the release ids), or write the text out.']);
    const bare = syntheticJson();
    bare.requirements.amend![0] = { id: 'AFS-1.1' };
    expect(problemsOf(bare)).toEqual([expect.stringMatching(/^at \/requirements\/amend\/0: must NOT have fewer than 2 properties/)]);
    const shape = syntheticJson() as unknown as { requirements: unknown };
    shape.requirements = { from: 'ipgb-2.0-2.3.json' };
    expect(problemsOf(shape)).toContain('at /requirements: has none of the allowed forms. Fix: list the requirement rows, or give { "extends": "<profile>.json" } to take them from another profile of the standard.');
  });

  it('refuses a row naming a scenario suites/ does not have, when it is told the scenarios', () => {
    const scenarios = new Set(['afs-drain-until-heen-stop']);
    const listed = defaultJson();
    listed.requirements[2] = { ...listed.requirements[2]!, verifiedBy: ['afs-drain-until-heen-stop', 'afs-drain-untill-heen-stop'] };
    expect(problemsOf(listed)).toEqual([]);
    expect(problemsOf(listed, scenarios)).toEqual(['at /requirements/2/verifiedBy/1: "afs-drain-untill-heen-stop" is no scenario of suites/. Fix: name a scenario by its stable id, as scenario({ id }) in suites/ and records.jsonl give it.']);
    const amended = syntheticJson();
    amended.requirements.amend![1] = { ...amended.requirements.amend![1]!, verifiedBy: ['afs-nope'] };
    expect(problemsOf(amended, scenarios)).toEqual(['at /requirements/amend/1/verifiedBy/0: "afs-nope" is no scenario of suites/. Fix: name a scenario by its stable id, as scenario({ id }) in suites/ and records.jsonl give it.']);
    listed.requirements[2]!.verifiedBy = ['Not An Id'];
    expect(problemsOf(listed)).toEqual(['at /requirements/2/verifiedBy/0: does not match ^[a-z0-9]+(-[a-z0-9]+)*$. Fix: correct the value.']);
  });

  it('says which file could not be read, in one message', () => {
    expect(() => loadProfile('/nonexistent/profile.json')).toThrow(/Migration profile \/nonexistent\/profile.json is not usable: 1 problem\(s\)\.\n {2}at \/: the file cannot be read \(ENOENT\)/);
  });
});
