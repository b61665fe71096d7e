#!/usr/bin/env node
// The npm package's command `ipgb-conformance`, and `npm run conformance`: the same arguments, exit
// statuses and --out (run-summary.md). The suite is TypeScript run through tsx, a runtime
// dependency, so nothing is compiled when the package is built or installed.
import { cpus } from 'node:os';
import { register } from 'tsx/esm/api';

// The machine's busy time before anything loads: with the command's own start it tells how many
// cores other processes keep busy (harness/cli/busy-cores.ts, which reads it; same fields).
const own = process.cpuUsage();
process.env.IPGB_CONFORMANCE_START_CPU = JSON.stringify({
  atMs: performance.timeOrigin + performance.now(),
  busyMs: cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0),
  ownMs: (own.user + own.system) / 1000,
});

// The command's JavaScript dependencies are loaded before tsx's hooks are: they need no
// transform, and through the hooks (a resolve and a load on tsx's thread for each of their
// modules, with source maps) they cost some 2 s of CPU, about a tenth of the default run
// (bench/README.md, "the default run"). Loaded once, the TypeScript's imports find them cached.
await Promise.all([
  'vitest/node', 'vitest', 'allure-vitest/reporter', 'allure-js-commons', 'libxml2-wasm', 'luxon',
  'undici', 'ajv/dist/2020.js', 'yaml', 'better-sqlite3', 'fast-xml-parser',
].map((name) => import(name)));
register();
await import('./conformance.ts');
