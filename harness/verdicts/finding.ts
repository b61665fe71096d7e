/**
 * One assertion-message template for every requirement (as web-platform-tests has one):
 * which duty, what was expected by when (local time and UTC), what happened, which message ids,
 * and where the evidence is. The message is bounded: a party that loses a backlog of thousands
 * gets the first findings of each requirement and a count, the full list goes into the
 * attachments and records.jsonl. The category is data (`Finding.category`, an Allure label),
 * never a word to be matched back out of the text.
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

/** Findings a failure message shows per requirement; summary.json shows as many lines. */
export const MAX_FINDINGS_SHOWN = 20;
/** Message ids one finding shows in a message or a line; the attachments keep them all. */
export const MAX_IDS_SHOWN = 6;
/** Longest text of one field; the harness writes these, but a party's words may end up in them. */
const MAX_FIELD_CHARS = 400;

/** The first `max` items, then one line made by `more` from how many were left out. */
export function boundedLines(lines: readonly string[], max: number, more: (left: number) => string): string[] {
  return lines.length > max ? [...lines.slice(0, max), more(lines.length - max)] : [...lines];
}

/** The categories of these findings, each once, in the order they first appear. */
export function findingCategories(findings: readonly Finding[]): FindingCategory[] {
  return [...new Set(findings.map((f) => f.category))];
}

const countOf = (n: number): string => `${n} finding${n === 1 ? '' : 's'}`;

const clip = (text: string): string => (text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS)}… (${text.length - MAX_FIELD_CHARS} more characters)` : text);

/** Each message once: a finding over several attempts of one message names it once. */
const idList = (all: readonly string[]): string => {
  const ids = [...new Set(all)];
  return `${ids.slice(0, MAX_IDS_SHOWN).join(', ')}${ids.length > MAX_IDS_SHOWN ? `, +${ids.length - MAX_IDS_SHOWN}` : ''}`;
};

/** One line: the form records.jsonl, summary.json and the dossier show. */
export function findingLine(f: Finding): string {
  const ids = f.messageIds.length ? ` [${idList(f.messageIds)}]` : '';
  return `[${f.category}] expected ${clip(f.expected)}; ${clip(f.happened)}${ids}`;
}

/**
 * The assertion message of a failed scenario: a short first line naming the failed
 * requirements and their counts, then per requirement its duty and at most
 * MAX_FINDINGS_SHOWN findings, then where the rest and the evidence are.
 */
export function failureMessage(findings: readonly Finding[], evidenceAt: string): string {
  const byRequirement = new Map<RequirementId, Finding[]>();
  for (const f of findings) byRequirement.set(f.requirement, [...(byRequirement.get(f.requirement) ?? []), f]);
  const counted = [...byRequirement].map(([id, list]) => `${id} (${countOf(list.length)})`);
  const sections = [...byRequirement].map(([id, list]) => {
    const req = requirement(id);
    const blocks = list.slice(0, MAX_FINDINGS_SHOWN).map((f) => [
      `  ${f.category}: expected ${clip(f.expected)}`,
      `    happened: ${clip(f.happened)}`,
      `    messages: ${f.messageIds.length ? idList(f.messageIds) : '(none)'}`,
    ].join('\n'));
    const left = list.length - MAX_FINDINGS_SHOWN;
    const more = left > 0 ? [`  and ${left} more ${id} finding(s): the full list is in this test's attachments "findings.json" and "findings.csv" and in records.jsonl`] : [];
    return [`${id} (runbook ${req.runbookStep}): ${req.duty}`, ...blocks, ...more].join('\n');
  });
  return [`${countOf(findings.length)} on ${counted.join(', ')}`, ...sections, `evidence: ${evidenceAt}`].join('\n');
}
