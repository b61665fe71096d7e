/**
 * Runbook 5.2, step 1.4 (BIDN, VECOZO), maandag 30 maart 17.00 uur:
 * "Alle retourberichten worden geblokkeerd. Vanaf dit moment ligt het iPgb berichtenverkeer volledig stil."
 */
import { switchScenario } from '../../harness/switch-sut/index.js';

switchScenario({
  id: 'sw-retourstop-edge',
  title: 'Om 17.00 uur worden ook 502 en 508 geblokkeerd; daarna ligt alles stil, {from} en {to}',
  runbookStep: '1.4 Alle retourberichten worden geblokkeerd',
  verifies: ['SW-1.2', 'SW-1.3', 'SW-1.4', 'SW-2.1', 'SW-3.1'],
}, async (world) => {
  for (const moment of [world.T1.minus({ milliseconds: 1 }), world.T1, world.T1.plus({ milliseconds: 1 })]) {
    await world.at(moment);
    await world.submitEveryCell();
  }
});

switchScenario({
  id: 'sw-retourstop-delivery',
  title: 'Retourberichten aanvaard om 16.59:59.999 uur worden ook na een mislukte eerste aflevering precies één keer afgeleverd',
  runbookStep: '1.4 Alle retourberichten worden geblokkeerd',
  verifies: ['SW-1.1', 'SW-1.3', 'SW-3.1'],
}, async (world) => {
  await world.at(world.T0.minus({ minutes: 5 }));
  const heen = await world.submitHeen(world.releases.from);
  await world.at(world.T1.minus({ milliseconds: 1 }));
  for (const identity of world.identities()) world.failNextDelivery(identity);
  await world.submitRetours(heen);
  await world.at(world.T1);
});
