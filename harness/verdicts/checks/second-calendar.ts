/**
 * GEN-0.4: "the party acts on the calendar it is configured with, never on dates of its own:
 * every duty above also holds under another calendar of the same shape". A scenario run on the
 * suite's second calendar is judged on its own requirements as usual; this folds those verdicts
 * into the one verdict on GEN-0.4. Any duty broken there fails GEN-0.4, and each finding says
 * which duty and which calendar. The scenario's own ids keep the verdicts of the run's calendar.
 */
import type { Finding } from '../finding.js';
import type { RequirementJudgement } from '../judge.js';

/** The requirement these folded verdicts are filed under. */
export const SECOND_CALENDAR_ID = 'GEN-0.4';

export interface JudgedCalendar {
  /** The second calendar's name, e.g. `tweede-kalender-2026-10-23`. */
  name: string;
}

export function secondCalendarJudgement(judgements: readonly RequirementJudgement[], calendar: JudgedCalendar): RequirementJudgement {
  const findings: Finding[] = judgements.flatMap((j) => j.findings.map((f) => ({
    ...f,
    requirement: SECOND_CALENDAR_ID,
    expected: `on the second calendar ${calendar.name}, ${f.requirement}: ${f.expected}`,
  })));
  const notDue = judgements.flatMap((j) => j.notDue);
  if (findings.length) return { id: SECOND_CALENDAR_ID, verdict: 'failed', findings, notDue };
  if (judgements.some((j) => j.verdict === 'passed')) return { id: SECOND_CALENDAR_ID, verdict: 'passed', findings, notDue };
  const reasons = judgements.map((j) => `${j.id}: ${j.reason ?? 'no reason given'}`);
  const reason = reasons.length ? reasons.join('; ') : 'the scenario verified no requirement of this role';
  return { id: SECOND_CALENDAR_ID, verdict: 'not-tested', findings, notDue, reason: `on the second calendar ${calendar.name}, no duty could be judged: ${reason}` };
}
