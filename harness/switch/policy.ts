/**
 * What BIDN's GGk and VECOZO answer a well-formed, valid message at a moment: the switch
 * policy table of cutover.md, cell by cell. Pure, so the table can be tested at every edge.
 */
import type { DateTime } from 'luxon';
import type { Calendar } from '../clock/calendar.js';
import { phaseOf, type CutoverPhase } from '../clock/phase.js';
import { isHeenName } from '../messages/catalog.js';
import type { MessageName, Release } from '../messages/model.js';

export type PolicyDecision = { accept: true } | { accept: false; code: 'IB004' | 'IB103' };

type Cell = 'accept' | 'IB004' | 'IB103';
type Column = `${Release} ${'heen' | 'retour'}`;

const TABLE: Readonly<Record<CutoverPhase, Readonly<Record<Column, Cell>>>> = {
  'voor-afsluiting': { '2.0.2 heen': 'accept', '2.0.2 retour': 'accept', '2.3 heen': 'IB004', '2.3 retour': 'IB004' },
  afsluiting: { '2.0.2 heen': 'IB103', '2.0.2 retour': 'accept', '2.3 heen': 'IB004', '2.3 retour': 'IB004' },
  transitie: { '2.0.2 heen': 'IB103', '2.0.2 retour': 'IB103', '2.3 heen': 'IB103', '2.3 retour': 'IB103' },
  ingebruikname: { '2.0.2 heen': 'IB004', '2.0.2 retour': 'accept', '2.3 heen': 'accept', '2.3 retour': 'accept' },
};

export function switchDecision(cal: Calendar, t: DateTime, name: MessageName, release: Release): PolicyDecision {
  const cell = TABLE[phaseOf(cal, t)][`${release} ${isHeenName(name) ? 'heen' : 'retour'}`];
  return cell === 'accept' ? { accept: true } : { accept: false, code: cell };
}
