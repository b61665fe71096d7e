/**
 * Chapter 5: a message the switch refuses "dient als niet verzonden te worden beschouwd" and is
 * offered again. The switches here refuse with IB103 at moments the calendar allows (an unplanned
 * block), so every party, also a well-behaved one, shows what it does with a refusal.
 */
import { scenario } from '../../harness/scenario/index.js';

scenario({
  id: 'tra-heen-refused-then-block-lifts',
  title: 'Een door het schakelpunt geweigerd heenbericht telt als niet verzonden en wordt opnieuw aangeboden zodra het kan',
  phase: 'Transitie',
  runbookStep: '5 Afsluiting: geweigerde berichten als niet verzonden beschouwen',
  verifies: ['TRA-2.2', 'AFS-1.1', 'GEN-0.1', 'GEN-0.2'],
}, async (world) => {
  const { heenStop, goLive } = world.calendar;
  world.blockSwitch({ from: heenStop.minus({ hours: 1 }), until: heenStop.minus({ minutes: 30 }), scope: 'heen' });
  await world.at(heenStop.minus({ hours: 1 }), 'storing: het schakelpunt weigert heenberichten');
  await world.createEvents(world.events.fresh(3));
  await world.at(heenStop.minus({ minutes: 45 }));
  await world.at(heenStop.minus({ minutes: 30 }), 'de storing is voorbij');
  await world.at(heenStop);
  await world.at(goLive);
});

scenario({
  id: 'tra-heen-refused-until-heen-stop',
  title: 'Een heenbericht dat tot de heenstop geweigerd wordt, gaat na de ingebruikname als iPgb {to}',
  phase: 'Transitie',
  runbookStep: '5 Afsluiting: na de ingebruikname opnieuw aanbieden in het iPgb 2.3-formaat',
  verifies: ['TRA-2.2', 'AFS-1.2', 'ING-3.1', 'GEN-0.1', 'GEN-0.2'],
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  world.blockSwitch({ from: heenStop.minus({ hours: 1 }), until: heenStop, scope: 'heen' });
  await world.at(heenStop.minus({ hours: 1 }), 'storing: het schakelpunt weigert heenberichten tot de heenstop');
  await world.createEvents(world.events.fresh(2));
  await world.at(heenStop.minus({ minutes: 1 }));
  await world.at(heenStop);
  await world.at(retourStop);
  await world.at(goLive);
  await world.at(goLive.plus({ hours: 1 }));
});

scenario({
  id: 'tra-retour-refused-then-block-lifts',
  title: 'Een geweigerd retourbericht wordt opnieuw aangeboden en vóór de retourstop geaccepteerd',
  phase: 'Transitie',
  runbookStep: '1.3 Alle retourberichten op de ontvangen heenberichten zijn verzonden',
  verifies: ['TRA-2.2', 'AFS-1.3', 'GEN-0.1', 'GEN-0.2'],
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  world.blockSwitch({ from: heenStop.minus({ minutes: 2 }), until: heenStop.plus({ hours: 1 }), scope: 'retour' });
  await world.at(heenStop.minus({ minutes: 1 }), 'storing: het schakelpunt weigert retourberichten');
  await world.counterpartySendsHeen(2);
  await world.at(heenStop.plus({ minutes: 30 }));
  await world.at(heenStop.plus({ hours: 1 }), 'de storing is voorbij');
  await world.at(retourStop);
  await world.at(goLive);
});

scenario({
  id: 'tra-retour-refused-until-just-before-retour-stop',
  title: 'Een geweigerd retourbericht gaat nog in de laatste minuten vóór de retourstop, als het schakelpunt dan weer open is',
  phase: 'Transitie',
  runbookStep: '1.3 Alle retourberichten op de ontvangen heenberichten zijn verzonden',
  // cutover.md: half-open, the retour stop itself is the first blocked instant. A party whose own
  // stop lies a few minutes early holds the retour until after the go-live.
  verifies: ['AFS-1.3', 'TRA-2.2'],
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  world.blockSwitch({ from: heenStop.minus({ minutes: 2 }), until: retourStop.minus({ minutes: 2 }), scope: 'retour' });
  await world.at(heenStop.minus({ minutes: 1 }), 'storing: het schakelpunt weigert retourberichten tot 16.58 uur');
  await world.counterpartySendsHeen(1);
  await world.at(retourStop.minus({ minutes: 2 }), 'de storing is voorbij, twee minuten vóór de retourstop');
  await world.at(retourStop);
  await world.at(goLive);
});
