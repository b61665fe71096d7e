/** What suites use: `scenario()` and the world it hands them. Suites import nothing else. */
export { scenario } from './define-scenario.js';
export { liveScenario } from './live-scenario.js';
export type { ScenarioDefinition, ScenarioBody } from './define-scenario.js';
export type { CutoverWorld } from './cutover-world.js';
export type { HostileKind } from './hostile-deliveries.js';
