/**
 * How the counterparty writes its XML. `suite` is `buildXml`'s own layout (the golden fixtures'):
 * a default namespace, two-space indentation. `another-library` is the same content as another
 * vendor's XML library writes it: every element under a prefix declared on the root (`ns2:`, the
 * name JAXB gives its first namespace), all on one line, a `standalone` declaration, a comment
 * inside the root and the Identificatie in a CDATA section. Both are valid against the same XSD
 * and read the same to any XML reader (messages.md: a reader matches on local names); a party that
 * finds its values by matching the suite's own text refuses or misreads the second.
 */
export type XmlStyle = 'suite' | 'another-library';

const PREFIX = 'ns2';

/**
 * `xml` in `style`. `xml` must be `buildXml` output: its values are escaped, so every `<` in it
 * starts markup, and only markup is rewritten.
 */
export function inXmlStyle(xml: string, style: XmlStyle): string {
  if (style === 'suite') return xml;
  return xml
    .replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
    // Indentation only: a value never starts or ends a line, its `<` being escaped.
    .replace(/>\n *</g, '><')
    .replace(/\n$/, '')
    .replace(/<(\/?)(?=[A-Za-z])/g, `<$1${PREFIX}:`)
    .replace(/^(<\?[^>]*>)?(<ns2:Bericht) xmlns="([^"]*)">/, `$1$2 xmlns:${PREFIX}="$3"><!-- written by another XML library -->`)
    // A value with a reference stays as it is: CDATA would show the reference as text.
    .replace(/<ns2:Identificatie>([^<&]*)<\/ns2:Identificatie>/, '<ns2:Identificatie><![CDATA[$1]]></ns2:Identificatie>');
}
