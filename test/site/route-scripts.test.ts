/**
 * website/plugins/route-scripts.ts: reading Docusaurus's generated routes, and writing a route's
 * scripts into a page. That each built page names the scripts it hydrates with is checked in the
 * browser (browser-suite.ts).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { flatChunkNames, pagePathOf, parseGeneratedRoutes, withRouteScripts } from '../../website/plugins/route-scripts.js';

const ROUTES_JS = `import React from 'react';
import ComponentCreator from '@docusaurus/ComponentCreator';

export default [
  {
    path: '/docs',
    component: ComponentCreator('/docs', 'a7b'),
    routes: [
      {
        path: '/docs/activations/gelu',
        component: ComponentCreator('/docs/activations/gelu', '35c'),
        exact: true,
        sidebar: "functions"
      }
    ]
  },
  {
    path: '*',
    component: ComponentCreator('*'),
  },
];
`;

describe('route-scripts', () => {
  test('reads the generated routes.js as data, keeping each ComponentCreator path and hash', () => {
    const routes = parseGeneratedRoutes(ROUTES_JS);
    assert.equal(routes.length, 2);
    assert.deepEqual(routes[0]!.component, { path: '/docs', hash: 'a7b' });
    assert.deepEqual(routes[0]!.routes![0]!.component, { path: '/docs/activations/gelu', hash: '35c' });
    assert.equal(routes[0]!.routes![0]!.exact, true);
    assert.deepEqual(routes[1]!.component, { path: '*', hash: undefined });
    assert.throws(() => parseGeneratedRoutes('const x = 1;'), /not the module Docusaurus generates/);
    assert.throws(() => parseGeneratedRoutes('export default 3;'), /not export an array/);
  });

  test("lists every chunk name of a route's entry, nested ones included", () => {
    assert.deepEqual(flatChunkNames({ __comp: 'a', __context: { plugin: 'b' }, __props: 'c', content: { x: ['d', 'e'] } }), ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(flatChunkNames(undefined), []);
  });

  test('maps a built HTML file to the path it serves', () => {
    assert.equal(pagePathOf('index.html'), '/');
    assert.equal(pagePathOf(path.join('docs', 'activations', 'gelu.html')), '/docs/activations/gelu');
    assert.equal(pagePathOf(path.join('docs', 'api', 'index.html')), '/docs/api');
    assert.equal(pagePathOf('404.html'), '/404');
  });

  test("puts a route's scripts, deferred and in order, just before main, and refuses a page without main", () => {
    const html = '<head><script src=/assets/js/runtime~main.1a.js defer></script><script src=/assets/js/main.2b.js defer></script></head>';
    assert.equal(
      withRouteScripts(html, ['/assets/js/9127.3c.js', '/assets/js/e16f660c.4d.js'], 'x.html'),
      '<head><script src=/assets/js/runtime~main.1a.js defer></script><script src="/assets/js/9127.3c.js" defer></script><script src="/assets/js/e16f660c.4d.js" defer></script><script src=/assets/js/main.2b.js defer></script></head>',
    );
    assert.equal(withRouteScripts(html, [], 'x.html'), html);
    assert.throws(() => withRouteScripts('<head></head>', ['/a.js'], 'docs/x.html'), /docs\/x\.html has no deferred main/);
  });
});
