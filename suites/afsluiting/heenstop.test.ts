/**
 * Runbook 5.1, stap 1.1 en 1.2 (maandag 30 maart, 09.00 uur): "Alle beschikbare heenberichten zijn
 * verzonden" — "Vanaf dit moment worden er geen heenberichten meer verstuurd" — and the switches
 * block 501 and 507.
 */
import { scenario } from '../../harness/scenario/index.js';

scenario({
  id: 'afs-drain-until-heen-stop',
  title: 'Alle beschikbare heenberichten zijn verzonden vóór de heenstop, ook wat om 08.59 uur ontstond',
  phase: 'Afsluiting',
  runbookStep: '1.1 Alle beschikbare heenberichten zijn verzonden',
  verifies: ['AFS-1.1', 'AFS-1.2', 'GEN-0.1', 'GEN-0.2'],
  alsoOnSecondCalendar: true,
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  await world.at(heenStop.minus({ hours: 1 }), 'ochtend van de afsluiting');
  await world.createEvents(world.events.fresh(5));
  await world.at(heenStop.minus({ minutes: 1 }), '08.59 uur: laatste minuut voor de heenstop');
  await world.createEvents(world.events.fresh(3));
  await world.at(heenStop.minus({ milliseconds: 1 }), 'de laatste milliseconde voor de heenstop');
  await world.createEvents(world.events.fresh(1));
  await world.at(heenStop, 'stap 1.2: alle heenberichten worden geblokkeerd');
  await world.at(retourStop, 'stap 1.4: alle retourberichten worden geblokkeerd');
  await world.at(goLive, 'stap 2.1-2.5: ingebruikname iPgb {to}');
  await world.at(goLive.plus({ hours: 1 }));
});

scenario({
  id: 'afs-night-before-heen-stop',
  title: 'Wat om 00.30 uur in de nacht vóór de heenstop ontstaat, draagt de Dagtekening van die dag en gaat vóór 09.00 uur',
  phase: 'Afsluiting',
  runbookStep: '1.1 Alle beschikbare heenberichten zijn verzonden',
  verifies: ['GEN-0.1', 'AFS-1.1', 'AFS-1.3'],
}, async (world) => {
  const { heenStop } = world.calendar;
  // 00.30 uur CEST is 22:30Z the day before: a date taken in UTC is a day early.
  await world.at(heenStop.startOf('day').plus({ minutes: 30 }), '00.30 uur: nachtelijke verwerking');
  await world.createEvents(world.events.fresh(2));
  await world.counterpartySendsHeen(1);
  await world.at(heenStop);
  await world.at(world.calendar.retourStop);
});
