/**
 * Where the suite keeps what it derives and may throw away (vitest's transformed modules, compiled
 * JSON Schemas): in the suite's own `node_modules/.cache/ipgb-conformance/<name>`, or where that
 * is read-only (an installed package, an image run as another user) in a folder of this user's
 * own in the temporary folder. The cached files are code the suite runs, so a temporary folder
 * that another user owns or may write is not used: undefined then, and the caller goes without.
 */
import { accessSync, constants, lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OWN_NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

/** `nodeModules` and `temporary`: the suite's own and the system's, unless a test names others. */
export function cacheFolder(name: string, nodeModules = OWN_NODE_MODULES, temporary = tmpdir()): string | undefined {
  try {
    accessSync(nodeModules, constants.W_OK);
    return join(nodeModules, '.cache', 'ipgb-conformance', name);
  } catch {
    return privateTemporaryFolder(name, temporary);
  }
}

function privateTemporaryFolder(name: string, temporary: string): string | undefined {
  const uid = process.getuid?.() ?? 'user';
  const root = join(temporary, `ipgb-conformance-cache-${uid}`);
  try {
    mkdirSync(root, { recursive: true, mode: 0o700 });
    const stat = lstatSync(root);
    const ownedAndPrivate = stat.isDirectory() && (process.getuid === undefined || stat.uid === process.getuid()) && (stat.mode & 0o077) === 0;
    return ownedAndPrivate ? join(root, name) : undefined;
  } catch {
    return undefined;
  }
}
