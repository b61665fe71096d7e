/**
 * Checks on a message body before any XML parser sees it. They are cheap on purpose: a body
 * over the limit is refused on its byte count alone, and the DOCTYPE check looks only at the
 * prolog, so a hostile body costs (almost) nothing to refuse.
 */

/** messages.md: a message is at most 25 MB; the switches refuse bigger ones with IB003. */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export type EnvelopeProblem = 'too-large' | 'doctype' | 'not-utf8' | 'empty';

export type EnvelopeVerdict =
  | { ok: true; xml: string; bom: boolean }
  | { ok: false; problem: EnvelopeProblem; message: string };

const BOM = '\uFEFF';

/** A UTF-16 surrogate without its partner: a JS string can hold one, UTF-8 cannot. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Fatal: a byte sequence that is not UTF-8 is refused, never replaced by U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function inspectEnvelope(body: Buffer | Uint8Array | string): EnvelopeVerdict {
  let text: string;
  if (typeof body === 'string') {
    // A UTF-16 string has at most as many code units as its UTF-8 form has bytes, so the
    // length alone refuses most oversized strings without counting.
    if (body.length > MAX_MESSAGE_BYTES) return tooLarge(`more than ${MAX_MESSAGE_BYTES}`);
    const bytes = Buffer.byteLength(body, 'utf8');
    if (bytes > MAX_MESSAGE_BYTES) return tooLarge(String(bytes));
    if (LONE_SURROGATE.test(body)) {
      return refuse('not-utf8', 'the text holds a lone surrogate, which has no UTF-8 encoding', 'Send the message as valid UTF-8.');
    }
    text = body;
  } else {
    if (body.byteLength > MAX_MESSAGE_BYTES) return tooLarge(String(body.byteLength));
    try {
      text = utf8.decode(body);
    } catch {
      return refuse(
        'not-utf8',
        'the body holds a byte sequence that is not UTF-8',
        'Encode the message as UTF-8 (messages.md: files are UTF-8 without byte-order mark).',
      );
    }
  }

  const bom = text.startsWith(BOM);
  const xml = bom ? text.slice(BOM.length) : text;
  if (!/\S/.test(xml)) {
    return refuse('empty', 'the body holds no XML', 'Send one iPgb message as the body.');
  }
  const prolog = xml.slice(0, rootStartOf(xml));
  if (/<!(DOCTYPE|ENTITY)/i.test(prolog)) {
    return refuse(
      'doctype',
      'it carries a document type or entity declaration before the root element; iPgb messages never do, and ' +
        'such declarations are how external files get read (XXE) or memory gets exhausted (entity expansion)',
      'Send the message without <!DOCTYPE ...> and without entity declarations.',
    );
  }
  const declared = /^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/.exec(xml)?.[1];
  // The same rule as the message reader's (detect.ts): only the name UTF-8, in any case.
  if (declared !== undefined && declared.toLowerCase() !== 'utf-8') {
    return refuse(
      'not-utf8',
      `its XML declaration names encoding "${declared}"`,
      'iPgb messages are UTF-8: declare encoding="UTF-8" (or none) and encode the body as UTF-8.',
    );
  }
  return { ok: true, xml, bom };
}

/**
 * Where the root start tag begins: after whitespace, the XML declaration, processing
 * instructions and comments. A DOCTYPE ends the scan where it begins, which still puts the
 * declaration inside the prolog examined above (the `<!` of `<!DOCTYPE` is not a root tag).
 */
function rootStartOf(xml: string): number {
  let i = 0;
  for (;;) {
    while (i < xml.length && /\s/.test(xml[i] ?? '')) i++;
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end < 0) return xml.length;
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) return xml.length;
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      // A declaration: include it whole (up to the first start tag after it) in the prolog.
      const next = xml.slice(i).search(/<[A-Za-z_:]/);
      return next < 0 ? xml.length : i + next;
    } else {
      return i;
    }
  }
}

function tooLarge(bytes: string): EnvelopeVerdict {
  return refuse(
    'too-large',
    `it is ${bytes} bytes, over the limit of ${MAX_MESSAGE_BYTES} bytes (25 MB, messages.md)`,
    'Split the content over several messages; the switches refuse bigger files with IB003.',
  );
}

function refuse(problem: EnvelopeProblem, why: string, fix: string): EnvelopeVerdict {
  return { ok: false, problem, message: `Message refused before parsing (${problem}): ${why}. ${fix}` };
}
