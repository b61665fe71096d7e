/**
 * The switches' published error lists (cutover.md): IB001 not well-formed or XSD-invalid, IB003
 * larger than 25 MB (once: its refusal does not depend on the moment), IB005 addressee unknown,
 * before the cutover and after the go-live
 * (runbook 2.1/2.2: configured and tested for iPgb 2.3).
 */
import { switchScenario } from '../../harness/switch-sut/index.js';

switchScenario({
  id: 'sw-hostile',
  title: 'Niet-welgevormd, XSD-ongeldig, groter dan 25 MB en onbekende geadresseerde worden geweigerd met IB001, IB003 en IB005',
  runbookStep: '2.1/2.2 De systemen staan geconfigureerd voor gebruik van iPgb 2.3',
  verifies: ['SW-4.1', 'SW-4.2', 'SW-4.3', 'SW-3.1'],
}, async (world) => {
  await world.at(world.T0.minus({ hours: 2 }));
  await world.submitHostile({ oversized: true });
  await world.at(world.T2.plus({ hours: 2 }));
  await world.submitHostile({ oversized: false });
});
