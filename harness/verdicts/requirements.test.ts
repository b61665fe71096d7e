import { describe, expect, it } from 'vitest';
import { appliesTo, preconditions, requirement, requirementIds } from './requirements.js';

describe('requirements', () => {
  it('lists the ids of cutover.md in its order', () => {
    expect(requirementIds()).toEqual([
      'AFS-1.1', 'AFS-1.2', 'AFS-1.3', 'AFS-1.4', 'AFS-1.5', 'TRA-2.1', 'TRA-2.2', 'TRA-2.3',
      'ING-3.1', 'ING-3.2', 'ING-3.3', 'ING-3.4', 'ING-3.5', 'ING-3.6', 'GEN-0.1', 'GEN-0.2', 'GEN-0.3', 'GEN-0.4',
    ]);
  });

  it('finds a requirement by its id', () => {
    expect(requirement('AFS-1.2')).toMatchObject({ id: 'AFS-1.2', runbookStep: '1.1, 1.2', phase: 'Afsluiting', duty: 'no heen is submitted in [T0, T2)' });
    expect(requirement('GEN-0.4').id).toBe('GEN-0.4');
  });

  it('refuses an unknown id, listing the known ones', () => {
    expect(() => requirement('AFS-9.9' as never)).toThrow(`Unknown requirement id AFS-9.9: the ids are those of the migration profile ipgb-2.0-2.3 (${requirementIds().join(', ')}).`);
  });

  it('applies TR507 (ING-3.5) to the budget providers only, everything else to every role', () => {
    expect(appliesTo('ING-3.5', 'gemeente')).toBe(true);
    expect(appliesTo('ING-3.5', 'zorgkantoor')).toBe(true);
    expect(appliesTo('ING-3.5', 'svb')).toBe(false);
    for (const id of requirementIds().filter((x) => x !== 'ING-3.5')) expect(appliesTo(id, 'svb'), id).toBe(true);
  });

  it('shows the chain-test preconditions by every id, the 2.3 ones by ING-3.1 to ING-3.6', () => {
    expect(preconditions().map((p) => [p.nr, p.role, p.shownBy.length])).toEqual([
      ['4.2.1', 'zorgkantoor', 18], ['4.2.2', 'zorgkantoor', 6], ['4.3.1', 'gemeente', 18], ['4.3.2', 'gemeente', 6], ['4.4.1', 'svb', 18], ['4.4.2', 'svb', 6],
    ]);
  });
});
