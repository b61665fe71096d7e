/**
 * `docs/requirements.md`, generated from the catalogue so the report's requirement links always
 * land on the current definition. Regenerate: `npx tsx harness/evidence/requirements-doc.ts`.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requirements } from '../verdicts/requirements.js';
import { REQUIREMENTS_DOC } from './requirement-anchor.js';

export function requirementsMarkdown(): string {
  const sections = requirements().map((r) => [
    `## ${r.id}`,
    '',
    `- Duty: ${r.duty}`,
    `- Runbook step: ${r.runbookStep}`,
    `- Phase: ${r.phase}`,
    `- Roles: ${r.roles.join(', ')}`,
    `- Severity: ${r.severity}`,
    '',
  ].join('\n'));
  return [
    '# Requirements',
    '',
    'The party duties of the cutover with their stable ids (`cutover.md` of the shared specification). Every test in the',
    'report links here by id. Generated from `harness/verdicts/requirements.ts`; do not edit by hand.',
    '',
    ...sections,
  ].join('\n');
}

const projectRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
export const requirementsDocPath = resolve(projectRoot, REQUIREMENTS_DOC);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(requirementsDocPath, requirementsMarkdown(), 'utf8');
  console.log(`wrote ${requirementsDocPath}`);
}
