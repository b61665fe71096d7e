/**
 * Runbook 6.1 (maandag 30 maart 17.00 uur – dinsdag 31 maart 23.59 uur) and chapter 5: while the
 * chain is closed "is geen berichtenverkeer mogelijk"; business events that arise meanwhile are
 * kept and offered after the go-live "in het iPgb 2.3-formaat".
 */
import { scenario } from '../../harness/scenario/index.js';

scenario({
  id: 'tra-events-while-chain-is-closed',
  title: 'Gebeurtenissen vanaf de heenstop worden bewaard en na de ingebruikname als iPgb {to} verzonden',
  phase: 'Transitie',
  runbookStep: '6.1 Transitie: geen berichtenverkeer mogelijk',
  verifies: ['TRA-2.1', 'AFS-1.2', 'ING-3.1', 'GEN-0.1', 'GEN-0.2'],
  alsoOnSecondCalendar: true,
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  await world.at(heenStop, '09.00 uur precies: de heenstop');
  await world.createEvents(world.events.fresh(2));
  await world.at(heenStop.plus({ milliseconds: 1 }));
  await world.createEvents(world.events.fresh(1));
  await world.at(retourStop.minus({ milliseconds: 1 }));
  await world.createEvents(world.events.fresh(1));
  await world.at(retourStop, '17.00 uur: het berichtenverkeer ligt volledig stil');
  await world.createEvents(world.events.fresh(1));
  await world.at(goLive.minus({ milliseconds: 1 }), 'de laatste milliseconde van de transitie');
  await world.createEvents(world.events.fresh(1));
  await world.at(goLive, '1 april 09.00 uur: de keten wordt gezamenlijk opgestart');
  await world.at(goLive.plus({ hours: 1 }));
});
