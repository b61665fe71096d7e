import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appliesTo, preconditions, requirement, requirementIds } from './requirements.js';
import { loadProfile } from '../profile/load-profile.js';
import { DEFAULT_PROFILE } from '../profile/run-profile.js';
import { scenarioCatalog } from '../cli/scenario-selection.js';

/**
 * The ids of cutover.md as of issue 12, frozen with their phase: ids are stable, so none may
 * disappear or move to another phase. New ids are added (a row in the standard's catalogue and a
 * check); this list is not extended for them.
 */
const FROZEN: Readonly<Record<string, string>> = {
  'AFS-1.1': 'Afsluiting', 'AFS-1.2': 'Afsluiting', 'AFS-1.3': 'Afsluiting', 'AFS-1.4': 'Afsluiting', 'AFS-1.5': 'Afsluiting',
  'TRA-2.1': 'Transitie', 'TRA-2.2': 'Transitie', 'TRA-2.3': 'Transitie',
  'ING-3.1': 'Ingebruikname', 'ING-3.2': 'Ingebruikname', 'ING-3.3': 'Ingebruikname', 'ING-3.4': 'Ingebruikname', 'ING-3.5': 'Ingebruikname', 'ING-3.6': 'Ingebruikname',
  'GEN-0.1': 'Algemeen', 'GEN-0.2': 'Algemeen', 'GEN-0.3': 'Algemeen', 'GEN-0.4': 'Algemeen',
};

/** Which frozen ids a profile lost or moved: `AFS-1.1 is gone`, `AFS-1.1 moved to Transitie`. */
function unstableIds(rows: ReadonlyArray<{ id: string; phase: string }>): string[] {
  return Object.entries(FROZEN).flatMap(([id, phase]) => {
    const row = rows.find((r) => r.id === id);
    return !row ? [`${id} is gone`] : row.phase !== phase ? [`${id} moved from ${phase} to ${row.phase}`] : [];
  });
}

const PROFILES = fileURLToPath(new URL('../../fixtures/profiles/', import.meta.url));

describe('requirements', () => {
  it.each(['ipgb-2.0-2.3.json', 'synthetic-9.0-9.1.json'])('%s keeps every frozen id, in its phase', (file) => {
    expect(unstableIds(loadProfile(join(PROFILES, file)).profile.requirements)).toEqual([]);
  });

  it.each(['ipgb-2.0-2.3.json', 'synthetic-9.0-9.1.json'])('%s names only scenarios suites/ declares in verifiedBy', (file) => {
    const scenarioIds = new Set(scenarioCatalog(fileURLToPath(new URL('../..', import.meta.url))).keys());
    expect(scenarioIds.size).toBeGreaterThan(20);
    expect(() => loadProfile(join(PROFILES, file), { scenarioIds })).not.toThrow();
  });

  it('sees an id that disappears or changes phase, and lets a new one be added', () => {
    const rows = Object.entries(FROZEN).map(([id, phase]) => ({ id, phase }));
    expect(unstableIds([...rows.filter((r) => r.id !== 'TRA-2.2'), { id: 'AFS-1.9', phase: 'Afsluiting' }])).toEqual(['TRA-2.2 is gone']);
    expect(unstableIds(rows.map((r) => (r.id === 'GEN-0.3' ? { ...r, phase: 'Transitie' } : r)))).toEqual(['GEN-0.3 moved from Algemeen to Transitie']);
  });

  it('lists the frozen ids in the order of cutover.md', () => {
    const ids = requirementIds(loadProfile(DEFAULT_PROFILE).profile);
    expect(ids.filter((id) => id in FROZEN)).toEqual(Object.keys(FROZEN));
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

  it('shows the chain-test preconditions by every id, the go-live ones by ING-3.1 to ING-3.6', () => {
    const all = requirementIds().length;
    expect(preconditions().map((p) => [p.nr, p.role, p.shownBy.length])).toEqual([
      ['4.2.1', 'zorgkantoor', all], ['4.2.2', 'zorgkantoor', 6], ['4.3.1', 'gemeente', all], ['4.3.2', 'gemeente', 6], ['4.4.1', 'svb', all], ['4.4.2', 'svb', 6],
    ]);
  });
});
