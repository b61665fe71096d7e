import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadProfile } from '../profile/load-profile.js';
import { switchPreconditions, switchRequirement, switchRowProblems, SWITCH_REQUIREMENT_IDS } from './switch-requirements.js';

const synthetic = loadProfile(join(process.cwd(), 'fixtures/profiles/synthetic-9.0-9.1.json')).profile;

describe('the switch requirement rows of the profile', () => {
  it('fill the releases into the duty and quote the runbook in the default profile', () => {
    expect(switchRequirement('SW-2.3').duty).toBe('from T2 a 2.0.2 heen (501, 507) is refused with IB004 and HTTP 422: only iPgb 2.3 is exchanged');
    expect(switchPreconditions().map((pc) => [pc.nr, pc.role, pc.shownBy.length])).toEqual([['4.5.1', 'BIDN', 5], ['4.5.2', 'BIDN', 8], ['4.6.1', 'VECOZO', 5], ['4.6.2', 'VECOZO', 8]]);
    expect(switchPreconditions()[1]!.text).toBe('BIDN heeft de systemen zo ingericht en getest dat deze op 1 april 2026 iPgb 2.3-berichten ondersteunen.');
  });

  it('give the synthetic profile its own words, with its releases and no runbook quote', () => {
    expect(switchRequirement('SW-2.3', synthetic).duty).toBe('from T2 a 9.0.1 heen (501, 507) is refused with IB004 and HTTP 422: only iPgb 9.1 is exchanged');
    expect(switchPreconditions(synthetic)[1]!.text).toBe('Synthetisch: BIDN ondersteunt vanaf de ingebruikname 9.1-berichten');
  });

  it('refuse a row no switch check judges and a judged id without a row, naming both files', () => {
    const rows = [...SWITCH_REQUIREMENT_IDS.filter((id) => id !== 'SW-4.3'), 'SW-5.1'].map((id) => ({ id }));
    expect(switchRowProblems(rows, 'fixtures/profiles/copy.json')).toEqual([
      'SW-5.1 is a switch requirement of the profile fixtures/profiles/copy.json but no switch check judges it (harness/switch-sut/switch-checks.ts, SWITCH_REQUIREMENT_IDS in harness/switch-sut/switch-requirements.ts). Fix: add its check, or remove the row.',
      'harness/switch-sut/switch-checks.ts judges SW-4.3, but the profile fixtures/profiles/copy.json has no row for it. Fix: add it to "switchRequirements" in fixtures/profiles/copy.json.',
    ]);
    expect(() => switchRequirement('SW-1.1', { ...synthetic, switchRequirements: synthetic.switchRequirements.slice(1) }))
      .toThrow(/^The switch requirement rows and the switch checks do not match:\n {2}harness\/switch-sut\/switch-checks.ts judges SW-1.1, but the profile synthetic-9.0-9.1 has no row/);
  });
});
