/**
 * Runbook 5.1, step 1.2 (BIDN, VECOZO), maandag 30 maart 09.00 uur:
 * "Alle heenberichten worden geblokkeerd (501, 507)."
 */
import { switchScenario } from '../../harness/switch-sut/index.js';

switchScenario({
  id: 'sw-heenstop-edge',
  title: 'Om 09.00 uur worden 501 en 507 geblokkeerd, niet eerder; retourberichten gaan door; {to} nog niet',
  runbookStep: '1.2 Alle heenberichten worden geblokkeerd (501, 507)',
  verifies: ['SW-1.1', 'SW-1.2', 'SW-1.3', 'SW-2.1', 'SW-3.1'],
}, async (world) => {
  for (const moment of [world.T0.minus({ milliseconds: 1 }), world.T0, world.T0.plus({ milliseconds: 1 })]) {
    await world.at(moment);
    await world.submitEveryCell();
  }
});

switchScenario({
  id: 'sw-heenstop-delivery',
  title: 'Wat om 08.59:59.999 uur is aanvaard, wordt ook bij een mislukte eerste aflevering precies één keer afgeleverd',
  runbookStep: '1.2 Alle heenberichten worden geblokkeerd (501, 507)',
  verifies: ['SW-1.1', 'SW-3.1'],
}, async (world) => {
  await world.at(world.T0.minus({ milliseconds: 1 }));
  for (const identity of world.identities()) world.failNextDelivery(identity);
  await world.submitHeen(world.releases.from);
  await world.at(world.T0);
});
