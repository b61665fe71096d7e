/**
 * Where a requirement id is defined: `docs/requirements.md`, one heading per id. The anchor is
 * the slug GitHub and most Markdown viewers give the heading `AFS-1.1`: lower case, dots dropped.
 */
import type { RequirementId } from '../verdicts/requirements.js';

export const REQUIREMENTS_DOC = 'docs/requirements.md';

export const requirementAnchor = (id: RequirementId): string => id.toLowerCase().replace(/[^a-z0-9-]/g, '');

export const requirementLink = (id: RequirementId): string => `${REQUIREMENTS_DOC}#${requirementAnchor(id)}`;
