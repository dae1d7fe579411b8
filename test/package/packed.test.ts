/**
 * The package as npm would publish it: `npm pack`, then checked as a reader meets it. publint and
 * arethetypeswrong lint the tarball; an empty project installs the tarball and the pinned tslab from
 * the npm registry, imports it with `import` and `require`, bundles `import { activations }` with
 * esbuild (citation-js and the WebAssembly bytes must stay out of what loads first), and executes
 * every notebook, copied there as a reader would download it, through Jupyter's nbclient.
 * Needs the built dist/ (every test run builds it first) and the set-up's Jupyter (npm run setup).
 * The reader's dependencies (everything but the tarball) are installed once per key and kept in
 * .cache/packed-reader/<key>/ (see readerDependencies); each run copies them and adds the tarball.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, transformSync, type Metafile } from 'esbuild';
import { activationIds, activations } from '../../src/registry.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const NAME = pkg.name;
const KERNEL = 'tslab-packed';
const READER_CACHE = path.join(ROOT, '.cache', 'packed-reader');

let tmp = '';
let tarball = '';
/** The reader's project: the tarball and tslab installed, nothing else. */
let reader = '';

/** Runs a command; on failure, throws with its output (npm and the linters explain themselves there). */
async function sh(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    const { stdout } = await run(file, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number };
    throw new Error(`${[file, ...args].join(' ')} failed (exit ${err.code}) in ${cwd}:\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  }
}

/**
 * The reader's project without the package: its dependencies (as package.json pins them) and the
 * pinned tslab, installed from the npm registry once per key, a hash of what decides that install:
 * those names and versions, Node's version and module ABI (tslab's kernel has native parts), npm's
 * version and the platform. Built in a temporary folder renamed into place, so an entry is complete
 * or absent; older entries are removed. Returns the entry's folder and whether it was there already.
 */
async function readerDependencies(): Promise<{ dir: string; cached: boolean }> {
  const wanted = { ...pkg.dependencies, tslab: pkg.devDependencies.tslab! };
  const npmVersion = (await sh('npm', ['--version'], ROOT)).trim();
  const inputs = { wanted, node: process.version, abi: process.versions.modules, npm: npmVersion, platform: process.platform, arch: process.arch };
  const key = createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 16);
  const dir = path.join(READER_CACHE, key);
  if (existsSync(path.join(dir, 'node_modules', 'tslab', 'package.json'))) return { dir, cached: true };
  mkdirSync(READER_CACHE, { recursive: true });
  const temp = path.join(READER_CACHE, `.tmp-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  writeFileSync(path.join(temp, 'package.json'), JSON.stringify({ name: 'reader', version: '1.0.0', private: true }, null, 2) + '\n');
  // From the npm registry, as a reader installs them (npm's own cache makes a second run local).
  const specs = Object.entries(wanted).map(([name, version]) => `${name}@${version}`);
  await sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...specs], temp);
  writeFileSync(path.join(temp, 'cache-key.json'), JSON.stringify(inputs, null, 2) + '\n');
  for (const old of readdirSync(READER_CACHE))
    if (old !== key && !old.startsWith('.tmp-')) rmSync(path.join(READER_CACHE, old), { recursive: true, force: true });
  try {
    renameSync(temp, dir);
  } catch (e) {
    // Another run put the same entry in place first: theirs is as good.
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(dir)) throw e;
  }
  return { dir, cached: false };
}

before(async () => {
  for (const entry of ['index.js', 'index.cjs', 'notebook/index.js', 'notebook/index.cjs']) {
    assert.ok(existsSync(path.join(ROOT, 'dist', entry)), `dist/${entry} is missing: run npm run build first`);
  }
  tmp = mkdtempSync(path.join(os.tmpdir(), 'activations-packed-'));
  // --ignore-scripts: prepack would rebuild dist/ while other test files read it; the run built it.
  const packed = JSON.parse(await sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT)) as { filename: string }[];
  tarball = path.join(tmp, packed[0]!.filename);
  reader = path.join(tmp, 'reader');
  const started = Date.now();
  const deps = await readerDependencies();
  // cp -a: a copy, so that the install below cannot change the cache; Node's cpSync is twice as slow here.
  await sh('cp', ['-a', deps.dir, reader], ROOT);
  // The tarball on top, as `npm install <tarball>` adds it: its dependencies are there already.
  await sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], reader);
  console.log(
    `# reader project ready in ${((Date.now() - started) / 1000).toFixed(1)} s (dependencies ${deps.cached ? 'from' : 'installed into'} ${path.relative(ROOT, deps.dir)})`,
  );
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the tarball holds the module, its types, the notebook helpers, the committed results, LICENSE and CHANGELOG, and not the exporter', async () => {
  const listing = await sh('tar', ['-tzf', tarball], tmp);
  const files = new Set(listing.split('\n').filter(Boolean));
  for (const f of ['LICENSE', 'CHANGELOG.md', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/notebook/index.js', 'dist/notebook/index.d.ts']) {
    assert.ok(files.has(`package/${f}`), `${f} is not in the tarball`);
  }
  assert.ok(
    [...files].some((f) => f.startsWith('package/experiments/results/')),
    'the committed experiment results (notebooks 00 and 05 read them) are not in the tarball',
  );
  const exporter = [...files].filter((f) => /^package\/(dist|src)\/(exporter|node)\//.test(f));
  assert.deepEqual(exporter, [], 'the exporter (it needs devDependencies) is in the tarball');
});

test("the package's dependencies are exactly the packages its shipped code imports (tslab, the kernel, an optional peer)", () => {
  const manifest = JSON.parse(readFileSync(path.join(reader, 'node_modules', NAME, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  };
  const dist = path.join(reader, 'node_modules', NAME, 'dist');
  const imported = new Set<string>();
  const files = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
  for (const f of files) {
    // Without its comments (esbuild keeps none but legal ones): the doc comments' examples import the package by name.
    const code = transformSync(readFileSync(path.join(dist, f), 'utf8'), { loader: 'js', legalComments: 'none' }).code;
    // import … from 'x', import 'x', import('x'), require('x'), tryRequire('x'): bare specifiers only.
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|[rR]equire(?:<[^>]*>)?\(\s*)['"]([^'"./][^'"]*)['"]/g)) {
      const spec = m[1]!;
      if (spec.startsWith('node:')) continue;
      imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  const declared = Object.keys(manifest.dependencies ?? {});
  const peers = Object.keys(manifest.peerDependencies ?? {});
  assert.deepEqual([...imported].filter((p) => !peers.includes(p)).sort(), [...declared].sort(), 'dependencies differ from what dist/ imports');
  for (const p of peers) assert.equal(manifest.peerDependenciesMeta?.[p]?.optional, true, `peer ${p} should be optional`);
});

test('prepack empties dist/ before the build: a file an older build left in dist/ is not packed', async () => {
  // A copy of the package's manifest and prepack's script, with a stray file in its dist/ and the
  // build stubbed by a copy of the repository's dist/ (the real build is what every run does first).
  const dir = path.join(tmp, 'prepack');
  mkdirSync(path.join(dir, 'scripts', 'lib'), { recursive: true });
  for (const f of ['README.md', 'LICENSE', 'CHANGELOG.md', 'scripts/clean-dist.mjs', 'scripts/lib/env.mjs'])
    copyFileSync(path.join(ROOT, f), path.join(dir, f));
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const stubBuild = `node -e "require('node:fs').cpSync('${path.join(ROOT, 'dist')}', 'dist', { recursive: true })"`;
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...manifest, scripts: { prepack: pkg.scripts.prepack, build: stubBuild } }, null, 2));
  const stray = 'dist/stray-from-an-older-build.js';
  mkdirSync(path.join(dir, 'dist'));
  writeFileSync(path.join(dir, stray), 'export const stale = true;\n');
  const packedFiles = async (args: string[]) =>
    (JSON.parse(await sh('npm', ['pack', '--dry-run', '--json', ...args], dir)) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  // The check can fail: without the lifecycle scripts, the stray file is packed.
  assert.ok((await packedFiles(['--ignore-scripts'])).includes(stray), `${stray} is not packed even without prepack`);
  const files = await packedFiles([]);
  assert.ok(!files.includes(stray), `${stray} is in the tarball: prepack did not empty dist/`);
  for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/notebook/index.d.cts']) assert.ok(files.includes(f), `${f} is not in the tarball`);
});

test('publint finds no problem in the tarball (--strict: warnings count)', async () => {
  const out = await sh(path.join(BIN, 'publint'), ['run', '--strict', tarball], ROOT);
  assert.match(out, /All good!/, out);
});

test('arethetypeswrong finds no problem for node10, node16 (ESM and CJS) and bundler resolution, with no rule ignored', async () => {
  const out = await sh(path.join(BIN, 'attw'), [tarball, '--format', 'json'], ROOT);
  const report = JSON.parse(out) as {
    analysis: { problems: unknown[]; entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName?: string } }> }> };
  };
  assert.deepEqual(report.analysis.problems, [], JSON.stringify(report.analysis.problems, null, 2));
  assert.deepEqual(Object.keys(report.analysis.entrypoints).sort(), ['.', './notebook', './package.json']);
  // A require() of the package meets CommonJS types (the thin .d.cts entries), not the ES module's.
  for (const entry of ['.', './notebook']) {
    const fromCjs = report.analysis.entrypoints[entry]!.resolutions['node16-cjs']?.resolution?.fileName ?? '';
    assert.match(fromCjs, /\.d\.cts$/, `${entry} from CommonJS resolves to ${fromCjs}`);
  }
});

test('the installed package imports with `import` and with `require`, and gives the values the sources give', async () => {
  const points = [-3.5, -0.5, 0, 0.5, 2];
  // One JSON line per id: what the installed package computes (values as bit patterns: -0 and NaN count).
  const body = `
    const out = {};
    for (const id of Object.keys(m.activations)) out[id] = [${points.join(', ')}].map((x) => String(m.activations[id].forward(x)) + '/' + Object.is(m.activations[id].forward(x), -0));
    const notebookHelpers = typeof nb.initPlotly === 'function' && typeof nb.plotOutput === 'function';
    console.log(JSON.stringify({ out, notebookHelpers }));`;
  const esm = `import * as m from '${NAME}'; import * as nb from '${NAME}/notebook';${body}`;
  const cjs = `const m = require('${NAME}'); const nb = require('${NAME}/notebook');${body}`;
  const expected: Record<string, string[]> = {};
  for (const id of activationIds) expected[id] = points.map((x) => String(activations[id].forward(x)) + '/' + Object.is(activations[id].forward(x), -0));
  for (const [kind, args] of [
    ['import', ['--input-type=module', '-e', esm]],
    ['require', ['-e', cjs]],
  ] as const) {
    const got = JSON.parse(await sh(process.execPath, [...args], reader)) as { out: Record<string, string[]>; notebookHelpers: boolean };
    assert.deepEqual(got.out, expected, `${kind}: values differ from the sources'`);
    assert.equal(got.notebookHelpers, true, `${kind}: ${NAME}/notebook lacks its helpers`);
  }
  // Only what `exports` lists: the exporter is neither shipped nor reachable.
  await assert.rejects(
    sh(process.execPath, ['--input-type=module', '-e', `await import('${NAME}/dist/exporter/cli.js')`], reader),
    /ERR_PACKAGE_PATH_NOT_EXPORTED/,
  );
});

test('`require` and `import` give the one module object, and so one state (no dual-package hazard)', async () => {
  // Each side loads the package its way, then looks at the other's: same object, and a kernel mode
  // set through one is the mode seen through the other. No warning: require(esm) is plain Node >= 20.19.
  const esm = `
    import { createRequire } from 'node:module';
    import * as m from '${NAME}';
    import * as nb from '${NAME}/notebook';
    const require = createRequire(import.meta.url);
    const before = m.getKernelMode();
    require('${NAME}').setKernelMode('ts');
    console.log(JSON.stringify({ same: require('${NAME}') === m, sameNotebook: require('${NAME}/notebook') === nb, before, after: m.getKernelMode(), resolved: require.resolve('${NAME}') }));`;
  const cjs = `
    const m = require('${NAME}');
    const nb = require('${NAME}/notebook');
    const before = m.getKernelMode();
    Promise.all([import('${NAME}'), import('${NAME}/notebook')]).then(([esm, esmNb]) => {
      esm.setKernelMode('ts');
      console.log(JSON.stringify({ same: esm === m, sameNotebook: esmNb === nb, before, after: m.getKernelMode(), resolved: require.resolve('${NAME}') }));
    });`;
  for (const [kind, args] of [
    ['import first', ['--input-type=module', '-e', esm]],
    ['require first', ['-e', cjs]],
  ] as const) {
    const { stdout, stderr } = await run(process.execPath, [...args], { cwd: reader });
    const got = JSON.parse(stdout) as { same: boolean; sameNotebook: boolean; before: string; after: string; resolved: string };
    assert.equal(got.same, true, `${kind}: require('${NAME}') and import('${NAME}') are different objects`);
    assert.equal(got.sameNotebook, true, `${kind}: require and import of ${NAME}/notebook are different objects`);
    assert.deepEqual([got.before, got.after], ['auto', 'ts'], `${kind}: the kernel mode set through one side is not seen through the other`);
    assert.match(got.resolved, /dist[\\/]index\.cjs$/, `${kind}: require resolved to ${got.resolved}, not the CommonJS entry`);
    assert.equal(stderr, '', `${kind}: warnings`);
  }
});

test('a TypeScript CommonJS project (module node16 and node20, skipLibCheck off) typechecks against the package, and its compiled require() runs', async () => {
  const dir = path.join(reader, 'ts-cjs');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'ts-cjs', private: true, type: 'commonjs' }));
  writeFileSync(
    path.join(dir, 'index.ts'),
    `import { activations, getKernelMode, setKernelMode, type ActivationId, type KernelMode } from '${NAME}';
import { plotOutputSpec, type VectorInput } from '${NAME}/notebook';
const id: ActivationId = 'relu';
const y: number = activations[id].forward(-1);
const previous: KernelMode = setKernelMode('ts');
const input: VectorInput = [0, 1];
const kind: string = plotOutputSpec(input, input, 'identity').kind;
// The types are checked, not just present: each line below is an error (else tsc reports TS2578).
// @ts-expect-error: forward takes a number
activations.relu.forward('1');
// @ts-expect-error: not an export of the package
import { noSuchExport } from '${NAME}';
console.log(JSON.stringify({ y, previous, now: getKernelMode(), kind, noSuchExport: typeof noSuchExport }));
`,
  );
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  // The notebook helpers' types name node:util (inspect.custom): the reader would have @types/node.
  const common = ['--strict', '--skipLibCheck', 'false', '--target', 'es2022', '--typeRoots', path.join(ROOT, 'node_modules', '@types'), '--types', 'node'];
  // node20 models Node's require(esm); node16 does not, and is what the .d.cts entries are for.
  await sh(process.execPath, [tsc, ...common, '--module', 'node20', '--noEmit', 'index.ts'], dir);
  await sh(process.execPath, [tsc, ...common, '--module', 'node16', '--outDir', 'out', 'index.ts'], dir);
  const emitted = readFileSync(path.join(dir, 'out', 'index.js'), 'utf8');
  assert.ok(emitted.includes(`require("${NAME}")`), `tsc did not compile the import to require():\n${emitted}`);
  const got = JSON.parse(await sh(process.execPath, [path.join('out', 'index.js')], dir)) as Record<string, unknown>;
  assert.deepEqual(got, { y: 0, previous: 'auto', now: 'ts', kind: 'data', noSuchExport: 'undefined' });
});

test('importing the package registers nothing with citation-js: the IEEE style arrives with the first IEEE reference', async () => {
  const script = `
    import { plugins } from '@citation-js/core';
    const m = await import('${NAME}');
    const styles = plugins.config.get('@csl').styles;
    const before = styles.has('activation-functions/ieee');
    const text = m.formatReference('hendrycks2016gelu', 'ieee');
    console.log(JSON.stringify({ before, after: styles.has('activation-functions/ieee'), text }));`;
  const got = JSON.parse(await sh(process.execPath, ['--input-type=module', '-e', script], reader)) as { before: boolean; after: boolean; text: string };
  assert.equal(got.before, false, 'the IEEE style was registered at import');
  assert.equal(got.after, true, 'formatReference did not register the IEEE style');
  assert.match(got.text, /Hendrycks/);
});

/** The files a page loads at first for `code`, bundled by esbuild, minified, for the browser. */
async function bundle(code: string, name: string): Promise<{ initial: string; lazy: string; initialBytes: number; metafile: Metafile }> {
  const dir = path.join(tmp, `bundle-${name}`);
  writeFileSync(path.join(reader, `${name}.mjs`), code);
  const result = await build({
    absWorkingDir: reader,
    entryPoints: [`${name}.mjs`],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    splitting: true,
    outdir: dir,
    metafile: true,
    logLevel: 'silent',
    // citation-js's Node fetch reaches for Node's built-ins: a browser bundler would stub them.
    external: ['node:*'],
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((o) => outputs[o]!.entryPoint !== undefined)!;
  // The entry chunk and what it imports statically: what a page loads before any code runs.
  const initial = new Set<string>();
  for (const pending = [entry]; pending.length;) {
    const o = pending.pop()!;
    if (initial.has(o)) continue;
    initial.add(o);
    for (const i of outputs[o]!.imports) if (i.kind === 'import-statement' && outputs[i.path]) pending.push(i.path);
  }
  const read = (files: string[]): string => files.map((o) => readFileSync(path.join(reader, o), 'utf8')).join('\n');
  const lazy = Object.keys(outputs).filter((o) => !initial.has(o) && o.endsWith('.js'));
  return { initial: read([...initial]), lazy: read(lazy), initialBytes: [...initial].reduce((n, o) => n + outputs[o]!.bytes, 0), metafile: result.metafile };
}

test('a bundle of `import { activations }` leaves citation-js out and loads the WebAssembly bytes only on demand', async () => {
  // Markers: the start of the module's bytes in base64 (`\0asm`), and citation-js's package name.
  const bytes = (await import(path.join(reader, 'node_modules', NAME, 'dist', 'kernels', 'wasm-bytes.generated.js'))) as { WASM_KERNELS_BASE64: string };
  const wasmMarker = bytes.WASM_KERNELS_BASE64.slice(0, 40);
  const citeMarker = '@citation-js/core';
  const activationsOnly = await bundle(`import { activations } from '${NAME}';\nconsole.log(activations.relu.map(new Float64Array(64)));\n`, 'activations');
  console.log(`# import { activations } from '${NAME}': ${activationsOnly.initialBytes} bytes loaded first (esbuild, minified)`);
  assert.ok(!activationsOnly.initial.includes(citeMarker), 'citation-js is in the bundle of `import { activations }`');
  assert.ok(!activationsOnly.initial.includes(wasmMarker), 'the WebAssembly bytes are in what `import { activations }` loads first');
  assert.ok(activationsOnly.lazy.includes(wasmMarker), 'the WebAssembly bytes are not in a chunk of their own, loaded on demand');
  // The same checks can fail: a bundle that uses citations carries citation-js.
  const withCitations = await bundle(`import { toBibtex } from '${NAME}';\nconsole.log(toBibtex('hendrycks2016gelu'));\n`, 'cite');
  assert.ok(withCitations.initial.includes(citeMarker), 'the citation-js marker is not found even where citation-js is used');
});

test('every notebook, downloaded into the empty project, runs through nbclient on the installed tslab', async () => {
  const pythonFile = path.join(ROOT, '.cache', 'python');
  assert.ok(existsSync(pythonFile), 'Jupyter is not set up: run npm run setup');
  const python = readFileSync(pythonFile, 'utf8').trim();
  // The reader's kernelspec, on a JUPYTER_PATH of its own: the reader's tslab, not the repository's.
  const jupyter = path.join(tmp, 'jupyter');
  mkdirSync(path.join(jupyter, 'kernels', KERNEL), { recursive: true });
  const tslab = path.join(reader, 'node_modules', '.bin', 'tslab');
  writeFileSync(
    path.join(jupyter, 'kernels', KERNEL, 'kernel.json'),
    JSON.stringify({ argv: [tslab, 'kernel', '--config-path', '{connection_file}'], display_name: 'TypeScript (tslab)', language: 'typescript' }),
  );
  const names = readdirSync(path.join(ROOT, 'notebooks')).filter((f) => f.endsWith('.ipynb'));
  assert.ok(names.length > 0, 'no notebooks found');
  const executed = path.join(tmp, 'executed');
  mkdirSync(executed);
  const jobs = names.map((name) => {
    copyFileSync(path.join(ROOT, 'notebooks', name), path.join(reader, name));
    return { id: name, input: path.join(reader, name), output: path.join(executed, name), cwd: reader, kernel: KERNEL, timeout: 300 };
  });
  for (const d of ['data', 'runtime', 'config']) mkdirSync(path.join(tmp, `jupyter-${d}`));
  const env = {
    ...process.env,
    JUPYTER_PATH: jupyter,
    JUPYTER_DATA_DIR: path.join(tmp, 'jupyter-data'),
    JUPYTER_RUNTIME_DIR: path.join(tmp, 'jupyter-runtime'),
    JUPYTER_CONFIG_DIR: path.join(tmp, 'jupyter-config'),
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
  };
  const lines = await new Promise<string>((resolve, reject) => {
    const child = spawn(python, [path.join(ROOT, 'scripts', 'execute_notebooks.py'), '--jobs', '2'], { cwd: reader, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`execute_notebooks.py exited with ${code}:\n${stderr}`))));
    child.stdin.end(JSON.stringify(jobs));
  });
  const results = lines
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; ok: boolean; cell_index?: number; error?: string });
  assert.deepEqual(results.map((r) => r.id).sort(), [...names].sort(), 'not every notebook reported back');
  const failures: string[] = [];
  for (const r of results) {
    const nb = JSON.parse(readFileSync(path.join(executed, r.id), 'utf8')) as {
      cells: { cell_type: string; execution_count: number | null; outputs?: { output_type: string; name?: string; text?: string | string[] }[] }[];
    };
    // tslab reports a failing cell only through its stderr stream; a passing notebook has none.
    nb.cells.forEach((cell, i) => {
      const stderr = (cell.outputs ?? []).filter((o) => o.output_type === 'stream' && o.name === 'stderr').map((o) => [o.text ?? ''].flat().join(''));
      if (stderr.length) failures.push(`${r.id} cell ${i + 1}: ${stderr.join('').slice(0, 2000)}`);
      if (r.ok && cell.cell_type === 'code' && cell.execution_count === null) failures.push(`${r.id} cell ${i + 1} did not run`);
    });
    if (!r.ok) failures.push(`${r.id} failed at cell ${(r.cell_index ?? -1) + 1}: ${(r.error ?? '').slice(0, 2000)}`);
  }
  assert.deepEqual(failures, []);
});
