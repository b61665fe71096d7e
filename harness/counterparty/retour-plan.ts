/**
 * How the counterparty answers a heen. By default at once and by the rules of messages.md;
 * a scenario scripts exceptions ("answer only after T2", "never answer", "reject").
 */
import type { DateTime } from 'luxon';
import type { Heenbericht } from '../messages/model.js';
import { checkBsn, checkZorgfunctieOfLaw } from '../validation/index.js';

export interface RetourPlan {
  /** Not before this moment (default: at once). */
  at?: DateTime;
  /** The header's RetourCodes (default: judged from the heen). */
  codes?: string[];
  /** Copy the Client (default: when accepting). */
  withClient?: boolean;
  /** The Client's RetourCodes, where they say something other than the header (default: the header's). */
  clientCodes?: string[];
  /** Never answer this heen. */
  never?: boolean;
}

export type AnswerPlanner = (heen: Heenbericht) => RetourPlan | undefined;

/** What the counterparty knows when it judges a heen. */
export interface HeenHistory {
  /** This sender already used this Identificatie for this message name (TR056). */
  identificatieSeen: boolean;
  /** A previous 501 for the same sender, Bsn and budget still awaits its retour (TR507). */
  previousUnanswered: boolean;
}

/** The default verdict: content faults 0001, a reused Identificatie 9056, TR507 9507, else 0200. */
export function judgeHeen(heen: Heenbericht, history: HeenHistory): string[] {
  if (checkBsn(heen).length > 0 || checkZorgfunctieOfLaw(heen).length > 0) return ['0001'];
  if (history.identificatieSeen) return ['9056'];
  if (heen.family === '501' && history.previousUnanswered) return ['9507'];
  return ['0200'];
}
