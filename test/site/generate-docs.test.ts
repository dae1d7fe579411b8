/**
 * The docs generator (scripts/generate-docs.ts), on the pages it produces now (not files on disk):
 * one page per function in teaching order, everything on a page read back through the same parsers
 * Docusaurus uses (MDX, math, GFM) equal to the module's own text, each page compiling as MDX with
 * KaTeX, and the bibliography and references.bib complete. Every trade-off claim is shown with
 * its evidence, each mark linking to an anchor that the generated pages define (a passage on the
 * bibliography page, a finding on the experiments page, the Properties section); the Evidence
 * sections and the experiments page carry the charts of the committed results.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { compile } from '@mdx-js/mdx';
import type { Code, Heading, List, ListItem, Root, RootContent, Table } from 'mdast';
import type { Math as MathNode } from 'mdast-util-math';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { toBibtex } from '../../src/cite.js';
import { experiments } from '../../src/experiments/index.js';
import { referenceKeys, references } from '../../src/references.js';
import { activationById, activationIds, activations } from '../../src/registry.js';
import type { Claim, Evidence, TradeOffs } from '../../src/types.js';
import { vectorFunctionIds, vectorFunctions } from '../../src/vector/softmax.js';
import {
  ACTIVATION_DOCS,
  BANNER_MARK,
  DOCS,
  ROOT,
  STATIC,
  generate,
  jsonExpression,
  readExperimentResults,
  type ExperimentEntry,
  type GeneratedPage,
} from '../../scripts/generate-docs.js';
import { findingAnchor, passageAnchor } from '../../website/src/lib/evidence.js';
import { rehypeKatexErrors } from '../../website/plugins/rehype-katex-errors.js';

let pages: GeneratedPage[] = [];
const byFile = new Map<string, string>();
// Read at load time (synchronously): the tests below are defined per experiment.
const entries: ExperimentEntry[] = readExperimentResults();

before(async () => {
  pages = await generate();
  for (const p of pages) byFile.set(p.file, p.content);
});

function pageOf(file: string): string {
  const content = byFile.get(file);
  assert.ok(
    content !== undefined,
    `no generated page ${path.relative(ROOT, file)}; generated: ${[...byFile.keys()].map((f) => path.relative(ROOT, f)).join(', ')}`,
  );
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
  assert.ok(
    start >= 0,
    `no section "${title}"; sections: ${tree.children
      .filter((n): n is Heading => n.type === 'heading' && n.depth === 2)
      .map((n) => toString(n))
      .join(', ')}`,
  );
  const end = tree.children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth === 2);
  return tree.children.slice(start + 1, end < 0 ? undefined : end);
}

/** The list items that follow the level-3 heading `title` in `nodes`. */
function itemsAfter(nodes: RootContent[], title: string): ListItem[] {
  const i = nodes.findIndex((n) => n.type === 'heading' && n.depth === 3 && toString(n) === title);
  assert.ok(i >= 0, `no "${title}" subsection`);
  const next = nodes.slice(i + 1).find((n) => n.type === 'list' || n.type === 'heading');
  assert.ok(next?.type === 'list', `"${title}" is not followed by a list`);
  return (next as List).children;
}

/** Where the generator must link a piece of evidence from a function page. */
function expectedUrl(e: Evidence): string | undefined {
  switch (e.kind) {
    case 'paper':
      return `../bibliography.mdx#${passageAnchor(e.key, e.where)}`;
    case 'measured':
      return `../experiments.mdx#${findingAnchor(e.experiment, e.finding)}`;
    case 'property':
      return '#properties';
    case 'conjecture':
      return e.key ? `../bibliography.mdx#${e.key}` : undefined;
  }
}

/** The evidence marks (`<span data-evidence=…>`) inside a node, in order. */
function marks(node: ListItem): { kind: string; urls: string[] }[] {
  const found: { kind: string; urls: string[] }[] = [];
  visit(node, 'mdxJsxTextElement', (el: MdxJsxTextElement) => {
    const kind = el.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'data-evidence')?.value;
    if (typeof kind !== 'string') return;
    const urls: string[] = [];
    visit(el, 'link', (l) => void urls.push(l.url));
    found.push({ kind, urls });
  });
  return found;
}

/** Each claim's text, then one mark per piece of evidence, of its kind, linking where it must. */
function checkClaims(fn: string, items: ListItem[], claims: readonly Claim[], section: string): void {
  assert.equal(items.length, claims.length, `${fn} ${section}: ${items.length} items for ${claims.length} claims`);
  claims.forEach((claim, i) => {
    const item = items[i]!;
    const where = `${fn} ${section} #${i + 1}`;
    assert.ok(toString(item).startsWith(claim.text), `${where}: the item does not start with the claim's text:\n${toString(item)}\n${claim.text}`);
    const got = marks(item);
    assert.deepEqual(
      got.map((m) => m.kind),
      claim.evidence.map((e) => e.kind),
      `${where}: the marks' kinds`,
    );
    claim.evidence.forEach((e, j) => {
      const url = expectedUrl(e);
      assert.deepEqual(got[j]!.urls, url ? [url] : [], `${where}: the link of its ${e.kind} evidence ${JSON.stringify(e)}`);
      if (e.kind === 'conjecture') assert.match(toString(item), /conjecture/, `${where}: no visible conjecture mark`);
    });
  });
}

function checkTradeOffs(fn: string, tree: Root, t: TradeOffs): void {
  const trade = section(tree, 'Trade-offs');
  checkClaims(fn, itemsAfter(trade, 'Advantages'), t.advantages, 'advantages');
  checkClaims(fn, itemsAfter(trade, 'Disadvantages'), t.disadvantages, 'disadvantages');
  checkClaims(fn, itemsAfter(trade, 'When to use'), t.whenToUse, 'when to use');
  if (t.corrections?.length) checkClaims(fn, itemsAfter(trade, 'Corrections'), t.corrections, 'corrections');
}

/** The Evidence section: one subsection per experiment that measures the function, with its charts for that function. */
function checkEvidenceSection(fn: string, tree: Root): void {
  const nodes = section(tree, 'Evidence');
  const relevant = entries.filter(({ experiment, file }) => experiment.functions(file.result).includes(fn));
  const titles = nodes.filter((n): n is Heading => n.type === 'heading' && n.depth === 3).map((n) => toString(n));
  assert.deepEqual(
    titles,
    relevant.map(({ experiment }) => `${experiment.title} {#evidence-${experiment.id}}`),
    `${fn}: the experiments in its Evidence section`,
  );
  const charts = nodes.flatMap((n) => (n.type === 'mdxJsxFlowElement' && n.name === 'NotebookChart' ? [n] : []));
  const expected = relevant.flatMap(({ experiment, file }) => experiment.charts(file.result, fn));
  assert.deepEqual(
    charts.map((c) => attribute(c, 'spec')),
    JSON.parse(JSON.stringify(expected)),
    `${fn}: the Evidence charts`,
  );
  for (const c of charts) assert.equal(attribute(c, 'kind'), 'evidence');
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
    const got = pages
      .map((p) => p.file)
      .filter((f) => f.startsWith(ACTIVATION_DOCS))
      .sort();
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
    test(`the ${id} page shows the module's own formula, parameters, chart, derivative, properties, trade-offs with their evidence, its Evidence section, links and citations`, () => {
      const a = activationById(id)!;
      const mdx = pageOf(activationFile(kebab(id)));
      const { front } = splitFrontMatter(mdx);
      assert.equal(front['title'], a.name);
      assert.equal(front['description'], a.summary);
      const tree = parse(mdx);

      const formulas = section(tree, 'Formula')
        .filter((n): n is MathNode => n.type === 'math')
        .map((n) => n.value);
      assert.deepEqual(formulas, [a.latex.forward, ...(a.latex.notes ?? [])]);
      const derivative = section(tree, 'Derivative')
        .filter((n): n is MathNode => n.type === 'math')
        .map((n) => n.value);
      assert.deepEqual(derivative, [a.latex.derivative]);
      if (a.kinkConvention)
        assert.ok(
          section(tree, 'Derivative').some((n) => toString(n).includes(a.kinkConvention!)),
          'the kink convention is missing',
        );

      const params = section(tree, 'Parameters');
      if (a.params.length) {
        const rows = params
          .find((n): n is Table => n.type === 'table')!
          .children.slice(1)
          .map((r) => r.children.map((c) => toString(c)));
        assert.deepEqual(
          rows.map((r) => r.slice(0, 4)),
          a.params.map((p) => [p.name, p.torchName, p.symbol, typeof a.defaults[p.name] === 'string' ? `'${a.defaults[p.name]}'` : String(a.defaults[p.name])]),
        );
        assert.deepEqual(
          rows.map((r) => r[5]),
          a.params.map((p) => p.description),
        );
      }

      const charts = elements(tree, 'ActivationChart');
      assert.equal(charts.length, 1);
      assert.equal(attribute(charts[0]!, 'id'), id);

      const props = section(tree, 'Properties').find((n): n is Table => n.type === 'table')!;
      const range = props.children.find((r) => toString(r.children[0]!) === 'Range')!;
      assert.equal(toString(range.children[1]!), a.properties.rangeLatex);

      checkTradeOffs(id, tree, a.tradeOffs);
      checkEvidenceSection(id, tree);

      const links: string[] = [];
      visit(tree, 'link', (l) => void links.push(l.url));
      for (const key of a.papers) assert.ok(links.includes(`../bibliography.mdx#${key}`), `no link to the bibliography entry ${key}`);
      for (const other of a.seeAlso) assert.ok(links.includes(`./${kebab(other)}.mdx`), `no see-also link to ${other}`);

      const cites = elements(tree, 'CiteBlock');
      assert.deepEqual(
        cites.map((c) => attribute(c, 'citeKey')),
        [...a.papers],
      );
      for (const c of cites) assert.equal(attribute(c, 'bibtex'), toBibtex(attribute(c, 'citeKey') as string).trim());
    });
  }

  for (const id of vectorFunctionIds) {
    test(`the ${id} page shows its formula, Jacobian, properties, trade-offs with their evidence, its Evidence section, interactive chart and walkthrough chart`, () => {
      const f = vectorFunctions[id];
      const tree = parse(pageOf(activationFile(kebab(id))));
      assert.deepEqual(
        section(tree, 'Formula')
          .filter((n): n is MathNode => n.type === 'math')
          .map((n) => n.value),
        [f.latex.forward],
      );
      assert.deepEqual(
        section(tree, 'Derivative')
          .filter((n): n is MathNode => n.type === 'math')
          .map((n) => n.value),
        [f.latex.derivative, ...(f.latex.notes ?? [])],
      );
      const props = section(tree, 'Properties').find((n): n is List => n.type === 'list')!;
      assert.deepEqual(
        props.children.map((i) => toString(i)),
        f.properties,
      );
      checkTradeOffs(id, tree, f.tradeOffs);
      checkEvidenceSection(id, tree);
      assert.equal(attribute(elements(tree, 'VectorChart')[0]!, 'id'), id);
      const spec = attribute(
        elements(tree, 'NotebookChart').find((c) => attribute(c, 'kind') === undefined)!,
        'spec',
      ) as { kind: string; fn: string };
      assert.equal(spec.kind, 'vector');
      assert.equal(spec.fn, id);
      assert.deepEqual(
        elements(tree, 'CiteBlock').map((c) => attribute(c, 'citeKey')),
        [...f.papers],
      );
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
      assert.deepEqual(
        nodes.map((n) => [n.lang, n.meta]),
        [
          ['ts', `title="${id}.ts"`],
          ['text', 'title="Output"'],
        ],
      );
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
    assert.deepEqual(
      links,
      [...activationIds, ...vectorFunctionIds].map((id) => `./activations/${kebab(id)}.mdx`),
    );
    const all = [...activationIds.map((id) => activations[id]!), ...vectorFunctionIds.map((id) => vectorFunctions[id])];
    assert.deepEqual(
      rows.map((r) => toString(r.children[1]!)),
      all.map((f) => f.summary),
    );
    assert.deepEqual(
      rows.map((r) => toString(r.children[2]!)),
      all.map((f) => f.torchFunction.replace('torch.nn.functional.', 'F.')),
    );
  });

  test('the comparison page has the sortable tables (properties and trade-offs, with the labels of every paper and finding the claims cite) and the overlay chart', () => {
    const tree = parse(pageOf(path.join(DOCS, 'comparison.mdx')));
    const tables = elements(tree, 'ComparisonTable');
    assert.deepEqual(
      tables.map((e) => attribute(e, 'view')),
      ['properties', 'tradeOffs'],
    );
    assert.equal(elements(tree, 'OverlayChart').length, 1);
    const context = attribute(tables[1]!, 'evidence') as {
      papers: Record<string, string>;
      experiments: Record<string, { title: string; findings: Record<string, { number: number; statement: string }> }>;
    };
    for (const e of allEvidence()) {
      if (e.kind === 'paper' || (e.kind === 'conjecture' && e.key)) assert.ok(context.papers[e.key!], `no label for the paper ${e.key}`);
      if (e.kind === 'measured')
        assert.equal(
          context.experiments[e.experiment]?.findings[e.finding]?.statement,
          experiments.find((x) => x.id === e.experiment)?.findings.find((f) => f.id === e.finding)?.statement,
        );
    }
  });

  test('the bibliography has one heading anchored by its cite key and one cite block per reference, each listing the functions that cite it', () => {
    const mdx = pageOf(path.join(DOCS, 'bibliography.mdx'));
    const { body } = splitFrontMatter(mdx);
    for (const key of referenceKeys) assert.ok(body.includes(`\\{#${key}}`), `no heading anchored {#${key}}`);
    const tree = parse(mdx);
    const blocks = elements(tree, 'CiteBlock');
    assert.deepEqual(
      blocks.map((b) => attribute(b, 'citeKey')),
      [...referenceKeys],
    );
    const all = [...activationIds.map((id) => activations[id]!), ...vectorFunctionIds.map((id) => vectorFunctions[id])];
    for (const b of blocks) {
      const key = attribute(b, 'citeKey') as string;
      const introduced = (attribute(b, 'introduced') as { name: string; to: string }[]).map((f) => f.to);
      const expected = all.filter((f) => f.papers.includes(key)).map((f) => `/docs/activations/${kebab(f.id)}`);
      assert.deepEqual(introduced, expected, `functions listed under ${key}`);
    }
    assert.ok(body.includes('pathname:///references.bib'), 'no download link to references.bib');
  });

  test('under each entry, the bibliography lists every passage a claim cites from it, anchored, with links to the functions that cite it', () => {
    const tree = parse(pageOf(path.join(DOCS, 'bibliography.mdx')));
    // The anchors each entry's section defines (from its heading to the next).
    const anchorsUnder = new Map<string, { anchors: Set<string>; links: Set<string> }>();
    let current: { anchors: Set<string>; links: Set<string> } | undefined;
    for (const node of tree.children) {
      if (node.type === 'heading' && node.depth === 2) {
        const key = /\{#([^}]+)\}$/.exec(toString(node))?.[1] ?? '';
        anchorsUnder.set(key, (current = { anchors: new Set(), links: new Set() }));
        continue;
      }
      if (!current) continue;
      const into = current;
      visit(node, 'mdxJsxTextElement', (el: MdxJsxTextElement) => {
        if (el.name === 'Anchor')
          into.anchors.add(String(el.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value));
      });
      visit(node, 'link', (l) => void into.links.add(l.url));
    }
    for (const { fn, claim } of placedClaims()) {
      for (const e of claim.evidence) {
        if (e.kind !== 'paper') continue;
        const entry = anchorsUnder.get(e.key);
        assert.ok(entry, `no bibliography entry anchored ${e.key}`);
        assert.ok(entry.anchors.has(passageAnchor(e.key, e.where)), `${fn}: the passage "${e.where}" of ${e.key} is not listed (anchored) under its entry`);
        assert.ok(entry.links.has(`./activations/${kebab(fn)}.mdx#trade-offs`), `${e.key}: the passage list does not link ${fn}'s trade-offs`);
      }
    }
  });

  test('references.bib parses back to every reference with its title, authors and year', () => {
    const bib = pageOf(path.join(STATIC, 'references.bib'));
    assert.ok(bib.startsWith(`% ${BANNER_MARK}`), 'references.bib has no banner');
    const parsed = new Cite(bib).data as { id: string; title: string; author: { family: string; given: string }[]; issued: { 'date-parts': number[][] } }[];
    assert.deepEqual(
      parsed.map((e) => e.id),
      [...referenceKeys],
    );
    for (const e of parsed) {
      const ref = references[e.id]!;
      assert.equal(e.title, ref.title, `${e.id} title`);
      assert.deepEqual(
        e.author.map((a) => [a.family, a.given]),
        ref.author.map((a) => [a.family, a.given]),
        `${e.id} authors`,
      );
      assert.equal(e.issued['date-parts'][0]![0], ref.issued['date-parts'][0][0], `${e.id} year`);
    }
  });

  test('references.json is the CSL-JSON of every reference, and citation-js reads it back unchanged', () => {
    const json = JSON.parse(pageOf(path.join(STATIC, 'references.json'))) as Record<string, unknown>[];
    assert.deepEqual(
      json,
      referenceKeys.map((key) => ({ ...references[key], 'citation-key': key })),
    );
    const parsed = (new Cite(json).data as Record<string, unknown>[]).map(({ _graph, ...rest }) => rest);
    assert.deepEqual(parsed, json);
  });

  test('references.ris reads back through citation-js to the same entries as references.bib', () => {
    // The fields RIS and BibTeX both carry (JSON drops the undefined ones).
    const fields = (e: Record<string, unknown>) => {
      const { title, author, issued, DOI, volume, issue, page, ISSN } = e;
      return JSON.parse(
        JSON.stringify({
          title,
          author: (author as { family: string; given: string }[]).map((a) => [a.family, a.given]),
          year: (issued as { 'date-parts': number[][] })['date-parts'][0]![0],
          DOI,
          volume,
          issue,
          page,
          ISSN,
        }),
      ) as unknown;
    };
    const ris = new Cite(pageOf(path.join(STATIC, 'references.ris'))).data as Record<string, unknown>[];
    const bib = new Cite(pageOf(path.join(STATIC, 'references.bib'))).data as Record<string, unknown>[];
    assert.equal(ris.length, referenceKeys.length, 'entries in references.ris');
    assert.deepEqual(ris.map(fields), bib.map(fields));
    assert.deepEqual(
      ris.map(fields),
      referenceKeys.map((k) => fields(references[k] as unknown as Record<string, unknown>)),
    );
  });
});

/** Every claim of every function, with the function's id. */
function placedClaims(): { fn: string; claim: Claim }[] {
  const all = [...activationIds.map((id) => activations[id]!), ...vectorFunctionIds.map((id) => vectorFunctions[id])];
  return all.flatMap((f) =>
    [...f.tradeOffs.advantages, ...f.tradeOffs.disadvantages, ...f.tradeOffs.whenToUse, ...(f.tradeOffs.corrections ?? [])].map((claim) => ({
      fn: f.id,
      claim,
    })),
  );
}

function allEvidence(): Evidence[] {
  return placedClaims().flatMap((c) => c.claim.evidence);
}

describe('experiments page', () => {
  const file = path.join(DOCS, 'experiments.mdx');

  test('it lists every experiment, in the order of src/experiments, each under a heading anchored by its id', () => {
    const { body } = splitFrontMatter(pageOf(file));
    const tree = parse(pageOf(file));
    const headings = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 2).map((n) => toString(n));
    assert.deepEqual(
      headings,
      experiments.map((e) => `${e.title} {#${e.id}}`),
    );
    for (const e of experiments) assert.ok(body.includes(`\\{#${e.id}}`), `no heading anchored {#${e.id}} in the MDX`);
  });

  for (const { experiment, file: results } of entries) {
    test(`${experiment.id}: question, method, what it reproduces, every chart and the headline table, every finding (anchored) with its verdict, detail and citing claims`, () => {
      const mdx = pageOf(file);
      const tree = parse(mdx);
      const start = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && toString(n).endsWith(`{#${experiment.id}}`));
      assert.ok(start >= 0, `no section for ${experiment.id}`);
      const end = tree.children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth === 2);
      const nodes = tree.children.slice(start + 1, end < 0 ? undefined : end);
      const text = nodes.map((n) => toString(n)).join('\n');
      assert.ok(text.includes(experiment.question), 'the question is missing');
      assert.ok(text.includes(experiment.method), 'the method is missing');
      for (const r of experiment.reproduces ?? []) {
        assert.ok(text.includes(r.where) && text.includes(r.theirs), `the reproduced figure ${r.key} ${r.where} and its numbers are missing`);
      }
      const charts = nodes.flatMap((n) => (n.type === 'mdxJsxFlowElement' && n.name === 'NotebookChart' ? [n] : []));
      assert.deepEqual(
        charts.map((c) => attribute(c, 'spec')),
        JSON.parse(JSON.stringify(experiment.charts(results.result))),
      );
      for (const c of charts) assert.equal(attribute(c, 'kind'), 'experiment');
      const table = experiment.table(results.result);
      if (table.length > 1) {
        const rendered = nodes.filter((n): n is Table => n.type === 'table').map((t) => t.children.map((r) => r.children.map((c) => toString(c))));
        assert.ok(
          rendered.some((t) => JSON.stringify(t) === JSON.stringify(table)),
          'the headline table is missing',
        );
      }
      const claims = placedClaims();
      experiment.findings.forEach((f, i) => {
        const h = nodes.findIndex(
          (n) => n.type === 'heading' && n.depth === 4 && toString(n) === `Finding ${i + 1}: ${f.statement} {#${findingAnchor(experiment.id, f.id)}}`,
        );
        assert.ok(h >= 0, `no heading for the finding ${f.id} anchored {#${findingAnchor(experiment.id, f.id)}}`);
        const next = nodes.findIndex((n, j) => j > h && n.type === 'heading');
        const part = nodes.slice(h + 1, next < 0 ? undefined : next);
        const partText = part.map((n) => toString(n)).join('\n');
        assert.ok(partText.startsWith(f.holds(results.result) ? 'Holds' : 'Does not hold'), `${f.id}: the verdict`);
        assert.ok(partText.includes(f.detail(results.result)), `${f.id}: the measured detail`);
        const links: string[] = [];
        for (const n of part) visit(n, 'link', (l) => void links.push(l.url));
        for (const c of claims.filter((x) => x.claim.evidence.some((e) => e.kind === 'measured' && e.experiment === experiment.id && e.finding === f.id))) {
          assert.ok(links.includes(`./activations/${kebab(c.fn)}.mdx#trade-offs`), `${f.id}: no link to ${c.fn}, whose claim cites it`);
        }
      });
    });
  }

  test('every finding a claim cites is on the page', () => {
    const { body } = splitFrontMatter(pageOf(file));
    for (const e of allEvidence()) {
      if (e.kind === 'measured')
        assert.ok(body.includes(`{#${findingAnchor(e.experiment, e.finding)}}`), `no anchor for the finding ${e.experiment}/${e.finding}`);
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
