/**
 * Test helper: the text of each page of a PDF that Chromium (Skia) printed, so a test can read
 * what a printed page shows (running header, "pagina x van y", how full it is) without poppler.
 * Enough PDF for Skia's output: uncompressed object syntax, Flate content streams, glyphs shown
 * with `<hex> Tj` / `[...] TJ` and mapped back to text through each font's ToUnicode CMap.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject { dict: string; stream?: Buffer }

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      found.set(Number(m[1]), { dict: body });
      continue;
    }
    const start = body.indexOf('\n', at) + 1;
    const end = body.lastIndexOf('endstream');
    let raw = Buffer.from(body.slice(start, end).replace(/\r?\n$/, ''), 'latin1');
    if (/\/FlateDecode/.test(body.slice(0, at))) raw = inflateSync(raw);
    found.set(Number(m[1]), { dict: body.slice(0, at), stream: raw });
  }
  return found;
}

/** A ToUnicode CMap: glyph code (hex) → text. */
function cmapOf(source: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(src!.toUpperCase(), utf16(dst!));
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const width = lo!.length;
      const base = parseInt(dst!, 16);
      for (let code = parseInt(lo!, 16), i = 0; code <= parseInt(hi!, 16); code++, i++) {
        map.set(code.toString(16).toUpperCase().padStart(width, '0'), String.fromCharCode(base + i));
      }
    }
  }
  return map;
}

/** The text of every page, in page order (glyphs concatenated; spaces are the font's own). */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const cmaps = new Map<string, Map<string, string>>();
  for (const [num, obj] of objs) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(obj.dict)?.[1];
    const cmap = ref ? objs.get(Number(ref))?.stream : undefined;
    if (cmap) cmaps.set(`F${num}`, cmapOf(cmap.toString('latin1')));
  }
  const root = [...objs.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent/.test(o.dict));
  // Skia makes a tree of /Pages nodes once a document has more than a few pages.
  const leaves = (node: PdfObject | undefined): number[] =>
    [...(/\/Kids\s*\[([^\]]*)\]/.exec(node?.dict ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]))
      .flatMap((kid) => (/\/Type\s*\/Pages\b/.test(objs.get(kid)?.dict ?? '') ? leaves(objs.get(kid)) : [kid]));
  return leaves(root).map((kid) => {
    const contents = /\/Contents (\d+) 0 R/.exec(objs.get(kid)?.dict ?? '')?.[1];
    const ops = objs.get(Number(contents))?.stream?.toString('latin1') ?? '';
    let font: Map<string, string> | undefined;
    let out = '';
    for (const m of ops.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9A-Fa-f]*>|[^\]])*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (m[1]) font = cmaps.get(m[1]);
      const hexes = m[2] !== undefined ? [...m[2].matchAll(/<([0-9A-Fa-f]*)>/g)].map((h) => h[1]!) : m[3] !== undefined ? [m[3]] : [];
      for (const hex of hexes) for (const code of hex.toUpperCase().match(/.{4}/g) ?? []) out += font?.get(code) ?? '';
    }
    // Fonts map ligatures (ﬁ, ﬃ) to one code point: NFKC gives the letters back.
    return out.normalize('NFKC');
  });
}

/** Text without whitespace: a printed line break may or may not leave a space glyph behind. */
export const squashed = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');
