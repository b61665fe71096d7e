/**
 * Runbook 5.2, stap 1.3, 1.4 en 1.5 (maandag 30 maart, 17.00 uur): every heen received is answered
 * before the retour stop, the switches then block 502 and 508 ("Vanaf dit moment ligt het iPgb
 * berichtenverkeer volledig stil"), and every retour received has been processed.
 */
import { scenario } from '../../harness/scenario/index.js';

scenario({
  id: 'afs-answer-before-retour-stop',
  title: 'Alle retourberichten op de ontvangen heenberichten zijn aangemaakt en verzonden vóór 17.00 uur',
  phase: 'Afsluiting',
  runbookStep: '1.3 Alle heenberichten zijn ontvangen en verwerkt, de retourberichten verzonden',
  verifies: ['AFS-1.3', 'AFS-1.4', 'GEN-0.1', 'GEN-0.2'],
  alsoOnSecondCalendar: true,
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  await world.at(heenStop.minus({ hours: 1 }));
  await world.counterpartySendsHeen(4);
  await world.at(heenStop.minus({ milliseconds: 1 }), 'de laatste heenberichten vóór de heenstop');
  await world.counterpartySendsHeen(2);
  await world.at(heenStop);
  await world.at(retourStop.minus({ milliseconds: 1 }));
  await world.at(retourStop, 'stap 1.4: alle retourberichten worden geblokkeerd');
  await world.at(goLive);
});

scenario({
  id: 'afs-retours-processed-by-retour-stop',
  title: 'Alle retourberichten op verzonden heenberichten zijn om 17.00 uur ontvangen en verwerkt',
  phase: 'Afsluiting',
  runbookStep: '1.5 Alle retourberichten zijn ontvangen en verwerkt door gemeenten en zorgkantoren',
  verifies: ['AFS-1.5', 'AFS-1.4'],
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  const late = retourStop.minus({ minutes: 1 });
  await world.at(heenStop.minus({ hours: 1 }));
  // The counterparty answers one heen only in the last minute before the retour stop.
  await world.createEvents(world.events.fresh(1), { answeredAt: late });
  await world.createEvents(world.events.fresh(3));
  await world.at(heenStop.minus({ minutes: 30 }));
  await world.at(heenStop);
  await world.at(late, '16.59 uur: het laatste retourbericht komt binnen');
  await world.at(retourStop, 'stap 1.5: alle retourberichten zijn ontvangen en verwerkt');
  await world.at(goLive);
});
