/**
 * Writes `<out>/dossier.md`, `<out>/dossier.html` and, when a browser is installed,
 * `<out>/dossier.pdf` for the iPgb steering group. The header of every page names summary.json's
 * SHA-256, so the summary is written first.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dossierHtml } from './dossier-html.js';
import { dossierMarkdown } from './dossier-markdown.js';
import { dossierView, type DossierInput } from './dossier-model.js';
import { chromiumPath, pdfPageCount, printPdf } from './dossier-pdf.js';
import { outFiles } from './out-layout.js';

export type { DossierInput } from './dossier-model.js';

export interface WrittenDossier {
  markdown: string;
  html: string;
  /** The PDF, or why there is none. */
  pdf: { path: string; pages: number; browser: string } | { missing: string };
}

export async function writeDossier(out: string, inputs: readonly DossierInput[]): Promise<WrittenDossier> {
  mkdirSync(out, { recursive: true });
  const files = outFiles(out);
  const summarySha = existsSync(files.summary) ? createHash('sha256').update(readFileSync(files.summary)).digest('hex') : undefined;
  const view = dossierView(inputs, summarySha);
  const browser = chromiumPath();
  const write = (pdfNote: string): string => {
    const list = ['dossier.html', 'dossier.md', pdfNote, 'summary.json', 'allure-report/index.html', 'manifest.json'];
    writeFileSync(files.dossierMd, dossierMarkdown(view, list), 'utf8');
    const html = dossierHtml(view, list);
    writeFileSync(files.dossierHtml, html, 'utf8');
    return html;
  };
  rmSync(files.dossierPdf, { force: true });
  if (!browser) {
    const missing = 'geen browser gevonden (/usr/bin/chromium of CONFORMANCE_CHROMIUM): installeer Chromium voor dossier.pdf';
    write(`dossier.pdf niet gemaakt: ${missing}`);
    return { markdown: files.dossierMd, html: files.dossierHtml, pdf: { missing } };
  }
  const html = write('dossier.pdf (afgedrukt door headless Chromium)');
  try {
    const version = await printPdf(html, files.dossierPdf, browser);
    return { markdown: files.dossierMd, html: files.dossierHtml, pdf: { path: files.dossierPdf, pages: pdfPageCount(readFileSync(files.dossierPdf)), browser: version } };
  } catch (error) {
    const missing = `Chromium kon de PDF niet maken: ${(error as Error).message.split('\n')[0]!.slice(0, 200)}`;
    write(`dossier.pdf niet gemaakt: ${missing}`);
    return { markdown: files.dossierMd, html: files.dossierHtml, pdf: { missing } };
  }
}

/** One console line about `<out>/dossier.pdf` for the commands: its pages, or why there is none. */
export function pdfStatusLine(out: string): string {
  const path = outFiles(out).dossierPdf;
  if (existsSync(path)) return `dossier pdf: ${path} (${pdfPageCount(readFileSync(path))} A4 pages, printed by headless Chromium)`;
  return chromiumPath()
    ? 'dossier pdf: not made: Chromium could not print it (see dossier.html, "Bestanden")'
    : 'dossier pdf: not made: no browser found (/usr/bin/chromium, or set CONFORMANCE_CHROMIUM); dossier.html prints on A4 from any browser';
}
