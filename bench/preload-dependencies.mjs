// Loaded with `node --import` before tsx's hooks (bench/national-drain.ts starts itself so): the
// drain's JavaScript dependencies need no transform, and through the hooks libxml2-wasm alone (one
// 1 MB module with its WebAssembly inlined) left the process some 150 MiB larger before the first
// event (264 against 110 MiB resident, bench/README.md). The TypeScript's imports of them then
// find them in the module cache, as the command's launcher (harness/cli/ipgb-conformance.mjs) does.
await Promise.all(['libxml2-wasm', 'luxon', 'undici', 'ajv/dist/2020.js', 'yaml', 'fast-xml-parser', 'better-sqlite3'].map((name) => import(name)));
globalThis[Symbol.for('ipgb.bench.preloaded')] = true;
