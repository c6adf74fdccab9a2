import { badgeSvg, escapeXml, textWidth } from '../../src/api/badgeSvg.js';
import { BADGE_COLORS } from '../../src/api/badgeColors.js';
import { elementsNamed, parseXml, textOf } from '../support/xmlCheck.js';

describe('badgeSvg', () => {
  it('draws a well-formed SVG with the label, the message and the colour', () => {
    const svg = badgeSvg({ label: 'api', message: 'up', color: 'brightgreen' });
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(root.attributes.height).toBe('20');
    expect(textOf(elementsNamed(root, 'title')[0])).toBe('api: up');
    expect(elementsNamed(root, 'text').map(textOf)).toEqual(['api', 'api', 'up', 'up']);
    expect(elementsNamed(root, 'rect').map((rect) => rect.attributes.fill)).toContain(BADGE_COLORS.brightgreen);
  });

  it('is as wide as its two texts plus 10 px of padding each', () => {
    const root = parseXml(badgeSvg({ label: 'uptime 30d', message: '99.95%', color: 'green' }));
    const [, left, right] = elementsNamed(root, 'rect');
    expect(Number(left.attributes.width)).toBe(Math.round(textWidth('uptime 30d') + 10));
    expect(Number(right.attributes.width)).toBe(Math.round(textWidth('99.95%') + 10));
    expect(Number(root.attributes.width)).toBe(Number(left.attributes.width) + Number(right.attributes.width));
  });

  it.each([
    ['<script>alert(1)</script>'],
    ['a & b'],
    ['"quoted" \'single\''],
    [']]> &amp; &#x41;'],
    ['bell\u0007 and a lone \ud800 surrogate'],
    ['名前 ümlaut'],
  ])('renders %j as text, never markup', (label) => {
    const root = parseXml(badgeSvg({ label, message: 'up', color: 'brightgreen' }));
    expect(elementsNamed(root, 'script')).toEqual([]);
    const expected = label.replace(/[\u0007]|\ud800/g, '');
    expect(textOf(elementsNamed(root, 'text')[0])).toBe(expected);
    expect(root.attributes['aria-label']).toBe(`${expected}: up`);
  });

  it('cuts very long texts', () => {
    const root = parseXml(badgeSvg({ label: 'x'.repeat(500), message: 'up', color: 'red' }));
    expect(textOf(elementsNamed(root, 'text')[0])).toBe(`${'x'.repeat(63)}…`);
  });
});

describe('textWidth', () => {
  it.each([
    ['', 0],
    [' ', 3.9],
    ['0123456789', 70],
    ['up', 7 + 6.9],
    ['W', 10.9],
    ['i', 3],
  ])('measures %j as %d px', (text, width) => {
    expect(textWidth(text)).toBeCloseTo(width, 5);
  });

  it('gives wide characters more room than narrow ones', () => {
    expect(textWidth('名')).toBeGreaterThan(textWidth('l'));
    expect(textWidth('MMMM')).toBeGreaterThan(textWidth('iiii'));
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('parseXml (the test helper)', () => {
  it.each([
    ['<a><b></a>'],
    ['<a x="1" x="2"/>'],
    ['<a>&nbsp;</a>'],
    ['<a>a & b</a>'],
    ['<a x="<"/>'],
    ['<a/><b/>'],
    ['<a x=1/>'],
    ['<a>'],
  ])('refuses %j', (text) => {
    expect(() => parseXml(text)).toThrow(/not well-formed/);
  });

  it('reads entities, comments and a declaration', () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- hi --><a t="&lt;&#65;">x &amp; <b/>y</a>');
    expect(root.attributes.t).toBe('<A');
    expect(textOf(root)).toBe('x & y');
  });
});
