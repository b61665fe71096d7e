/** Writes `<out>/dossier.md` and `<out>/dossier.html` for the iPgb steering group. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dossierHtml } from './dossier-html.js';
import { dossierMarkdown } from './dossier-markdown.js';
import type { DossierInput } from './dossier-model.js';
import { outFiles } from './out-layout.js';

export type { DossierInput } from './dossier-model.js';

export function writeDossier(out: string, inputs: readonly DossierInput[]): { markdown: string; html: string } {
  mkdirSync(out, { recursive: true });
  const files = outFiles(out);
  writeFileSync(files.dossierMd, dossierMarkdown(inputs), 'utf8');
  writeFileSync(files.dossierHtml, dossierHtml(inputs), 'utf8');
  return { markdown: files.dossierMd, html: files.dossierHtml };
}
