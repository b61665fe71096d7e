import { describe, expect, it } from 'vitest';
import { boundedLines, failureMessage, findingCategories, findingLine, MAX_FINDINGS_SHOWN, type Finding } from './finding.js';
import { requirement } from './requirements.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  requirement: 'AFS-1.1', category: 'lost', expected: 'accepted before T0', happened: 'not accepted', messageIds: ['G1'], ...over,
});
const many = (n: number, over: Partial<Finding> = {}): Finding[] =>
  Array.from({ length: n }, (_, i) => finding({ expected: `heen for event i-${i + 1} accepted`, messageIds: [`event i-${i + 1}`], ...over }));

describe('boundedLines', () => {
  const more = (left: number) => `and ${left} more`;
  it('keeps a list of at most max lines as it is', () => {
    expect(boundedLines(['a', 'b'], 2, more)).toEqual(['a', 'b']);
    expect(boundedLines([], 2, more)).toEqual([]);
  });
  it('cuts a longer list to max lines and says how many were left out', () => {
    expect(boundedLines(['a', 'b', 'c'], 2, more)).toEqual(['a', 'b', 'and 1 more']);
    expect(boundedLines(['a', 'b', 'c', 'd', 'e'], 1, more)).toEqual(['a', 'and 4 more']);
  });
  it('returns a copy, never the caller\'s array', () => {
    const lines = ['a'];
    expect(boundedLines(lines, 5, more)).not.toBe(lines);
  });
});

describe('findingCategories', () => {
  it('lists each category once, in the order it first appears', () => {
    const list = [finding({ category: 'timing' }), finding({ category: 'lost' }), finding({ category: 'timing' })];
    expect(findingCategories(list)).toEqual(['timing', 'lost']);
    expect(findingCategories([])).toEqual([]);
  });
});

describe('findingLine', () => {
  it('reads category, expectation, what happened and the ids', () => {
    expect(findingLine(finding())).toBe('[lost] expected accepted before T0; not accepted [G1]');
  });
  it('leaves the id list out when no message is involved', () => {
    expect(findingLine(finding({ messageIds: [] }))).toBe('[lost] expected accepted before T0; not accepted');
  });
  it('shows six ids and counts the rest', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(findingLine(finding({ messageIds: ids }))).toMatch(/\[a, b, c, d, e, f\]$/);
    expect(findingLine(finding({ messageIds: [...ids, 'g', 'h'] }))).toMatch(/\[a, b, c, d, e, f, \+2\]$/);
  });
  it('names a message once however many of its attempts the finding involves', () => {
    const attempts = ['G2', 'G3', 'G2', 'G3', 'G2', 'G3', 'G2', 'G4'];
    expect(findingLine(finding({ messageIds: attempts }))).toMatch(/\[G2, G3, G4\]$/);
    expect(failureMessage([finding({ messageIds: attempts })], 'reports/')).toContain('messages: G2, G3, G4\n');
  });
  it('clips a field beyond 400 characters and says by how much', () => {
    expect(findingLine(finding({ happened: 'x'.repeat(400) }))).toBe(`[lost] expected accepted before T0; ${'x'.repeat(400)} [G1]`);
    expect(findingLine(finding({ happened: 'x'.repeat(450) }))).toBe(`[lost] expected accepted before T0; ${'x'.repeat(400)}… (50 more characters) [G1]`);
  });
});

describe('failureMessage', () => {
  const evidence = 'reports/allure-report/index.html › gemeente 0363 › Afsluiting';

  it('opens with one short line naming every failed requirement and its count', () => {
    const msg = failureMessage([finding(), ...many(2, { requirement: 'GEN-0.2' })], evidence);
    expect(msg.split('\n')[0]).toBe('3 findings on AFS-1.1 (1 finding), GEN-0.2 (2 findings)');
  });

  it('gives the duty once per requirement, then each finding with expected, happened and messages', () => {
    const msg = failureMessage([finding({ category: 'timing', messageIds: [] })], evidence);
    expect(msg).toBe([
      '1 finding on AFS-1.1 (1 finding)',
      `AFS-1.1 (runbook 1.1): ${requirement('AFS-1.1').duty}`,
      '  timing: expected accepted before T0',
      '    happened: not accepted',
      '    messages: (none)',
      `evidence: ${evidence}`,
    ].join('\n'));
  });

  it(`shows at most ${MAX_FINDINGS_SHOWN} findings per requirement, then how many more and where they are`, () => {
    const msg = failureMessage([...many(990), ...many(990, { requirement: 'GEN-0.2' })], evidence);
    expect(msg.match(/^ {2}lost: /gm)).toHaveLength(2 * MAX_FINDINGS_SHOWN);
    expect(msg).toContain('event i-20\n');
    expect(msg).not.toContain('event i-21\n');
    expect(msg).toContain('  and 970 more AFS-1.1 finding(s): the full list is in this test\'s attachments "findings.json" and "findings.csv" and in records.jsonl');
    expect(msg).toContain('  and 970 more GEN-0.2 finding(s)');
    expect(msg.endsWith(`evidence: ${evidence}`)).toBe(true);
    // The backlog case of issue 11: 1,980 findings made an 889 KB message.
    expect(Buffer.byteLength(msg)).toBeLessThan(16_000);
  });

  it('has no "more" line when a requirement has exactly the number shown', () => {
    expect(failureMessage(many(MAX_FINDINGS_SHOWN), evidence)).not.toContain(' more ');
    expect(failureMessage(many(MAX_FINDINGS_SHOWN + 1), evidence)).toContain('and 1 more AFS-1.1 finding(s)');
  });

  it('bounds the ids and the text of one finding', () => {
    const msg = failureMessage([finding({ messageIds: Array.from({ length: 500 }, (_, i) => `G${i}`), expected: 'y'.repeat(5000) })], evidence);
    expect(msg).toContain('    messages: G0, G1, G2, G3, G4, G5, +494');
    expect(msg).toContain(`expected ${'y'.repeat(400)}… (4600 more characters)`);
    expect(msg.length).toBeLessThan(1_200);
  });

  it('keeps requirements in the order their first finding came', () => {
    const msg = failureMessage([finding({ requirement: 'GEN-0.2' }), finding(), finding({ requirement: 'GEN-0.2' })], evidence);
    expect(msg.split('\n')[0]).toBe('3 findings on GEN-0.2 (2 findings), AFS-1.1 (1 finding)');
    expect(msg.indexOf('GEN-0.2 (runbook')).toBeLessThan(msg.indexOf('AFS-1.1 (runbook'));
  });
});
