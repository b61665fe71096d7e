/**
 * The one failure template of a switch verdict, as verdicts/finding.ts has for parties: which
 * duty, what was due by when (local and UTC), what happened, which message ids.
 */
import { switchRequirement, type SwitchRequirementId } from './switch-requirements.js';

export type SwitchFindingCategory = 'answer' | 'lost' | 'duplicate' | 'misrouted' | 'late';

export interface SwitchFinding {
  requirement: SwitchRequirementId;
  category: SwitchFindingCategory;
  expected: string;
  happened: string;
  messageIds: string[];
}

export function switchFindingLine(f: SwitchFinding): string {
  const ids = f.messageIds.length ? ` [${f.messageIds.slice(0, 6).join(', ')}${f.messageIds.length > 6 ? `, +${f.messageIds.length - 6}` : ''}]` : '';
  return `[${f.category}] expected ${f.expected}; ${f.happened}${ids}`;
}

export function switchFailureMessage(findings: readonly SwitchFinding[], evidenceAt: string): string {
  const blocks = findings.slice(0, 20).map((f) => {
    const req = switchRequirement(f.requirement);
    return [
      `${f.requirement} (runbook ${req.runbookSteps.join(', ')}; ${req.preconditions.join(', ')}) [${f.category}]: ${req.duty}`,
      `  expected: ${f.expected}`,
      `  happened: ${f.happened}`,
      `  messages: ${f.messageIds.length ? f.messageIds.join(', ') : '(none)'}`,
    ].join('\n');
  });
  const more = findings.length > 20 ? `\n  … and ${findings.length - 20} more finding(s) in the evidence` : '';
  return `${findings.length} finding(s)\n${blocks.join('\n')}${more}\n  evidence: ${evidenceAt}`;
}
