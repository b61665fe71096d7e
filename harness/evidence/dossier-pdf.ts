/**
 * `dossier.pdf`: the dossier's HTML printed by a real browser (headless Chromium through
 * puppeteer-core), so page breaks, the running header and "pagina x van y" are the browser's own.
 * Without a browser there is no PDF, and the caller says so; nothing is faked.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const requireHere = createRequire(import.meta.url);

/** Debian's Chromium, or the browser CONFORMANCE_CHROMIUM names. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = env['CONFORMANCE_CHROMIUM'] || '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/** Prints `html` to `pdfPath` on A4 with the page size and margins its CSS gives; returns the browser's version. */
export async function printPdf(html: string, pdfPath: string, browserPath: string): Promise<string> {
  // Loaded when a PDF is printed, not with the command, and through require(): as an ES module
  // each of its 150 files passes tsx's hooks, 0.9 s of CPU against 0.3 s (bench/README.md).
  const { default: puppeteer } = requireHere('puppeteer-core') as typeof import('puppeteer-core');
  const profile = mkdtempSync(join(tmpdir(), 'dossier-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: browserPath,
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-default-apps', `--user-data-dir=${profile}`,
    ],
  });
  try {
    const page = await browser.newPage();
    // The dossier fetches nothing; should it ever try, the request goes nowhere.
    await page.setRequestInterception(true);
    page.on('request', (request) => void (request.url().startsWith('data:') || request.url() === 'about:blank' ? request.continue() : request.abort('blockedbyclient')));
    await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, timeout: 60_000 });
    writeFileSync(pdfPath, pdf);
    return await browser.version();
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The number of pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}
