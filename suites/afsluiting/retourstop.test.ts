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

scenario({
  id: 'afs-heen-delivered-after-heen-stop',
  title: 'Een heenbericht dat het schakelpunt vóór de heenstop aannam en pas daarna aflevert, krijgt gewoon een retourbericht in zijn release',
  phase: 'Afsluiting',
  runbookStep: '1.3 Alle heenberichten zijn ontvangen en verwerkt, de retourberichten verzonden',
  // The heen stop binds senders, not receivers: the switch took this heen at 08.59.59 uur and
  // delivers it after 09.00 uur. A party that closes its inbox for heen at the heen stop loses it.
  verifies: ['GEN-0.1', 'GEN-0.2', 'AFS-1.4'],
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  const delivered = heenStop.plus({ minutes: 2 });
  await world.at(heenStop.minus({ seconds: 1 }), 'de laatste seconde vóór de heenstop');
  await world.counterpartySendsHeen(1, { deliveredAt: delivered });
  await world.at(heenStop, 'stap 1.2: alle heenberichten worden geblokkeerd');
  await world.at(delivered, 'het schakelpunt levert het heenbericht van vóór de heenstop nu pas af');
  await world.at(heenStop.plus({ hours: 1 }));
  await world.at(retourStop);
  // Sent after the go-live in its heen's release is right too (ING-3.4): the scenario waits for it.
  await world.at(goLive);
  await world.at(goLive.plus({ hours: 1 }));
});

scenario({
  id: 'afs-restart-right-after-delivery',
  title: 'Een heenbericht dat in bewaring is genomen gaat bij een herstart niet verloren, ook niet vóór het retourbericht gemaakt is',
  phase: 'Afsluiting',
  runbookStep: '1.3 Alle heenberichten zijn ontvangen en verwerkt, de retourberichten verzonden',
  // 202 means custody (party-protocol.md): from then on the message must not be lost, also when the
  // system goes down before its next /clock made the retour.
  verifies: ['AFS-1.3', 'GEN-0.2'],
  needsRestart: true,
}, async (world) => {
  const { heenStop, retourStop } = world.calendar;
  await world.at(heenStop.minus({ hours: 2 }), 'gewone werkdag');
  await world.counterpartySendsHeen(2, { restartRightAfterDelivery: true });
  await world.at(heenStop.minus({ hours: 1 }), 'na de herstart: het retourbericht is verzonden');
  await world.at(retourStop);
});
