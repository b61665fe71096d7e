/**
 * The party duties of `../shared/spec/cutover.md` with their stable ids.
 * Ids never change meaning; titles may be edited. Every test names the ids it verifies.
 */
import type { Role } from '../messages/model.js';

export type RequirementId =
  | 'AFS-1.1' | 'AFS-1.2' | 'AFS-1.3' | 'AFS-1.4' | 'AFS-1.5'
  | 'TRA-2.1' | 'TRA-2.2' | 'TRA-2.3'
  | 'ING-3.1' | 'ING-3.2' | 'ING-3.3' | 'ING-3.4' | 'ING-3.5' | 'ING-3.6'
  | 'GEN-0.1' | 'GEN-0.2' | 'GEN-0.3' | 'GEN-0.4';

/** Allure's severities; chosen by the consequence of a violation. */
export type Severity = 'blocker' | 'critical' | 'normal';

export type Phase = 'Afsluiting' | 'Transitie' | 'Ingebruikname' | 'Algemeen';

export interface Requirement {
  id: RequirementId;
  /** The runbook step(s) the duty comes from, as the runbook numbers them. */
  runbookStep: string;
  phase: Phase;
  duty: string;
  roles: readonly Role[];
  severity: Severity;
}

const ALL: readonly Role[] = ['gemeente', 'zorgkantoor', 'svb'];
const PROVIDERS: readonly Role[] = ['gemeente', 'zorgkantoor'];

export const REQUIREMENTS: readonly Requirement[] = [
  { id: 'AFS-1.1', runbookStep: '1.1', phase: 'Afsluiting', roles: ALL, severity: 'normal',
    duty: 'every heen whose business event exists before T0 is accepted by the switch before T0 (a follow-up 501 held back by TR507 is exempt: it goes after T2 as 2.3)' },
  { id: 'AFS-1.2', runbookStep: '1.1, 1.2', phase: 'Afsluiting', roles: ALL, severity: 'normal',
    duty: 'no heen is submitted in [T0, T2)' },
  { id: 'AFS-1.3', runbookStep: '1.3', phase: 'Afsluiting', roles: ALL, severity: 'normal',
    duty: 'every heen delivered to the party before T0 has its retour accepted by the switch before T1' },
  { id: 'AFS-1.4', runbookStep: '1.4', phase: 'Afsluiting', roles: ALL, severity: 'normal',
    duty: 'no retour is submitted in [T1, T2)' },
  { id: 'AFS-1.5', runbookStep: '1.5, 5 (eindsituatie)', phase: 'Afsluiting', roles: ALL, severity: 'normal',
    duty: 'every retour delivered to the party before T1 is processed by T1 (for the SVB: every 508 is processed in the PGB2.0 portaal, the runbook\'s last end-state bullet of chapter 5)' },
  { id: 'TRA-2.1', runbookStep: '6.1', phase: 'Transitie', roles: ALL, severity: 'blocker',
    duty: 'business events created in [T0, T2) are kept and sent after T2 as 2.3' },
  { id: 'TRA-2.2', runbookStep: '3.2, 5, 6.1', phase: 'Transitie', roles: ALL, severity: 'blocker',
    duty: 'a message refused by the switch is never reported as sent and is never lost: it is offered again at every later moment its phase allows: before T0 (heen) or T1 (retour) in 2.0.2 if the block lifts, otherwise after T2, a heen in 2.3 and a retour in its heen\'s release' },
  { id: 'TRA-2.3', runbookStep: '6.1', phase: 'Transitie', roles: ALL, severity: 'blocker',
    duty: 'a restart of the party\'s system during the transition loses nothing: what was queued, owed or in custody before the restart is there after it, and the party goes on as before' },
  { id: 'ING-3.1', runbookStep: '2.3-2.5', phase: 'Ingebruikname', roles: ALL, severity: 'critical',
    duty: 'from T2 every new heen is valid 2.3' },
  { id: 'ING-3.2', runbookStep: '2.3-2.5', phase: 'Ingebruikname', roles: ALL, severity: 'critical',
    duty: 'a 2.3 heen delivered after T2 is answered with a valid 2.3 retour' },
  { id: 'ING-3.3', runbookStep: '1 (inleiding)', phase: 'Ingebruikname', roles: ALL, severity: 'critical',
    duty: 'a late 2.0.2 retour answering a 2.0.2 heen the party sent is accepted and correlated to that heen' },
  { id: 'ING-3.4', runbookStep: '1 (inleiding)', phase: 'Ingebruikname', roles: ALL, severity: 'critical',
    duty: 'a retour still owed on a 2.0.2 heen at T1 is sent after T2 in 2.0.2' },
  { id: 'ING-3.5', runbookStep: 'TR507', phase: 'Ingebruikname', roles: PROVIDERS, severity: 'critical',
    duty: 'a follow-up 501 waits for the retour on the previous 501 for the same budget, also across the cutover' },
  { id: 'ING-3.6', runbookStep: '2.3-2.5', phase: 'Ingebruikname', roles: ALL, severity: 'critical',
    duty: 'a 2.3 retour delivered after T2 on a 2.3 heen the party sent is processed and correlated to that heen by its Identificatie: the heen shows that retour\'s codes, never another\'s' },
  { id: 'GEN-0.1', runbookStep: 'berichten', phase: 'Algemeen', roles: ALL, severity: 'critical',
    duty: 'every message the party submits is valid against its release\'s XSD and matches its business event (Bsn, budget, amounts); a 501 carries the party\'s own code as Afzender, a 507 the recipient\'s code as Ontvanger, a retour its heen\'s header unchanged; Identificatie follows TR056' },
  { id: 'GEN-0.2', runbookStep: 'berichten', phase: 'Algemeen', roles: ALL, severity: 'blocker',
    duty: 'nothing is duplicated: each business event yields exactly one accepted heen, each delivered heen exactly one accepted retour' },
  { id: 'GEN-0.3', runbookStep: 'robuustheid', phase: 'Algemeen', roles: ALL, severity: 'critical',
    duty: 'a malformed, hostile or unexpected delivery is refused (400) or answered with a rejecting retour, and the party keeps working; nothing already accepted or queued is lost; a byte-identical redelivery changes nothing. Unexpected includes a heen in a release its moment does not allow (2.0.2 from T2, 2.3 before T2); a rejecting retour is owed from the first moment its release may pass the switch' },
  { id: 'GEN-0.4', runbookStep: '3.2', phase: 'Algemeen', roles: ALL, severity: 'blocker',
    duty: 'the party acts on the calendar it is configured with, never on dates of its own: every duty above also holds under another calendar of the same shape (a postponed migration date, a rehearsal)' },
];

export const REQUIREMENT_IDS: readonly RequirementId[] = REQUIREMENTS.map((r) => r.id);

export function requirement(id: RequirementId): Requirement {
  const found = REQUIREMENTS.find((r) => r.id === id);
  if (!found) throw new Error(`Unknown requirement id ${id}: the ids are those of cutover.md (${REQUIREMENT_IDS.join(', ')}).`);
  return found;
}

export const appliesTo = (id: RequirementId, role: Role): boolean => requirement(id).roles.includes(role);

/** The steering group's preconditions (runbook chapter 4) and the requirements that show them. */
export interface Precondition { nr: string; role: Role; text: string; shownBy: readonly RequirementId[] }

const ING: readonly RequirementId[] = ['ING-3.1', 'ING-3.2', 'ING-3.3', 'ING-3.4', 'ING-3.5', 'ING-3.6'];
export const PRECONDITIONS: readonly Precondition[] = [
  { nr: '4.2.1', role: 'zorgkantoor', text: 'De zorgkantoren hebben een geslaagde ketentest uitgevoerd', shownBy: REQUIREMENT_IDS },
  { nr: '4.2.2', role: 'zorgkantoor', text: 'De zorgkantoren kunnen vanaf de ingebruikname iPgb 2.3-berichten versturen en ontvangen', shownBy: ING },
  { nr: '4.3.1', role: 'gemeente', text: 'De gemeenten hebben een geslaagde ketentest uitgevoerd', shownBy: REQUIREMENT_IDS },
  { nr: '4.3.2', role: 'gemeente', text: 'De gemeenten kunnen vanaf de ingebruikname iPgb 2.3-berichten versturen en ontvangen', shownBy: ING },
  { nr: '4.4.1', role: 'svb', text: 'De SVB heeft een geslaagde ketentest uitgevoerd', shownBy: REQUIREMENT_IDS },
  { nr: '4.4.2', role: 'svb', text: 'De SVB kan vanaf de ingebruikname iPgb 2.3-berichten versturen en ontvangen', shownBy: ING },
];
