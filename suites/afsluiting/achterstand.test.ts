/**
 * Runbook 5.1, stap 1.1 (maandag 30 maart, 09.00 uur): "Alle beschikbare heenberichten zijn
 * verzonden", ook een achterstand. A file of its own: the heaviest scenario of the run, so a
 * second worker takes the other scenarios of the heen stop beside it.
 */
import { scenario } from '../../harness/scenario/index.js';

scenario({
  id: 'afs-backlog-drained-before-heen-stop',
  title: 'Een achterstand van 1.000 toekenningen of budgetafsluitingen is vóór de heenstop verzonden',
  phase: 'Afsluiting',
  runbookStep: '1.1 Alle beschikbare heenberichten zijn verzonden',
  verifies: ['AFS-1.1', 'GEN-0.2'],
}, async (world) => {
  const { heenStop } = world.calendar;
  await world.at(heenStop.minus({ minutes: 30 }), 'de achterstand staat klaar');
  await world.createEvents(world.events.fresh(1000));
  await world.at(heenStop.minus({ minutes: 15 }));
  await world.at(heenStop, 'stap 1.2: alle heenberichten worden geblokkeerd');
});
