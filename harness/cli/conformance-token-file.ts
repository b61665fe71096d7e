/**
 * The control plane's token on its way to the suites' workers: a file in a fresh folder only
 * this user can enter, readable only by this user, removed when the run ends (also on a signal).
 * The workers' environment then holds its path, never the token (`ps e`, /proc/PID/environ).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class TokenFile {
  private dir: string | undefined;

  /** Writes the token and returns the file's path. */
  write(token: string): string {
    this.dir ??= mkdtempSync(join(tmpdir(), 'conformance-token-'));
    const path = join(this.dir, 'token');
    writeFileSync(path, token, { encoding: 'utf8', mode: 0o600 });
    return path;
  }

  remove(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
