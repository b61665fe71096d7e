/**
 * One assertion-message template for every requirement (as web-platform-tests has one):
 * which duty, what was expected by when (local time and UTC), what happened, which message ids,
 * and where the evidence is. The category word in brackets drives the report's categories.
 */
import type { RequirementId } from './requirements.js';
import { requirement } from './requirements.js';

export type FindingCategory =
  | 'schema' | 'timing' | 'lost' | 'duplicate' | 'correlation' | 'content' | 'robustness';

export interface Finding {
  requirement: RequirementId;
  category: FindingCategory;
  /** What the duty demanded, with its deadline as local time and UTC where it has one. */
  expected: string;
  /** What the switch ledger and the party's state show instead. */
  happened: string;
  /** Identificatie (or IdentificatieRetour) of every message involved. */
  messageIds: string[];
}

/** One line: the form summary.json and the dossier show. */
export function findingLine(f: Finding): string {
  const ids = f.messageIds.length ? ` [${f.messageIds.slice(0, 6).join(', ')}${f.messageIds.length > 6 ? `, +${f.messageIds.length - 6}` : ''}]` : '';
  return `[${f.category}] expected ${f.expected}; ${f.happened}${ids}`;
}

/** The full assertion message of a failed scenario. */
export function failureMessage(findings: readonly Finding[], evidenceAt: string): string {
  const blocks = findings.map((f) => {
    const req = requirement(f.requirement);
    return [
      `${f.requirement} (runbook ${req.runbookStep}) [${f.category}]: ${req.duty}`,
      `  expected: ${f.expected}`,
      `  happened: ${f.happened}`,
      `  messages: ${f.messageIds.length ? f.messageIds.join(', ') : '(none)'}`,
    ].join('\n');
  });
  return `${findings.length} finding(s)\n${blocks.join('\n')}\n  evidence: ${evidenceAt}`;
}
