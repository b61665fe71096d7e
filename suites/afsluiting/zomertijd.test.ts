/**
 * The summer-time trap: summer time starts the Sunday before the cutover, so "09.00 uur" on
 * 30 March is 07:00Z (CEST, UTC+2). A party that reads the calendar in UTC or as +01:00 keeps
 * sending heen after the heen stop and retours after the retour stop.
 */
import { scenario } from '../../harness/scenario/index.js';

scenario({
  id: 'afs-summer-time-heen-and-retour-stop',
  title: 'Zomertijd: de heenstop en retourstop vallen op 09.00 en 17.00 uur lokale tijd (CEST), niet een of twee uur later',
  phase: 'Afsluiting',
  runbookStep: '1.2 en 1.4 Alle heen- en retourberichten worden geblokkeerd',
  verifies: ['AFS-1.2', 'AFS-1.4', 'TRA-2.1'],
  alsoOnSecondCalendar: true,
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  // A retour refused until the retour stop is still owed when a wrong clock thinks it may go.
  world.blockSwitch({ from: heenStop.minus({ minutes: 2 }), until: retourStop, scope: 'retour' });
  await world.at(heenStop.minus({ minutes: 1 }));
  await world.counterpartySendsHeen(1);
  await world.at(heenStop.plus({ minutes: 30 }), '09.30 uur lokaal: een klok op +01:00 of UTC denkt dat het vóór 09.00 uur is');
  await world.createEvents(world.events.fresh(2));
  await world.at(heenStop.plus({ minutes: 90 }), '10.30 uur lokaal: een UTC-klok denkt dat het 08.30 uur is');
  await world.createEvents(world.events.fresh(1));
  await world.at(heenStop.plus({ hours: 2, minutes: 30 }));
  await world.at(retourStop.plus({ minutes: 30 }), '17.30 uur lokaal: retourberichten zijn geblokkeerd');
  await world.at(retourStop.plus({ minutes: 90 }));
  await world.at(goLive);
  await world.at(goLive.plus({ hours: 1 }));
  // The go-live day's evening: where the calendar crosses into winter time in the transition, an
  // offset remembered from the start of the session dates a heen made at 23.30 a day late.
  const evening = goLive.set({ hour: 23, minute: 30 });
  await world.at(evening, '23.30 uur lokaal op de dag van de ingebruikname: de Dagtekening is nog deze dag');
  await world.createEvents(world.events.fresh(1));
  await world.at(evening.plus({ minutes: 30 }));
});
