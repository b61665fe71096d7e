/**
 * `docs/requirements.md`, generated from the default migration profile's requirement rows so the
 * report's requirement links always land on the current definition and the page cannot drift
 * from what the suite judges. Regenerate: `npm run docs`.
 */
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProfile } from '../profile/load-profile.js';
import { DEFAULT_PROFILE } from '../profile/run-profile.js';
import { preconditions, requirements } from '../verdicts/requirements.js';
import { REQUIREMENTS_DOC } from './requirement-anchor.js';

const projectRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
export const requirementsDocPath = resolve(projectRoot, REQUIREMENTS_DOC);

export function requirementsMarkdown(profileFile: string = DEFAULT_PROFILE): string {
  const { profile } = loadProfile(profileFile);
  const scenarios = new Map(profile.requirements.map((r) => [r.id, r.verifiedBy ?? []]));
  const sections = requirements(profile).map((r) => [
    `## ${r.id}`,
    '',
    `- Duty: ${r.duty}`,
    `- Runbook step: ${r.runbookStep}`,
    `- Phase: ${r.phase}`,
    `- Roles: ${r.roles.join(', ')}`,
    `- Severity: ${r.severity}`,
    // Named by the row; the scenarios whose own verifies name the id are in suites/.
    ...(scenarios.get(r.id)?.length ? [`- Also verified by scenario: ${scenarios.get(r.id)!.join(', ')}`] : []),
    '',
  ].join('\n'));
  const all = requirements(profile).length;
  const shown = preconditions(profile).map((pc) =>
    `| ${pc.nr} | ${pc.role} | ${pc.draaiboek ?? pc.text} | ${pc.shownBy.length === all ? 'every requirement of the role' : pc.shownBy.join(', ')} |`);
  return [
    '# Requirements',
    '',
    'The party duties of the cutover with their stable ids (`cutover.md` of the shared specification). Every test in the',
    `report links here by id. Generated from the requirement rows of \`${relative(projectRoot, profileFile)}\`; do not edit by hand.`,
    '',
    ...sections,
    '## Preconditions (runbook chapter 4)',
    '',
    'What the steering group asks of each role, in the runbook\'s words, and the requirements whose verdicts support it.',
    '',
    '| nr | role | precondition | shown by |',
    '|---|---|---|---|',
    ...shown,
    '',
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(requirementsDocPath, requirementsMarkdown(), 'utf8');
  console.log(`wrote ${requirementsDocPath}`);
}
