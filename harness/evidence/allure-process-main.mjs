/**
 * A node process that runs one `allure generate`, started before the report is due: it loads
 * allure's modules first (about 1 s of CPU, half its work) while the run still has a core to
 * spare, then waits for the command's arguments on its IPC channel and runs allure's own CLI with
 * them. Plain JavaScript: it needs no TypeScript hooks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
// allure exports only dist/index.js (which runs the CLI when imported); its bin sits one folder above.
const allureDir = join(dirname(require.resolve('allure')), '..');
const cli = join(allureDir, 'cli.js');
const { dependencies = {} } = JSON.parse(readFileSync(join(allureDir, 'package.json'), 'utf8'));

/** The CLI imports every command and its plugin; loaded now, they are cached when it runs. */
const warm = Promise.allSettled(Object.keys(dependencies).map((name) => import(name)));

process.once('message', async ({ args, cwd }) => {
  await warm;
  process.chdir(cwd);
  // The CLI reads node:process's argv, the same array: changed in place, not replaced.
  process.argv.splice(1, Infinity, cli, ...args);
  process.disconnect();
  await import(pathToFileURL(cli).href);
});
