/**
 * Runbook 6.2, steps 2.1 (BIDN) and 2.2 (VECOZO), woensdag 1 april 09.00 uur:
 * "De systemen bij BIDN / VECOZO staan geconfigureerd voor gebruik van iPgb 2.3 berichtenverkeer."
 * Chapter 1: "Hierbij kan een 502/508 bericht worden ontvangen welke hoort bij een eerder in 2.0.2 verzonden 501/507."
 */
import { switchScenario } from '../../harness/switch-sut/index.js';

switchScenario({
  id: 'sw-go-live-edge',
  title: 'Om 09.00 uur op 1 april gaat de keten open voor {to} en late {from}-retourberichten, niet eerder; {from}-heen blijft dicht',
  runbookStep: '2.1/2.2 De systemen staan geconfigureerd voor gebruik van iPgb 2.3',
  verifies: ['SW-1.2', 'SW-1.4', 'SW-2.2', 'SW-2.3', 'SW-2.4', 'SW-3.1'],
}, async (world) => {
  for (const moment of [world.T2.minus({ milliseconds: 1 }), world.T2, world.T2.plus({ milliseconds: 1 })]) {
    await world.at(moment);
    await world.submitEveryCell();
  }
});

switchScenario({
  id: 'sw-late-retours',
  title: 'Een laat {from}-retourbericht op een vóór 09.00 uur verzonden 501/507 gaat na de ingebruikname naar de afzender van die heen',
  runbookStep: '2.1/2.2 De systemen staan geconfigureerd voor gebruik van iPgb 2.3',
  verifies: ['SW-1.1', 'SW-2.4', 'SW-3.1'],
}, async (world) => {
  await world.at(world.T0.minus({ hours: 1 }));
  const heen = await world.submitHeen(world.releases.from);
  await world.at(world.T2);
  for (const identity of world.identities()) world.failNextDelivery(identity);
  await world.submitRetours(heen);
  await world.at(world.T2.plus({ hours: 1 }));
});
