import { render } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { Markdown } from '../src/markdown';

const md = (text: string, citations = [] as Parameters<typeof Markdown>[0]['citations']) =>
  render(<Markdown text={text} citations={citations} citationLabel={(c) => `Source ${c.n}`} />).container;

test('paragraphs, emphasis, code and lists', () => {
  const el = md('Hello **big** *world* and `x<y`\nnext line\n\n- one\n- two **b**\n\n1. first\n2. second');
  expect(el.querySelectorAll('p')).toHaveLength(1);
  expect(el.querySelector('p')?.innerHTML).toBe(
    'Hello <strong>big</strong> <em>world</em> and <code>x&lt;y</code><br>next line',
  );
  expect([...el.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['one', 'two b']);
  expect(el.querySelector('ul strong')?.textContent).toBe('b');
  expect([...el.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(['first', 'second']);
});

test('links are kept only for http(s), opening in a new tab without opener', () => {
  const el = md('[Shop](https://shop.example/a) [bad](javascript:alert(1)) [data](data:text/html,x)');
  const links = el.querySelectorAll('a');
  expect(links).toHaveLength(1);
  expect(links[0]?.getAttribute('href')).toBe('https://shop.example/a');
  expect(links[0]?.getAttribute('target')).toBe('_blank');
  expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
  expect(el.textContent).toContain('[bad](javascript:alert(1))');
});

test('HTML in server text stays text', () => {
  const attacks = [
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '**<img src=x onerror=alert(1)>**',
    '[<svg onload=alert(1)>](https://ok.example)',
    '- <iframe src="javascript:alert(1)">',
    '`<b>code</b>`',
    '[x](https://ok.example" onmouseover="alert(1))',
  ];
  for (const text of attacks) {
    const el = md(text);
    expect(el.querySelector('script, img, svg, iframe, b'), text).toBeNull();
    for (const node of el.querySelectorAll('*')) {
      for (const attr of node.getAttributeNames()) expect(attr.startsWith('on'), text).toBe(false);
    }
  }
  expect(md('<script>alert(1)</script>').textContent).toBe('<script>alert(1)</script>');
});

test('citation markers link to their source; unknown ones stay text', () => {
  const el = md('Returns within 30 days [1]. Also [2] and [3].', [
    { n: 1, title: 'Returns', url: 'https://s.example/returns', section: null },
    { n: 2, title: 'Order 1001', url: null, section: null },
  ]);
  const links = el.querySelectorAll('a');
  expect(links).toHaveLength(1);
  expect(links[0]?.getAttribute('href')).toBe('https://s.example/returns');
  expect(links[0]?.getAttribute('aria-label')).toBe('Source 1');
  expect(el.textContent).toContain('Also [2] and [3].');
});
