/** An element of a parsed XML document. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: Array<XmlElement | string>;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_.:]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * A strict, small XML parser for tests: one root element, balanced tags, quoted attributes (no
 * duplicates, no raw `<`), only the five predefined and numeric character references, no raw `&`,
 * no characters XML 1.0 forbids; an optional `<?xml …?>` declaration, comments. Throws on the first
 * problem, naming the offset.
 *
 * @param text The document.
 * @returns The root element, with entities decoded.
 */
export function parseXml(text: string): XmlElement {
  let at = 0;
  const fail = (problem: string): never => {
    throw new Error(`not well-formed XML at ${at}: ${problem} (…${JSON.stringify(text.slice(at, at + 30))})`);
  };
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(text)) fail('a character XML 1.0 forbids');
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at])) at += 1;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (text.startsWith('<!--', at)) {
        const end = text.indexOf('-->', at + 4);
        if (end < 0) fail('unclosed comment');
        at = end + 3;
      } else return;
    }
  };
  const name = (): string => {
    NAME.lastIndex = at;
    const match = NAME.exec(text);
    if (!match) fail('expected a name');
    at += match![0].length;
    return match![0];
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) fail(`a raw & in ${JSON.stringify(raw)}`);
      if (Object.hasOwn(ENTITIES, ref)) return ENTITIES[ref];
      const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
      if (!numeric) fail(`unknown entity &${ref};`);
      return String.fromCodePoint(numeric![1] ? parseInt(numeric![1], 16) : Number(numeric![2]));
    });
  const element = (): XmlElement => {
    if (text[at] !== '<') fail('expected <');
    at += 1;
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      skipSpace();
      if (text.startsWith('/>', at)) {
        at += 2;
        return { name: tag, attributes, children: [] };
      }
      if (text[at] === '>') {
        at += 1;
        break;
      }
      if (at === before) fail('expected a space before an attribute');
      const attribute = name();
      if (Object.hasOwn(attributes, attribute)) fail(`duplicate attribute ${attribute}`);
      skipSpace();
      if (text[at] !== '=') fail('expected =');
      at += 1;
      skipSpace();
      const quote = text[at];
      if (quote !== '"' && quote !== "'") fail('expected a quoted value');
      const end = text.indexOf(quote, at + 1);
      if (end < 0) fail('unclosed attribute value');
      const raw = text.slice(at + 1, end);
      if (raw.includes('<')) fail('a raw < in an attribute value');
      attributes[attribute] = decode(raw);
      at = end + 1;
    }
    const children: Array<XmlElement | string> = [];
    for (;;) {
      if (at >= text.length) fail(`unclosed <${tag}>`);
      if (text.startsWith('</', at)) {
        at += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        skipSpace();
        if (text[at] !== '>') fail('expected >');
        at += 1;
        return { name: tag, attributes, children };
      }
      if (text.startsWith('<!--', at)) {
        skipMisc();
        continue;
      }
      if (text[at] === '<') {
        children.push(element());
        continue;
      }
      const end = text.indexOf('<', at);
      const raw = text.slice(at, end < 0 ? text.length : end);
      if (raw.includes(']]>')) fail(']]> in text');
      children.push(decode(raw));
      at += raw.length;
    }
  };
  if (text.startsWith('<?xml', at)) {
    const end = text.indexOf('?>', at);
    if (end < 0) fail('unclosed declaration');
    at = end + 2;
  }
  skipMisc();
  const root = element();
  skipMisc();
  if (at !== text.length) fail('content after the root element');
  return root;
}

/**
 * @param element An element.
 * @returns Every descendant (and itself) with that name, in document order.
 */
export function elementsNamed(element: XmlElement, name: string): XmlElement[] {
  const found = element.name === name ? [element] : [];
  for (const child of element.children) if (typeof child !== 'string') found.push(...elementsNamed(child, name));
  return found;
}

/**
 * @param element An element.
 * @returns Its text content, entities decoded.
 */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}
