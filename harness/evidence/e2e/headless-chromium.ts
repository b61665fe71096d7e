/**
 * Test helpers to open generated HTML in headless Chromium the way a reader would, over a
 * local HTTP server, with every request that tries to leave 127.0.0.1 caught: Chromium's proxy
 * is a local trap that records the target and refuses it (loopback bypasses the proxy).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = (): string | undefined =>
  existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser checks`;

const run = promisify(execFile);

async function listen(server: Server): Promise<string> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const closeServer = (server: Server): Promise<void> =>
  new Promise((ok) => {
    server.closeAllConnections();
    server.close(() => ok());
  });

/** Serves the files of `dir` read-only on 127.0.0.1. */
export async function serveDirectory(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(root) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    const type = path.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(path));
  });
  return { origin: `http://${await listen(server)}`, close: () => closeServer(server) };
}

/** A proxy that records where each request wanted to go and lets none of them through. */
export async function egressTrap(): Promise<{ proxy: string; attempts: string[]; close: () => Promise<void> }> {
  const attempts: string[] = [];
  const server = createServer((req, res) => {
    attempts.push(req.url ?? '?');
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    attempts.push(`CONNECT ${req.url ?? '?'}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  return { proxy: `http://${await listen(server)}`, attempts, close: () => closeServer(server) };
}

export interface PageView { dom: string }

/** Loads `url`, lets its scripts run for a while of virtual time, returns the rendered DOM and writes a screenshot. */
export async function viewInChromium(url: string, opts: { proxy: string; screenshot: string }): Promise<PageView> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const common = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-default-apps',
    `--user-data-dir=${profile}`, `--proxy-server=${opts.proxy}`,
    '--virtual-time-budget=15000', '--window-size=1280,900',
    // Chromium's own background calls (search preconnect, sign-in account list, network time,
    // autofill) would otherwise reach the trap and hide what the page itself requests; the
    // Google, Gaia and GCM URLs are pointed at a closed local port for the same reason.
    '--disable-domain-reliability', '--no-pings', '--disable-client-side-phishing-detection',
    '--disable-breakpad', '--metrics-recording-only', '--safebrowsing-disable-auto-update',
    '--dns-prefetch-disable', '--disable-extensions', '--disable-component-extensions-with-background-pages',
    '--disable-features=NetworkTimeServiceQuerying,AutofillServerCommunication,OptimizationHints,MediaRouter,Translate,CertificateTransparencyComponentUpdater,PreconnectToSearch,SearchPrefetchServicePrefetching',
    '--google-base-url=http://127.0.0.1:1', '--gaia-url=http://127.0.0.1:1',
    '--gcm-checkin-url=http://127.0.0.1:1', '--gcm-registration-url=http://127.0.0.1:1', '--gcm-mcs-endpoint=http://127.0.0.1:1',
  ];
  try {
    const { stdout } = await run(CHROMIUM, [...common, '--dump-dom', url], { maxBuffer: 64 * 1024 * 1024, timeout: 90_000 });
    await run(CHROMIUM, [...common, `--screenshot=${opts.screenshot}`, url], { timeout: 90_000 });
    return { dom: stdout };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
