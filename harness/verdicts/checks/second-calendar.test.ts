import { describe, expect, it } from 'vitest';
import type { RequirementJudgement } from '../judge.js';
import { findingLine } from '../finding.js';
import { secondCalendarJudgement } from './second-calendar.js';

const cal = { name: 'tweede-kalender-2026-10-23' };
const passed = (id: RequirementJudgement['id']): RequirementJudgement => ({ id, verdict: 'passed', findings: [], notDue: [] });
const failed: RequirementJudgement = {
  id: 'AFS-1.2', verdict: 'failed', notDue: [],
  findings: [{ requirement: 'AFS-1.2', category: 'timing', expected: 'no heen submitted in [T0, T2)', happened: 'WMO501 submitted at Fri 2026-10-23 09:30', messageIds: ['G0363000001'] }],
};
const notTested: RequirementJudgement = { id: 'TRA-2.1', verdict: 'not-tested', findings: [], notDue: [{ duty: 'send it after T2' }], reason: 'the scenario ended at T2' };

describe('secondCalendarJudgement: GEN-0.4 from the verdicts on the second calendar', () => {
  it('fails GEN-0.4 with every finding there, naming the duty and the calendar', () => {
    const j = secondCalendarJudgement([passed('AFS-1.1'), failed], cal);
    expect(j.id).toBe('GEN-0.4');
    expect(j.verdict).toBe('failed');
    expect(j.findings).toHaveLength(1);
    expect(j.findings[0]).toMatchObject({ requirement: 'GEN-0.4', category: 'timing', messageIds: ['G0363000001'] });
    expect(findingLine(j.findings[0]!)).toBe('[timing] expected on the second calendar tweede-kalender-2026-10-23, AFS-1.2: no heen submitted in [T0, T2); WMO501 submitted at Fri 2026-10-23 09:30 [G0363000001]');
  });

  it('passes GEN-0.4 when every duty judged there held, even if one could not be judged', () => {
    expect(secondCalendarJudgement([passed('AFS-1.1'), notTested], cal)).toMatchObject({ verdict: 'passed', findings: [] });
  });

  it('leaves GEN-0.4 not tested, with the reasons, when nothing could be judged there', () => {
    const j = secondCalendarJudgement([notTested], cal);
    expect(j.verdict).toBe('not-tested');
    expect(j.reason).toBe('on the second calendar tweede-kalender-2026-10-23, no duty could be judged: TRA-2.1: the scenario ended at T2');
  });

  it('files every outcome under GEN-0.4 and keeps the duties not yet due there', () => {
    const pass = secondCalendarJudgement([passed('AFS-1.1'), notTested], cal);
    expect(pass).toMatchObject({ id: 'GEN-0.4', verdict: 'passed', notDue: [{ duty: 'send it after T2' }] });
    expect(secondCalendarJudgement([notTested], cal)).toMatchObject({ id: 'GEN-0.4', notDue: [{ duty: 'send it after T2' }] });
  });

  it('lists the reason of each duty that could not be judged, and says when none was given or none was there', () => {
    const bare: RequirementJudgement = { id: 'AFS-1.3', verdict: 'not-tested', findings: [], notDue: [] };
    expect(secondCalendarJudgement([notTested, bare], cal).reason)
      .toBe('on the second calendar tweede-kalender-2026-10-23, no duty could be judged: TRA-2.1: the scenario ended at T2; AFS-1.3: no reason given');
    expect(secondCalendarJudgement([], cal)).toMatchObject({
      id: 'GEN-0.4', verdict: 'not-tested',
      reason: 'on the second calendar tweede-kalender-2026-10-23, no duty could be judged: the scenario verified no requirement of this role',
    });
  });
});
