import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { IB_STATUS } from '../protocol/party-protocol.js';
import { SUBMITTER_HEADER, SWITCH_CONTROL_BASE } from './switch-protocol.js';
import { switchPreconditions, switchRequirements } from './switch-requirements.js';

const doc = readFileSync(new URL('../../docs/switch-protocol.md', import.meta.url), 'utf8');
const api = parse(readFileSync(new URL('../../docs/openapi/switch-protocol-v1.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, { post?: { parameters?: Array<{ name: string }>; responses: Record<string, { description: string }> } }>;
};

describe('the switch protocol documents say what the code does', () => {
  it('lists every SW requirement as the data has it', () => {
    for (const r of switchRequirements()) {
      expect(doc).toContain(`| ${r.id} | ${r.runbookSteps.join(', ')} | ${r.preconditions.join(', ')} | ${r.duty} |`);
    }
  });

  it('puts every SW id under a 4.5 and a 4.6 precondition', () => {
    for (const r of switchRequirements()) {
      expect(switchPreconditions().filter((pc) => pc.shownBy.includes(r.id)).map((pc) => pc.role).filter((role, i, all) => all.indexOf(role) === i).sort()).toEqual(['BIDN', 'VECOZO']);
    }
  });

  it('names the submitter header, the control paths and the HTTP status of every IB code', () => {
    expect(doc.toLowerCase()).toContain(SUBMITTER_HEADER);
    expect(api.paths['/berichten']?.post?.parameters?.map((p) => p.name.toLowerCase())).toContain(SUBMITTER_HEADER);
    for (const op of ['session', 'clock', 'about']) expect(Object.keys(api.paths)).toContain(`${SWITCH_CONTROL_BASE}/${op}`);
    const responses = api.paths['/berichten']?.post?.responses ?? {};
    for (const [code, status] of Object.entries(IB_STATUS)) expect(responses[String(status)]?.description).toContain(code);
  });
});
