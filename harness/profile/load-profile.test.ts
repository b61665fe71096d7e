import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadProfile, parseProfile, ProfileError } from './load-profile.js';
import { DEFAULT_PROFILE } from './run-profile.js';
import type { MigrationProfile } from './migration-profile.js';

const defaultJson = (): MigrationProfile => JSON.parse(readFileSync(DEFAULT_PROFILE, 'utf8')) as MigrationProfile;
const problemsOf = (json: unknown): string[] => {
  try {
    parseProfile(json, 'test.json');
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

  it('says which file could not be read, in one message', () => {
    expect(() => loadProfile('/nonexistent/profile.json')).toThrow(/Migration profile \/nonexistent\/profile.json is not usable: 1 problem\(s\)\.\n {2}at \/: the file cannot be read \(ENOENT\)/);
  });
});
