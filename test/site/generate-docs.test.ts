/**
 * The docs generator (scripts/generate-docs.ts), on the pages it produces now (not files on disk):
 * one page per function in teaching order, everything on a page read back through the same parsers
 * Docusaurus uses (MDX, math, GFM) equal to the module's own text, each page compiling as MDX with
 * KaTeX, and the bibliography and references.bib complete.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { compile } from '@mdx-js/mdx';
import type { Code, Heading, List, Root, RootContent, Table } from 'mdast';
import type { Math as MathNode } from 'mdast-util-math';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { toBibtex } from '../../src/cite.js';
import { referenceKeys, references } from '../../src/references.js';
import { activationIds, activations } from '../../src/registry.js';
import { vectorFunctionIds, vectorFunctions } from '../../src/vector/softmax.js';
import {
  ACTIVATION_DOCS,
  BANNER_MARK,
  DOCS,
  ROOT,
  STATIC,
  generate,
  jsonExpression,
  type GeneratedPage,
} from '../../scripts/generate-docs.js';
import { rehypeKatexErrors } from '../../website/plugins/rehype-katex-errors.js';

let pages: GeneratedPage[] = [];
const byFile = new Map<string, string>();

before(async () => {
  pages = await generate();
  for (const p of pages) byFile.set(p.file, p.content);
});

function pageOf(file: string): string {
  const content = byFile.get(file);
  assert.ok(content !== undefined, `no generated page ${path.relative(ROOT, file)}; generated: ${[...byFile.keys()].map((f) => path.relative(ROOT, f)).join(', ')}`);
  return content;
}

function splitFrontMatter(mdx: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  assert.ok(match, 'page has no front matter');
  const front: Record<string, unknown> = {};
  for (const line of match[1]!.split('\n')) {
    const colon = line.indexOf(': ');
    front[line.slice(0, colon)] = JSON.parse(line.slice(colon + 2));
  }
  return { front, body: mdx.slice(match[0].length) };
}

function parse(mdx: string): Root {
  return unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkGfm).parse(splitFrontMatter(mdx).body) as Root;
}

/** The children of the section under the level-2 heading `title`. */
function section(tree: Root, title: string): RootContent[] {
  const start = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && toString(n) === title);
  assert.ok(start >= 0, `no section "${title}"; sections: ${tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 2).map((n) => toString(n)).join(', ')}`);
  const end = tree.children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth === 2);
  return tree.children.slice(start + 1, end < 0 ? undefined : end);
}

/** The items of the list that follows the level-3 heading `title` in `nodes`. */
function listAfter(nodes: RootContent[], title: string): string[] {
  const i = nodes.findIndex((n) => n.type === 'heading' && n.depth === 3 && toString(n) === title);
  assert.ok(i >= 0, `no "${title}" subsection`);
  const next = nodes.slice(i + 1).find((n) => n.type === 'list' || n.type === 'heading');
  assert.ok(next?.type === 'list', `"${title}" is not followed by a list`);
  const list = next as List;
  return list.children.map((item) => toString(item));
}

function elements(tree: Root, name: string): MdxJsxFlowElement[] {
  const found: MdxJsxFlowElement[] = [];
  visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
    if (node.name === name) found.push(node);
  });
  return found;
}

/** An attribute's value: a string, or the JavaScript expression evaluated (our expressions are JSON). */
function attribute(element: MdxJsxFlowElement, name: string): unknown {
  const attr = element.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attr) return undefined;
  if (typeof attr.value === 'string' || attr.value === null || attr.value === undefined) return attr.value;
  return JSON.parse(attr.value.value);
}

const activationFile = (name: string) => path.join(ACTIVATION_DOCS, `${name}.mdx`);
const kebab = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe('function pages', () => {
  test('there is one page per activation and per softmax-family function, named like the module file, and no other', () => {
    const expected = [...activationIds, ...vectorFunctionIds].map((id) => activationFile(kebab(id))).sort();
    const got = pages.map((p) => p.file).filter((f) => f.startsWith(ACTIVATION_DOCS)).sort();
    assert.deepEqual(got, expected);
    for (const id of activationIds) {
      assert.ok(existsSync(path.join(ROOT, 'src', 'activations', `${kebab(id)}.ts`)), `page name ${kebab(id)} does not match a file in src/activations`);
    }
  });

  test('sidebar positions follow the registry teaching order, then softmax, logSoftmax, softmin', () => {
    const order = [...activationIds, ...vectorFunctionIds];
    const positions = order.map((id) => splitFrontMatter(pageOf(activationFile(kebab(id)))).front['sidebar_position'] as number);
    for (let i = 1; i < positions.length; i++) {
      assert.ok(positions[i]! > positions[i - 1]!, `${order[i]} (position ${positions[i]}) must come after ${order[i - 1]} (position ${positions[i - 1]})`);
    }
  });

  test('every page starts with the AUTOGENERATED banner naming the generator', () => {
    for (const p of pages.filter((x) => x.file.endsWith('.mdx'))) {
      const { body } = splitFrontMatter(p.content);
      assert.ok(body.trimStart().startsWith(`{/* ${BANNER_MARK}`), `${path.relative(ROOT, p.file)} does not start with the banner: ${body.slice(0, 80)}`);
    }
  });

  for (const id of activationIds) {
    test(`the ${id} page shows the module's own formula, parameters, chart, derivative, properties, trade-offs, links and citations`, () => {
      const a = activations[id]!;
      const mdx = pageOf(activationFile(kebab(id)));
      const { front } = splitFrontMatter(mdx);
      assert.equal(front['title'], a.name);
      assert.equal(front['description'], a.summary);
      const tree = parse(mdx);

      const formulas = section(tree, 'Formula').filter((n): n is MathNode => n.type === 'math').map((n) => n.value);
      assert.deepEqual(formulas, [a.latex.forward, ...(a.latex.notes ?? [])]);
      const derivative = section(tree, 'Derivative').filter((n): n is MathNode => n.type === 'math').map((n) => n.value);
      assert.deepEqual(derivative, [a.latex.derivative]);
      if (a.kinkConvention) assert.ok(section(tree, 'Derivative').some((n) => toString(n).includes(a.kinkConvention!)), 'the kink convention is missing');

      const params = section(tree, 'Parameters');
      if (a.params.length) {
        const rows = (params.find((n): n is Table => n.type === 'table')!).children.slice(1).map((r) => r.children.map((c) => toString(c)));
        assert.deepEqual(
          rows.map((r) => r.slice(0, 4)),
          a.params.map((p) => [p.name, p.torchName, p.symbol, typeof a.defaults[p.name] === 'string' ? `'${a.defaults[p.name]}'` : String(a.defaults[p.name])]),
        );
        assert.deepEqual(rows.map((r) => r[5]), a.params.map((p) => p.description));
      }

      const charts = elements(tree, 'ActivationChart');
      assert.equal(charts.length, 1);
      assert.equal(attribute(charts[0]!, 'id'), id);

      const props = section(tree, 'Properties').find((n): n is Table => n.type === 'table')!;
      const range = props.children.find((r) => toString(r.children[0]!) === 'Range')!;
      assert.equal(toString(range.children[1]!), a.properties.rangeLatex);

      const trade = section(tree, 'Trade-offs');
      assert.deepEqual(listAfter(trade, 'Advantages'), a.tradeOffs.advantages);
      assert.deepEqual(listAfter(trade, 'Disadvantages'), a.tradeOffs.disadvantages);
      assert.deepEqual(listAfter(trade, 'When to use'), a.tradeOffs.whenToUse);
      if (a.tradeOffs.corrections?.length) assert.deepEqual(listAfter(trade, 'Corrections'), a.tradeOffs.corrections);

      const links: string[] = [];
      visit(tree, 'link', (l) => void links.push(l.url));
      for (const key of a.papers) assert.ok(links.includes(`../bibliography.mdx#${key}`), `no link to the bibliography entry ${key}`);
      for (const other of a.seeAlso) assert.ok(links.includes(`./${kebab(other)}.mdx`), `no see-also link to ${other}`);

      const cites = elements(tree, 'CiteBlock');
      assert.deepEqual(cites.map((c) => attribute(c, 'citeKey')), [...a.papers]);
      for (const c of cites) assert.equal(attribute(c, 'bibtex'), toBibtex(attribute(c, 'citeKey') as string).trim());
    });
  }

  for (const id of vectorFunctionIds) {
    test(`the ${id} page shows its formula, Jacobian, properties, trade-offs, interactive chart and walkthrough chart`, () => {
      const f = vectorFunctions[id];
      const tree = parse(pageOf(activationFile(kebab(id))));
      assert.deepEqual(section(tree, 'Formula').filter((n): n is MathNode => n.type === 'math').map((n) => n.value), [f.latex.forward]);
      assert.deepEqual(section(tree, 'Derivative').filter((n): n is MathNode => n.type === 'math').map((n) => n.value), [f.latex.derivative, ...(f.latex.notes ?? [])]);
      const props = section(tree, 'Properties').find((n): n is List => n.type === 'list')!;
      assert.deepEqual(props.children.map((i) => toString(i)), f.properties);
      assert.deepEqual(listAfter(section(tree, 'Trade-offs'), 'Advantages'), f.tradeOffs.advantages);
      assert.equal(attribute(elements(tree, 'VectorChart')[0]!, 'id'), id);
      const spec = attribute(elements(tree, 'NotebookChart')[0]!, 'spec') as { kind: string; fn: string };
      assert.equal(spec.kind, 'vector');
      assert.equal(spec.fn, id);
      assert.deepEqual(elements(tree, 'CiteBlock').map((c) => attribute(c, 'citeKey')), [...f.papers]);
    });
  }

  test('every generated page compiles as MDX with math, KaTeX and the KaTeX error check', async () => {
    for (const p of pages.filter((x) => x.file.endsWith('.mdx'))) {
      try {
        await compile(splitFrontMatter(p.content).body, {
          remarkPlugins: [remarkMath, remarkGfm],
          rehypePlugins: [rehypeKatex, rehypeKatexErrors],
        });
      } catch (e) {
        assert.fail(`${path.relative(ROOT, p.file)} does not compile: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  });

  test('each usage example is followed by its output block', () => {
    for (const id of [...activationIds, ...vectorFunctionIds]) {
      const nodes = section(parse(pageOf(activationFile(kebab(id)))), 'Usage').filter((n): n is Code => n.type === 'code');
      assert.deepEqual(nodes.map((n) => [n.lang, n.meta]), [
        ['ts', `title="${id}.ts"`],
        ['text', 'title="Output"'],
      ]);
      assert.match(nodes[0]!.value, /from 'activation-functions'/);
      assert.ok(nodes[1]!.value.length > 0, `${id}: empty output`);
    }
  });
});

describe('index, comparison and bibliography', () => {
  test('the function index links every function page in teaching order, each with its summary and PyTorch function', () => {
    const mdx = pageOf(path.join(DOCS, 'functions.mdx'));
    assert.equal(splitFrontMatter(mdx).front['slug'], '/activations');
    const tree = parse(mdx);
    const rows = tree.children.filter((n): n is Table => n.type === 'table').flatMap((t) => t.children.slice(1));
    const links = rows.map((r) => {
      let url = '';
      visit(r.children[0]!, 'link', (l) => void (url ||= l.url));
      return url;
    });
    assert.deepEqual(links, [...activationIds, ...vectorFunctionIds].map((id) => `./activations/${kebab(id)}.mdx`));
    const all = [...activationIds.map((id) => activations[id]!), ...vectorFunctionIds.map((id) => vectorFunctions[id])];
    assert.deepEqual(rows.map((r) => toString(r.children[1]!)), all.map((f) => f.summary));
    assert.deepEqual(rows.map((r) => toString(r.children[2]!)), all.map((f) => f.torchFunction.replace('torch.nn.functional.', 'F.')));
  });

  test('the comparison page has the sortable tables (properties and trade-offs) and the overlay chart', () => {
    const tree = parse(pageOf(path.join(DOCS, 'comparison.mdx')));
    assert.deepEqual(elements(tree, 'ComparisonTable').map((e) => attribute(e, 'view')), ['properties', 'tradeOffs']);
    assert.equal(elements(tree, 'OverlayChart').length, 1);
  });

  test('the bibliography has one heading anchored by its cite key and one cite block per reference, each listing the functions that cite it', () => {
    const mdx = pageOf(path.join(DOCS, 'bibliography.mdx'));
    const { body } = splitFrontMatter(mdx);
    for (const key of referenceKeys) assert.ok(body.includes(`\\{#${key}}`), `no heading anchored {#${key}}`);
    const tree = parse(mdx);
    const blocks = elements(tree, 'CiteBlock');
    assert.deepEqual(blocks.map((b) => attribute(b, 'citeKey')), [...referenceKeys]);
    const all = [...activationIds.map((id) => activations[id]!), ...vectorFunctionIds.map((id) => vectorFunctions[id])];
    for (const b of blocks) {
      const key = attribute(b, 'citeKey') as string;
      const introduced = (attribute(b, 'introduced') as { name: string; to: string }[]).map((f) => f.to);
      const expected = all.filter((f) => f.papers.includes(key)).map((f) => `/docs/activations/${kebab(f.id)}`);
      assert.deepEqual(introduced, expected, `functions listed under ${key}`);
    }
    assert.ok(body.includes('pathname:///references.bib'), 'no download link to references.bib');
  });

  test('references.bib parses back to every reference with its title, authors and year', () => {
    const bib = pageOf(path.join(STATIC, 'references.bib'));
    assert.ok(bib.startsWith(`% ${BANNER_MARK}`), 'references.bib has no banner');
    const parsed = new Cite(bib).data as { id: string; title: string; author: { family: string; given: string }[]; issued: { 'date-parts': number[][] } }[];
    assert.deepEqual(parsed.map((e) => e.id), [...referenceKeys]);
    for (const e of parsed) {
      const ref = references[e.id]!;
      assert.equal(e.title, ref.title, `${e.id} title`);
      assert.deepEqual(e.author.map((a) => [a.family, a.given]), ref.author.map((a) => [a.family, a.given]), `${e.id} authors`);
      assert.equal(e.issued['date-parts'][0]![0], ref.issued['date-parts'][0][0], `${e.id} year`);
    }
  });
});

describe('jsonExpression', () => {
  const cases: unknown[] = [
    { a: '@article{key,\n\ttitle = {A {B} C}}', b: [1, -0.5, null], c: { nested: '}{' } },
    'only a string with } and {',
    { quote: 'say "hi" \\ {x}' },
  ];
  for (const value of cases) {
    test(`reads back as the same value, with braces balanced outside strings: ${JSON.stringify(value).slice(0, 40)}`, () => {
      const expression = jsonExpression(value);
      assert.deepEqual(JSON.parse(expression), value);
      // What MDX does before parsing JavaScript: count braces, strings included.
      const open = [...expression].filter((c) => c === '{').length;
      const close = [...expression].filter((c) => c === '}').length;
      assert.equal(open, close, `unbalanced braces in ${expression}`);
      const inStrings = expression.match(/"(?:[^"\\]|\\.)*"/g) ?? [];
      for (const s of inStrings) assert.ok(!/[{}]/.test(s), `a brace is left inside the string ${s}`);
    });
  }
});
