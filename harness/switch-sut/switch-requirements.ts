/**
 * The duties of a switch under test (BIDN's GGk, VECOZO), with stable ids `SW-*`, each traced to
 * the runbook steps and the chapter-4 preconditions it shows. Data only: the checks, the summary,
 * the dossier and `--only` all read this one list. Ids never change meaning.
 */
import type { SwitchRole } from './switch-protocol.js';

export const SWITCH_REQUIREMENT_IDS = [
  'SW-1.1', 'SW-1.2', 'SW-1.3', 'SW-1.4', 'SW-2.1', 'SW-2.2', 'SW-2.3', 'SW-2.4', 'SW-3.1', 'SW-4.1', 'SW-4.2', 'SW-4.3',
] as const;
export type SwitchRequirementId = (typeof SWITCH_REQUIREMENT_IDS)[number];

export interface SwitchRequirement {
  id: SwitchRequirementId;
  /** Runbook steps (chapter 5/6 numbers, or a chapter) the duty comes from. */
  runbookSteps: string[];
  /** Preconditions of runbook 4.5 (BIDN) and 4.6 (VECOZO) the duty rests under. */
  preconditions: string[];
  duty: string;
}

const MONITORING = ['4.5.1', '4.6.1'];
const READY_FOR_2_3 = ['4.5.2', '4.6.2'];

export const SWITCH_REQUIREMENTS: readonly SwitchRequirement[] = [
  { id: 'SW-1.1', runbookSteps: ['1.1', '1.2'], preconditions: MONITORING,
    duty: 'until T0 (up to T0 − 1 ms) a 2.0.2 heen (501, 507) is accepted with 202: the heen stop begins at 09.00, not before' },
  { id: 'SW-1.2', runbookSteps: ['1.2'], preconditions: MONITORING,
    duty: 'from T0 (exactly T0 included) until T2 a 2.0.2 heen (501, 507) is refused with IB103 and HTTP 503' },
  { id: 'SW-1.3', runbookSteps: ['1.3', '1.4'], preconditions: MONITORING,
    duty: 'until T1 (up to T1 − 1 ms, also after T0) a 2.0.2 retour (502, 508) is accepted with 202' },
  { id: 'SW-1.4', runbookSteps: ['1.4', '6.1'], preconditions: MONITORING,
    duty: 'from T1 (exactly T1 included) until T2 every iPgb message, 2.0.2 and 2.3, heen and retour, is refused with IB103 and HTTP 503: the chain stands still' },
  { id: 'SW-2.1', runbookSteps: ['2.1', '2.2'], preconditions: READY_FOR_2_3,
    duty: 'before T1 a 2.3 message (heen or retour) is refused with IB004 and HTTP 422: iPgb 2.3 is not in use before the go-live' },
  { id: 'SW-2.2', runbookSteps: ['2.1', '2.2', '7'], preconditions: READY_FOR_2_3,
    duty: 'from T2 (exactly T2 included) a 2.3 heen and retour (501, 502, 507, 508) is accepted with 202: the switch is configured for iPgb 2.3 and open at 09.00' },
  { id: 'SW-2.3', runbookSteps: ['2.1', '2.2', '7'], preconditions: READY_FOR_2_3,
    duty: 'from T2 a 2.0.2 heen (501, 507) is refused with IB004 and HTTP 422: only iPgb 2.3 is exchanged' },
  { id: 'SW-2.4', runbookSteps: ['1 (inleiding)', '2.1', '2.2'], preconditions: READY_FOR_2_3,
    duty: 'from T2 a late 2.0.2 retour (502, 508) answering a 2.0.2 heen is accepted with 202 (its delivery to that heen\'s sender is judged under SW-3.1)' },
  { id: 'SW-3.1', runbookSteps: ['1.2', '1.4', '2.1', '2.2'], preconditions: [...MONITORING, ...READY_FOR_2_3],
    duty: 'every accepted message is delivered exactly once, byte for byte, to its addressee before POST /clock answers, also when accepted 1 ms before a stop and when a delivery attempt fails (5xx: tried again); nothing refused is delivered' },
  { id: 'SW-4.1', runbookSteps: ['2.1', '2.2'], preconditions: READY_FOR_2_3,
    duty: 'a body that is not well-formed XML or not valid against its release\'s XSD is refused with IB001 and HTTP 400, before and after the go-live' },
  { id: 'SW-4.2', runbookSteps: ['2.1', '2.2'], preconditions: READY_FOR_2_3,
    duty: 'a body larger than 25 MB is refused with IB003 and HTTP 413' },
  { id: 'SW-4.3', runbookSteps: ['2.1', '2.2'], preconditions: READY_FOR_2_3,
    duty: 'a valid message addressed to a party the switch does not know is refused with IB005 and HTTP 422' },
];

export interface SwitchPrecondition {
  nr: string;
  role: SwitchRole;
  text: string;
  shownBy: readonly SwitchRequirementId[];
}

const shownBy = (nr: string): SwitchRequirementId[] =>
  SWITCH_REQUIREMENTS.filter((r) => r.preconditions.includes(nr)).map((r) => r.id);

/** Runbook 4.5 (BIDN) and 4.6 (VECOZO), with the SW ids that show each. */
export const SWITCH_PRECONDITIONS: readonly SwitchPrecondition[] = [
  { nr: '4.5.1', role: 'BIDN', text: 'BIDN monitort op 30 maart van 09.00 tot 17.00 uur het berichtenverkeer nauwkeurig.', shownBy: shownBy('4.5.1') },
  { nr: '4.5.2', role: 'BIDN', text: 'BIDN heeft de systemen zo ingericht en getest dat deze op 1 april 2026 iPgb 2.3-berichten ondersteunen.', shownBy: shownBy('4.5.2') },
  { nr: '4.6.1', role: 'VECOZO', text: 'VECOZO monitort op 30 maart van 09.00 tot 17.00 uur het berichtenverkeer nauwkeurig.', shownBy: shownBy('4.6.1') },
  { nr: '4.6.2', role: 'VECOZO', text: 'VECOZO heeft de systemen zo ingericht en getest dat deze op 1 april 2026 iPgb 2.3-berichten ondersteunen.', shownBy: shownBy('4.6.2') },
];

export function switchRequirement(id: SwitchRequirementId): SwitchRequirement {
  const found = SWITCH_REQUIREMENTS.find((r) => r.id === id);
  if (!found) throw new Error(`Unknown switch requirement id ${id}. Fix: use one of ${SWITCH_REQUIREMENT_IDS.join(', ')}.`);
  return found;
}

export const isSwitchRequirementId = (value: string): value is SwitchRequirementId =>
  (SWITCH_REQUIREMENT_IDS as readonly string[]).includes(value);
