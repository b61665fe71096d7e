/**
 * The one result vocabulary (cutover.md "Verdicts", plus `broken`). Every record, summary and
 * report speaks in these words; narrower types are cut from this one, never spelled again.
 */

/**
 * `passed`, `failed`; `not-applicable` (the role, or the migration profile, has no such duty:
 * verdicts/profile-duties.ts); `not-tested` (the duty applies but this run could not test it,
 * always with the reason); `broken` (a test that could not judge at all: party unreachable,
 * deadline passed, harness error), which the summary reports as `not-tested` with that reason.
 */
export type Result = 'passed' | 'failed' | 'not-applicable' | 'not-tested' | 'broken';

/** What summary.json states per requirement and party (run-summary.md). */
export type Verdict = Exclude<Result, 'broken'>;

/** What a check can conclude from one scenario's observations. */
export type JudgedVerdict = Extract<Result, 'passed' | 'failed' | 'not-tested'>;

/**
 * Why a test could not judge, as data: the reason's text starts with the same word in brackets for
 * a human reader, but code decides on this field, never on the text.
 */
export type BrokenBy = 'harness' | 'unauthorized' | 'unreachable' | 'protocol' | 'deadline' | 'switch';
