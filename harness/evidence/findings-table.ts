/**
 * Every finding of a scenario, unabridged, for its attachments: the failure message shows only
 * the first of each requirement's findings (harness/verdicts/finding.ts), these files hold all.
 * One row per finding; message ids joined by spaces (an Identificatie has none).
 */
import type { Finding } from '../verdicts/finding.js';
import { csvField } from './timeline-table.js';

const HEADER = ['requirement', 'category', 'expected', 'happened', 'messageIds'] as const;

export function findingsCsv(findings: readonly Finding[]): string {
  const rows = findings.map((f) => [f.requirement, f.category, f.expected, f.happened, f.messageIds.join(' ')]);
  return [[...HEADER], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
