/**
 * The API reference (/docs/api): which files TypeDoc documents and how, shared by the site build
 * (docusaurus-plugin-typedoc in docusaurus.config.ts) and the test that fails on an undocumented
 * export (test/api/api-docs.test.ts), so both see the same symbols.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where TypeDoc writes the Markdown pages and typedoc-sidebar.cjs: regenerated every build, git-ignored. */
export const API_OUT_DIR = 'docs/api';

/** One public entry point: the specifier users import, and the TypeScript file it is built from. */
export interface ApiEntryPoint {
  readonly specifier: string;
  readonly source: string;
}

type ExportTarget = string | { readonly types?: string; readonly default?: string; readonly import?: string } | null;

/**
 * The package's entry points, read from package.json "exports" (the one list of what users can
 * import): each JavaScript target in dist/ maps back to its source in src/ (`./dist/x.js` →
 * `src/x.ts`, as tsconfig.build.json compiles it). `./package.json` is not code and is skipped.
 */
export function apiEntryPoints(root: string): ApiEntryPoint[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; exports?: Record<string, ExportTarget> };
  if (!pkg.exports || typeof pkg.exports !== 'object')
    throw new Error('package.json has no "exports" map: cannot tell which files the API reference documents');
  const entries: ApiEntryPoint[] = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : (target?.import ?? target?.default);
    if (!file || !/\.[cm]?js$/.test(file)) continue;
    const match = /^\.\/dist\/(.+)\.[cm]?js$/.exec(file);
    if (!match) throw new Error(`package.json exports["${subpath}"] is ${file}: expected a file in ./dist/ built from src/`);
    const source = path.join(root, 'src', `${match[1]}.ts`);
    if (!existsSync(source)) throw new Error(`package.json exports["${subpath}"] is ${file}, but its source ${path.relative(root, source)} does not exist`);
    entries.push({ specifier: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, '')}`, source });
  }
  if (entries.length === 0) throw new Error('package.json "exports" lists no JavaScript entry point');
  return entries;
}

/** What TypeDoc documents: the same in the site build and in the test. */
export function apiProjectOptions(root: string) {
  return {
    entryPoints: apiEntryPoints(root).map((e) => e.source),
    tsconfig: path.join(root, 'tsconfig.build.json'),
    excludeInternal: true,
    excludePrivate: true,
    excludeExternals: true,
  };
}

/**
 * TypeDoc's options for the site (docusaurus-plugin-typedoc adds typedoc-plugin-markdown and its
 * Docusaurus theme). Markdown output (`.md`, read by Docusaurus as CommonMark, not MDX) with comments
 * sanitized, so a `<T>` or `{` in a comment cannot break a page; each page opens with a "generated,
 * do not edit" note, and index pages with a slug (website/plugins/typedoc-page-head.mjs).
 */
export function apiTypedocOptions(root: string) {
  return {
    ...apiProjectOptions(root),
    out: path.join(root, API_OUT_DIR),
    plugin: [path.join(root, 'website', 'plugins', 'typedoc-page-head.mjs')],
    name: 'API reference',
    // One page per entry point, each symbol a section with its own anchor: a page per symbol would
    // add some 180 routes, and every route and sidebar item costs every page of the site JavaScript
    // (+31 KB gzipped on a chart page, over its budget).
    outputFileStrategy: 'modules',
    readme: 'none',
    // No "Defined in" links: they would point at a host and a commit the site cannot vouch for.
    disableSources: true,
    sanitizeComments: true,
    useCodeBlocks: true,
    parametersFormat: 'table',
    interfacePropertiesFormat: 'table',
    typeDeclarationFormat: 'table',
    // The undocumented-export check is the test's job (it names every offender); types the module
    // uses but does not export (e.g. a row type inside a result) are shown by name, not linked.
    validation: { notExported: false, notDocumented: false, invalidLink: true },
    sidebar: { autoConfiguration: true, pretty: true },
    logLevel: 'Warn',
  } as const;
}
