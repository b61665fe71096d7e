import { describe, expect, it } from 'vitest';
import { profileMismatch } from './merge-runs.js';

describe('merging runs judged under a migration profile', () => {
  it('takes runs of the process\'s own profile, and runs written before profiles', () => {
    expect(profileMismatch({ profile: { name: 'ipgb-2.0-2.3', title: 't', synthetic: false, from: '2.0.2', to: '2.3', sha256: 'x' } }, 'ipgb-2.0-2.3')).toBeUndefined();
    expect(profileMismatch({}, 'ipgb-2.0-2.3')).toBeUndefined();
  });

  it('refuses runs of another profile, saying how to read that profile\'s rows', () => {
    expect(profileMismatch({ profile: { name: 'synthetic-9.0-9.1', title: 't', synthetic: true, from: '9.0.1', to: '9.1', sha256: 'x' } }, 'ipgb-2.0-2.3')).toBe(
      'Cannot merge: the runs were judged under the migration profile synthetic-9.0-9.1, but this process reads the requirement rows of ipgb-2.0-2.3. ' +
      'Fix: run it with CONFORMANCE_PROFILE set to the file of synthetic-9.0-9.1, e.g. CONFORMANCE_PROFILE=fixtures/profiles/synthetic-9.0-9.1.json npm run dossier -- …');
  });
});
