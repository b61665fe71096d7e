/** What suites/schakelpunt may use: the scenario definer and the world it hands a scenario. */
export { switchScenario } from './define-switch-scenario.js';
export type { SwitchWorld } from './switch-world.js';
