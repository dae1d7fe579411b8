/**
 * Each page's HTML names the scripts of its own route, beside the entry's.
 *
 * Docusaurus means to (its SSR template lists the bundles of the modules a page rendered), but
 * with Rspack the client manifest keys its modules by number, the lookup finds none, and a page
 * lists only `runtime~main` and `main`. The route's chunks were then requested by `main` once it
 * ran: one more round trip before the page can hydrate, and, inside main's long task, a
 * `<script>` insertion per chunk. Listed as deferred scripts before `main`, they download with it,
 * run first, and `main` finds its route already loaded.
 *
 * The chunks of a route are found as the client finds them (`@docusaurus/core/lib/client/preload`):
 * react-router-config's `matchRoutes` over the generated `routes.js`, then every chunk name of each
 * matched route in the generated `routesChunkNames.json`, then each name's chunk group (its shared
 * chunks included) from the client compilation's stats.
 */
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';

/** A route of the generated `routes.js`, with its `ComponentCreator(path, hash)` call kept as data. */
export interface GeneratedRoute {
  readonly path: string;
  readonly exact?: boolean;
  readonly strict?: boolean;
  readonly component: { readonly path: string; readonly hash?: string };
  readonly routes?: readonly GeneratedRoute[];
}

type MatchRoutes = (routes: readonly GeneratedRoute[], pathname: string) => { route: GeneratedRoute }[];

/** The generated `routes.js` (an ES module that only calls ComponentCreator), evaluated with a recording stand-in. */
export function parseGeneratedRoutes(source: string): GeneratedRoute[] {
  const body = source.replace(/^import .*$/gm, '').replace(/^export default /m, 'return ');
  if (body === source || !body.includes('return ')) throw new Error('route-scripts: routes.js is not the module Docusaurus generates (no `export default`)');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the file is Docusaurus's own output, read from this build
  const routes: unknown = new Function('ComponentCreator', body)((p: string, hash?: string) => ({ path: p, hash }));
  if (!Array.isArray(routes)) throw new Error('route-scripts: routes.js does not export an array of routes');
  return routes as GeneratedRoute[];
}

/** Every chunk name under a route's entry of `routesChunkNames.json` (nested for props and contexts). */
export function flatChunkNames(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  if (entry !== null && typeof entry === 'object') return Object.values(entry).flatMap(flatChunkNames);
  return [];
}

/** The site path an HTML file of the build serves (`docs/a.html` and `docs/a/index.html` → `/docs/a`). */
export function pagePathOf(relativeFile: string): string {
  const noExt = relativeFile
    .split(path.sep)
    .join('/')
    .replace(/\.html$/, '');
  const p = `/${noExt.replace(/(^|\/)index$/, '')}`;
  return p.length > 1 ? p.replace(/\/$/, '') : p;
}

/**
 * The HTML with `scripts` inserted, as deferred scripts, just before the entry's `main` script (so
 * they run before it, in order). Unchanged when there are none; an error when there is no `main`.
 */
export function withRouteScripts(html: string, scripts: readonly string[], file: string): string {
  if (scripts.length === 0) return html;
  const main = /<script src=("?)[^"\s>]*\/main\.[0-9a-f]+\.js\1 defer><\/script>/.exec(html);
  if (main === null) throw new Error(`route-scripts: ${file} has no deferred main.<hash>.js script to put its route's scripts before`);
  const tags = scripts.map((src) => `<script src="${src}" defer></script>`).join('');
  return html.slice(0, main.index) + tags + html.slice(main.index);
}

async function htmlFiles(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(full, root)));
    else if (entry.name.endsWith('.html')) out.push(path.relative(root, full));
  }
  return out;
}

interface StatsLike {
  toJson(options: object): Partial<Record<'entrypoints' | 'namedChunkGroups', Record<string, { assets?: readonly ({ name: string } | string)[] }>>>;
}

export default function routeScriptsPlugin(context: LoadContext): Plugin {
  // Chunk name (and entry name) → the JS files of its chunk group, recorded when the client compilation is done.
  let groups: Map<string, string[]> | undefined;
  // react-router-config as Docusaurus resolves it, so routes match exactly as in the client.
  const requireFromSite = createRequire(path.join(context.siteDir, 'docusaurus.config.ts'));
  const requireFromCore = createRequire(requireFromSite.resolve('@docusaurus/core/package.json'));
  return {
    name: 'route-scripts',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        plugins: [
          {
            apply(compiler: { hooks: { done: { tap: (name: string, fn: (stats: StatsLike) => void) => void } } }) {
              compiler.hooks.done.tap('route-scripts', (stats) => {
                const json = stats.toJson({ all: false, entrypoints: true, chunkGroups: true });
                groups = new Map(
                  Object.entries({ ...json.namedChunkGroups, ...json.entrypoints }).map(([name, group]) => [
                    name,
                    (group.assets ?? []).map((a) => (typeof a === 'string' ? a : a.name)).filter((f) => f.endsWith('.js')),
                  ]),
                );
              });
            },
          },
        ],
      };
    },
    async postBuild({ outDir, siteConfig }) {
      if (groups === undefined) throw new Error('route-scripts: the client compilation reported no chunk groups');
      const generated = context.generatedFilesDir;
      const routes = parseGeneratedRoutes(await readFile(path.join(generated, 'routes.js'), 'utf8'));
      const chunkNames = JSON.parse(await readFile(path.join(generated, 'routesChunkNames.json'), 'utf8')) as Record<string, unknown>;
      const { matchRoutes } = requireFromCore('react-router-config') as { matchRoutes: MatchRoutes };
      const entry = new Set(groups.get('main') ?? []);
      if (entry.size === 0) throw new Error('route-scripts: the client compilation has no `main` chunk group');
      for (const file of await htmlFiles(outDir)) {
        const pathname = pagePathOf(file);
        const names = matchRoutes(routes, pathname).flatMap(({ route }) =>
          route.component.path === '*' ? [] : flatChunkNames(chunkNames[`${route.component.path}-${route.component.hash}`]),
        );
        const scripts: string[] = [];
        for (const name of names) {
          const files = groups.get(name);
          if (files === undefined) throw new Error(`route-scripts: ${file} (${pathname}) needs chunk "${name}", which the client compilation did not emit`);
          for (const f of files) if (!entry.has(f) && !scripts.includes(f)) scripts.push(f);
        }
        const full = path.join(outDir, file);
        const html = await readFile(full, 'utf8');
        const next = withRouteScripts(
          html,
          scripts.map((f) => `${siteConfig.baseUrl}${f}`),
          file,
        );
        if (next === html) continue;
        const tmp = `${full}.${process.pid}.tmp`;
        await writeFile(tmp, next);
        await rename(tmp, full);
      }
    },
  };
}
