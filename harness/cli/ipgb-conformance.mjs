#!/usr/bin/env node
// The npm package's command `ipgb-conformance`: the same arguments, exit statuses and --out as
// `npm run conformance` (run-summary.md). The suite is TypeScript run through tsx, a runtime
// dependency, so nothing is compiled when the package is built or installed.
import { register } from 'tsx/esm/api';

register();
await import('./conformance.ts');
