import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requirementIds } from '../verdicts/requirements.js';
import { requirementAnchor, requirementLink } from './requirement-anchor.js';
import { requirementsDocPath, requirementsMarkdown } from './requirements-doc.js';

describe('docs/requirements.md', () => {
  const doc = readFileSync(requirementsDocPath, 'utf8');
  it('is the generated text (regenerate: npm run docs)', () => {
    expect(doc, 'docs/requirements.md is generated from the default profile\'s rows and has drifted: run npm run docs and commit it').toBe(requirementsMarkdown());
  });
  it('has one heading per id, matching the anchor the report links to', () => {
    expect(requirementLink('AFS-1.1')).toBe('docs/requirements.md#afs-11');
    for (const id of requirementIds()) {
      expect(doc.split('\n').filter((l) => l === `## ${id}`)).toHaveLength(1);
      expect(requirementAnchor(id)).toBe(id.toLowerCase().replace('.', ''));
    }
  });
});
