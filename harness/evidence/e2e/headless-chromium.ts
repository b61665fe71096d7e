/**
 * Test helpers to open generated HTML in headless Chromium the way a reader would, over a
 * local HTTP server. Requests are attributed to the page through the DevTools protocol
 * (puppeteer-core request interception): every request the page makes beyond 127.0.0.1 is
 * recorded and aborted. Chromium's own background traffic (component and variations updates,
 * which a current Debian Chromium makes whatever its flags) is not the page's and is not counted,
 * which a proxy in front of the whole browser cannot tell apart.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = (): string | undefined =>
  existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser checks`;

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

export interface PageView {
  dom: string;
  /** Every request the page tried to make beyond 127.0.0.1 (all were aborted). */
  egress: string[];
}

const isLoopback = (url: string): boolean => {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
};

/** Loads `url`, lets its scripts settle, returns the rendered DOM and writes a screenshot. */
export async function viewInChromium(url: string, opts: { screenshot: string; pdf?: string }): Promise<PageView> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-default-apps', `--user-data-dir=${profile}`,
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const egress: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (isLoopback(request.url())) void request.continue();
      else {
        egress.push(request.url());
        void request.abort('blockedbyclient');
      }
    });
    await page.goto(url, { waitUntil: 'networkidle0', timeout: 60_000 });
    // The report renders after its bundle has run; give late scripts a moment, bounded.
    await new Promise((ok) => setTimeout(ok, 500));
    const dom = await page.content();
    await page.screenshot({ path: opts.screenshot, fullPage: false });
    if (opts.pdf) await page.pdf({ path: opts.pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    return { dom, egress };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
