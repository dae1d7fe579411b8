#!/usr/bin/env node
// Builds the WebAssembly SIMD kernels (AssemblyScript, asm/; see asm/README.md) in three steps:
//  1. reads the `// @loop` lines of asm/*.ts and writes the module's entry, asm/index.generated.ts:
//     one exported loop per line group (the per-array drivers, generated rather than copied), plus
//     the re-exports of every hand-written exported function;
//  2. compiles the entry and writes the bytes, in base64, to src/kernels/wasm-bytes.generated.ts,
//     so that src/ imports them without a file system (Node, browsers, the site's bundle);
//  3. writes the map kernels' names (with their scalar parameters, array types, and whether the
//     float32 form is within 1 ulp rather than exact: it calls into asm/fast32.ts, directly or
//     through other functions) to src/kernels/kernel-names.generated.ts, which types `runWasm`'s
//     names (src/kernels/wasm.ts) and is the one list of the float32 accuracy classes.
//   node scripts/build-wasm.mjs           generate, compile and write the generated files
//   node scripts/build-wasm.mjs --check   write nothing; fail (exit 1) if one differs (stale)
// Each @loop line must be one line (the grammar is below, and in asm/README.md).
import asc from 'assemblyscript/asc';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, loadAtomicWrite } from './lib/env.mjs';
import { parseCommandLine, parseOrExit } from './lib/args.mjs';

const ASM = 'asm';
const ENTRY = 'asm/index.generated.ts';
/** The short float32 approximations: a kernel that reaches them is within 1 ulp, not exact. */
const FAST32 = 'asm/fast32.ts';
const BYTES = 'src/kernels/wasm-bytes.generated.ts';
const NAMES = 'src/kernels/kernel-names.generated.ts';
const FLAGS = ['-O3', '--runtime', 'stub', '--noAssert', '--use', 'abort=', '--enable', 'simd', '--initialMemory', '3'];

// ---------------------------------------------------------------------------------------------
// @loop lines
//
//   // @loop <name>_<f64|f32>(<p>: f64, …) <shape>*<u> [if <condition>] => <callee>(<args>)
//
// Each line is one loop over the n elements at ptr, in place; consecutive lines of one export are
// tried in order (`if`), the last one without a condition. <shape>: `f64` (float64 lanes of a
// Float64Array), `f32` (float32 lanes of a Float32Array), `f32via64` (a Float32Array computed in
// float64: each float32 vector promoted as two float64 vectors, the results rounded and packed);
// <u>: vectors per iteration (1, 2 or 4; the loop computes them all, then stores them). In the call,
// `x` is the vector; every argument that does not use x, other than a name or a literal, is
// evaluated once before the loop (splats of the parameters, masks).

const LOOP = /^\/\/\s*@loop\b(.*)$/;
const HEADER = /^\s+(\w+)_(f64|f32)\(([^)]*)\)\s+(f64|f32|f32via64)\*(\d+)(?:\s+if\s+(.+?))?\s+=>\s+(.+?)\s*$/;
/** Names the generated loops declare: an expression may not use them (nor a parameter be called so). */
const RESERVED = /^(ptr|n|i|a|v\d+|r\d+|x\d+|arg\d+)$/;
const IDENT = /(?<![\w$.])([A-Za-z_$][\w$]*)/g;

/** The top-level comma-separated arguments of `text` = callee(args), or null if it is not one call. */
export function splitCall(text) {
  const open = text.indexOf('(');
  if (open <= 0 || !text.endsWith(')') || !/^[\w$.]+$/.test(text.slice(0, open))) return null;
  const args = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0 && i !== text.length - 1) return null; // e.g. f(x)(y) or f(x) + g(x)
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) return null;
  const last = text.slice(start, -1).trim();
  if (last !== '' || args.length > 0) args.push(last);
  return { callee: text.slice(0, open), args };
}

const usesX = (expr) => [...expr.matchAll(IDENT)].some((m) => m[1] === 'x');
const isPlain = (expr) => /^([A-Za-z_$][\w$]*|-?\d[\w.]*|true|false)$/.test(expr);

/** Parses the @loop lines of one file; throws on a malformed one. */
export function parseLoops(file, text) {
  const loops = [];
  text.split('\n').forEach((line, index) => {
    const m = LOOP.exec(line.trim());
    if (!m) return;
    const where = `${file}:${index + 1}`;
    const h = HEADER.exec(m[1]);
    if (!h) throw new Error(`${where}: expected "// @loop name_f64(p: f64, …) f64*4 [if cond] => f(x, …)", got: ${line.trim()}`);
    const [, name, dtype, paramText, shape, unrollText, condition, call] = h;
    const params = paramText.trim() === '' ? [] : paramText.split(',').map((p) => p.trim());
    for (const p of params) {
      const pm = /^(\w+)\s*:\s*f64$/.exec(p);
      if (!pm) throw new Error(`${where}: parameter "${p}" must be written "name: f64" (runWasm passes numbers)`);
      if (RESERVED.test(pm[1]) || pm[1] === 'x') throw new Error(`${where}: parameter name ${pm[1]} is taken by the generated loop`);
    }
    if (params.length > 2) throw new Error(`${where}: at most two scalar parameters (runWasm's a and b)`);
    const unroll = Number(unrollText);
    if (![1, 2, 4].includes(unroll)) throw new Error(`${where}: vectors per iteration must be 1, 2 or 4, got ${unrollText}`);
    if ((shape === 'f64') !== (dtype === 'f64')) throw new Error(`${where}: shape ${shape} does not fit ${name}_${dtype}`);
    const parsed = splitCall(call);
    if (!parsed || !usesX(call)) throw new Error(`${where}: the loop body must be one call using x, got: ${call}`);
    for (const [, id] of [...call.matchAll(IDENT), ...(condition ?? '').matchAll(IDENT)]) {
      if (RESERVED.test(id)) throw new Error(`${where}: ${id} is a name the generated loop declares`);
    }
    loops.push({
      file,
      where,
      name,
      dtype,
      params: params.map((p) => p.replace(/\s*:\s*/, ': ')),
      shape,
      unroll,
      condition: condition ?? null,
      ...parsed,
    });
  });
  return loops;
}

/** Exported functions of one file: { name, params (text), result, inline }. */
export function parseExports(text) {
  const out = [];
  for (const m of text.matchAll(/^(@inline\s+)?export\s+function\s+(\w+)\s*(?:<[^>]*>)?\(([^)]*)\)\s*:\s*(\w+)/gm)) {
    // a decorator on the line before counts too
    const before = text.slice(0, m.index).trimEnd().split('\n').at(-1) ?? '';
    out.push({ name: m[2], params: m[3].replace(/\s+/g, ' ').trim(), result: m[4], inline: Boolean(m[1]) || before.trim() === '@inline' });
  }
  return out;
}

/** Every exported name (function or constant) of one file, for the entry's imports. */
function exportedNames(text) {
  return [...text.matchAll(/^(?:@inline\s+)?export\s+(?:function|const|let)\s+(\w+)/gm)].map((m) => m[1]);
}

/** `text` without its comments (a name in a comment is not a call). */
function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}

/**
 * The top-level functions of one file, exported or not: Map name → the identifiers of its body
 * (from its header to the next function's; constants in between name no function, so they add none).
 */
export function functionRefs(text) {
  const code = stripComments(text);
  const heads = [...code.matchAll(/^(?:@inline\s+)?(?:export\s+)?function\s+(\w+)/gm)];
  const refs = new Map();
  heads.forEach((m, k) => {
    const body = code.slice(m.index + m[0].length, heads[k + 1]?.index ?? code.length);
    refs.set(m[1], new Set([...body.matchAll(IDENT)].map((r) => r[1])));
  });
  return refs;
}

/**
 * Which code reaches asm/fast32.ts: returns reaches(file, names), true if any of `names`, read in
 * `file` (its own functions first, then what another file of asm/ exports), is a function of
 * fast32.ts or calls one, however indirectly.
 */
function fast32Reach(sources, owner) {
  const refs = new Map(sources.map(({ file, text }) => [file, functionRefs(text)]));
  const memo = new Map(); // `${file}#${name}` → boolean (false while being visited: a cycle adds nothing)
  const resolve = (file, name) => (refs.get(file)?.has(name) ? file : owner.get(name));
  const visit = (file, name) => {
    const at = resolve(file, name);
    if (at === undefined || !refs.get(at)?.has(name)) return false; // a constant, a parameter, a builtin
    if (at === FAST32) return true;
    const key = `${at}#${name}`;
    if (memo.has(key)) return memo.get(key);
    memo.set(key, false);
    let hit = false;
    for (const id of refs.get(at).get(name)) if (id !== name && visit(at, id)) hit = true;
    memo.set(key, hit);
    return hit;
  };
  return (file, names) => [...names].some((name) => visit(file, name));
}

/** asm/*.ts but the generated entry, sorted by name: [{ file, text }]. */
export function readSources(root = ROOT) {
  return readdirSync(path.join(root, ASM))
    .filter((f) => f.endsWith('.ts') && `${ASM}/${f}` !== ENTRY)
    .sort()
    .map((f) => ({ file: `${ASM}/${f}`, text: readFileSync(path.join(root, ASM, f), 'utf8') }));
}

/** One loop's statements (two-space indented, without the condition). */
function loopBody(loop) {
  const { shape, unroll, callee } = loop;
  const lines = [];
  // Hoisted arguments: evaluated once, before the loop.
  const args = loop.args.map((arg, k) => {
    if (usesX(arg) || isPlain(arg)) return arg;
    lines.push(`const arg${k} = ${arg};`);
    return `arg${k}`;
  });
  // x used once: the load goes in its place; more often: bound to a constant first.
  const single = [...args.join(' ').matchAll(IDENT)].filter((m) => m[1] === 'x').length === 1;
  const per = shape === 'f64' ? 2 : 4;
  const shift = shape === 'f64' ? 3 : 2;
  lines.push(`for (let i = 0; i < n; i += ${per * unroll}) {`);
  lines.push(`  const a = ptr + (<usize>i << ${shift});`);
  const body = [];
  const apply = (input, k) => {
    if (single) return `${callee}(${args.map((arg) => arg.replace(IDENT, (s, id) => (id === 'x' ? input : s))).join(', ')})`;
    body.push(`  const x${k} = ${input};`);
    return `${callee}(${args.map((arg) => arg.replace(IDENT, (s, id) => (id === 'x' ? `x${k}` : s))).join(', ')})`;
  };
  const off = (k) => (k === 0 ? '' : `, ${16 * k}`);
  if (shape === 'f32via64') {
    for (let k = 0; k < unroll; k++) body.push(`  const v${k} = v128.load(a${off(k)});`);
    for (let k = 0; k < unroll; k++) {
      for (const [j, half] of [
        [0, 'lo32'],
        [1, 'hi32'],
      ]) {
        const r = 2 * k + j;
        const expr = apply(`${half}(v${k})`, r);
        body.push(`  const r${r} = ${expr};`);
      }
    }
    for (let k = 0; k < unroll; k++) body.push(`  v128.store(a, pack32(r${2 * k}, r${2 * k + 1})${off(k)});`);
  } else {
    for (let k = 0; k < unroll; k++) {
      const expr = apply(`v128.load(a${off(k)})`, k);
      body.push(`  const r${k} = ${expr};`);
    }
    for (let k = 0; k < unroll; k++) body.push(`  v128.store(a, r${k}${off(k)});`);
  }
  lines.push(...body, '}');
  return lines;
}

/** The exported function of one export's loops (in order, the last unconditional). */
function renderLoop(group) {
  const [first] = group;
  const where = group.map((l) => l.where).join(', ');
  for (const l of group) {
    if (l.params.join(', ') !== first.params.join(', ')) throw new Error(`${where}: ${first.name}_${first.dtype}'s lines disagree on its parameters`);
    if ((l.condition === null) !== (l === group.at(-1))) {
      throw new Error(`${l.where}: ${first.name}_${first.dtype}: every line but the last needs a condition ("if …"), the last none`);
    }
  }
  const params = ['ptr: usize', 'n: i32', ...first.params].join(', ');
  const out = [`// ${first.file}`, `export function ${first.name}_${first.dtype}(${params}): void {`];
  for (const l of group) {
    const body = loopBody(l).map((s) => `  ${s}`);
    if (l.condition === null) out.push(...body);
    else out.push(`  if (${l.condition}) {`, ...body.map((s) => `  ${s}`), '    return;', '  }');
  }
  out.push('}');
  return out.join('\n');
}

/**
 * Builds the entry and the map kernels' list from the sources: { entry, kernels } with kernels =
 * [{ name, scalars, f64, f32, within1Ulp }] sorted by name; within1Ulp: the float32 form (one of
 * its loop lines, or the hand-written function) reaches asm/fast32.ts. Throws on a malformed @loop line, a kernel defined
 * twice, or an import the entry cannot resolve.
 */
export function generate(sources) {
  const owner = new Map(); // exported name → file
  const loops = [];
  const handWritten = []; // { file, name, params, result }
  for (const { file, text } of sources) {
    for (const name of exportedNames(text)) {
      if (owner.has(name)) throw new Error(`${name} is exported by both ${owner.get(name)} and ${file}`);
      owner.set(name, file);
    }
    loops.push(...parseLoops(file, text));
    for (const e of parseExports(text)) if (!e.inline) handWritten.push({ file, ...e });
  }
  const groups = new Map();
  for (const l of loops) {
    const key = `${l.name}_${l.dtype}`;
    const g = groups.get(key) ?? [];
    if (g.length > 0 && g[0].file !== l.file) throw new Error(`${l.where}: ${key} has @loop lines in ${g[0].file} too`);
    g.push(l);
    groups.set(key, g);
  }
  for (const e of handWritten) {
    if (groups.has(e.name)) throw new Error(`${e.file}: ${e.name} is written by hand and has @loop lines too`);
  }

  // The entry's imports: every name a loop uses that a file of asm/ exports.
  const imports = new Map(); // file → Set of names
  for (const l of loops) {
    const code = [l.callee, ...l.args, l.condition ?? ''].join(' ');
    for (const [, id] of code.matchAll(IDENT)) {
      const file = owner.get(id);
      if (file === undefined) continue; // a parameter, x, or an AssemblyScript builtin
      if (!imports.has(file)) imports.set(file, new Set());
      imports.get(file).add(id);
    }
  }
  if (loops.some((l) => l.shape === 'f32via64')) {
    for (const name of ['pack32', 'lo32', 'hi32']) {
      const file = owner.get(name);
      if (!file) throw new Error(`asm/ exports no ${name}, which the f32via64 loops use`);
      if (!imports.has(file)) imports.set(file, new Set());
      imports.get(file).add(name);
    }
  }
  const rel = (file) => `./${path.posix.relative(ASM, file).replace(/\.ts$/, '')}`;
  const entry = [
    `// Generated by scripts/build-wasm.mjs from the @loop lines of asm/*.ts; do not edit (see asm/README.md).`,
    "// The WebAssembly module's entry: every hand-written exported function of asm/, and the generated",
    '// loops, each in place over the n elements at ptr (the buffer of asm/buffer.ts).',
    '',
    ...[...imports].sort(([a], [b]) => a.localeCompare(b)).map(([file, names]) => `import { ${[...names].sort().join(', ')} } from '${rel(file)}';`),
    '',
    ...[...new Set(handWritten.map((e) => e.file))].map(
      (file) =>
        `export { ${handWritten
          .filter((e) => e.file === file)
          .map((e) => e.name)
          .join(', ')} } from '${rel(file)}';`,
    ),
    '',
    [...groups.values()].map(renderLoop).join('\n\n'),
    '',
  ].join('\n');

  // Map kernels: (ptr, n, up to two f64) → void, whether generated or written by hand.
  const reaches = fast32Reach(sources, owner);
  const kernels = new Map();
  const add = (name, dtype, scalars, where, fast) => {
    const k = kernels.get(name) ?? { name, scalars, f64: false, f32: false, within1Ulp: false };
    if (k.scalars !== scalars) throw new Error(`${where}: ${name}_f64 and ${name}_f32 take different parameters`);
    k[dtype] = true;
    if (dtype === 'f32') k.within1Ulp = fast;
    kernels.set(name, k);
  };
  for (const g of groups.values()) {
    const fast = g.some((l) =>
      reaches(
        l.file,
        [...[l.callee, ...l.args, l.condition ?? ''].join(' ').matchAll(IDENT)].map((m) => m[1]),
      ),
    );
    add(g[0].name, g[0].dtype, g[0].params.length, g[0].where, fast);
  }
  for (const e of handWritten) {
    const m = /^(\w+)_(f64|f32)$/.exec(e.name);
    const p = /^ptr: usize, n: i32((?:, \w+: f64){0,2})$/.exec(e.params);
    if (m && p && e.result === 'void') add(m[1], m[2], p[1] === '' ? 0 : p[1].split(',').length - 1, e.file, reaches(e.file, [e.name]));
  }
  for (const k of kernels.values()) if (!k.f64) throw new Error(`${k.name}_f32 has no ${k.name}_f64 (every map kernel has a float64 form)`);
  return { entry, kernels: [...kernels.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}

// ---------------------------------------------------------------------------------------------
// compile and render

/** Compiles `entry` (the text of asm/index.generated.ts) with the other sources read from disk. */
export async function compileKernels(entry) {
  let binary = null;
  const stderr = [];
  const { error } = await asc.main([ENTRY, ...FLAGS, '--outFile', 'kernels.wasm'], {
    readFile: (name, baseDir) => {
      const file = path.resolve(ROOT, baseDir, name);
      if (file === path.join(ROOT, ENTRY)) return entry;
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
    writeFile: (name, contents) => {
      if (name.endsWith('.wasm')) binary = contents;
    },
    listFiles: () => [],
    stdout: { write: () => true },
    stderr: { write: (s) => (stderr.push(String(s)), true) },
  });
  if (error || !binary) throw new Error(`asc failed: ${error?.message ?? 'no output'}\n${stderr.join('')}`);
  return binary;
}

export function renderBytes(binary) {
  const b64 = Buffer.from(binary).toString('base64');
  const lines = b64.match(/.{1,100}/g) ?? [''];
  return [
    `// Generated by scripts/build-wasm.mjs from ${ENTRY} (AssemblyScript ${asc.version}, asc ${FLAGS.join(' ')}); do not edit.`,
    '// Regenerate with `npm run build:wasm`; test/kernels.test.ts checks that recompiling reproduces it byte for byte.',
    '',
    `/** The kernels' WebAssembly module (${binary.length} bytes), base64. */`,
    // An array joined, not a chain of `+`: a chain of over a thousand terms nests that deep in a
    // parser's tree, and the config loader's (jiti's Babel) runs out of stack on it.
    'export const WASM_KERNELS_BASE64 = [',
    lines.map((l) => `  '${l}',`).join('\n'),
    "].join('');",
    '',
  ].join('\n');
}

/** The map kernels' list, checked against the module's exports. */
export function renderNames(kernels, binary) {
  const exported = new Set(WebAssembly.Module.exports(new WebAssembly.Module(binary)).map((e) => e.name));
  for (const k of kernels) {
    for (const dtype of ['f64', 'f32']) {
      if (k[dtype] && !exported.has(`${k.name}_${dtype}`)) throw new Error(`${k.name}_${dtype} is missing from the compiled module`);
    }
  }
  return [
    '// Generated by scripts/build-wasm.mjs from asm/*.ts; do not edit. Regenerate with `npm run build:wasm`.',
    '',
    '/**',
    ' * The map kernels of the WebAssembly module, `<name>_f64` and `<name>_f32`, each in place over',
    " * (ptr, n) with `scalars` f64 parameters: `runWasm`'s names (src/kernels/wasm.ts). `f32`: whether",
    ' * it has a float32 form (every kernel has a float64 one). `within1Ulp`: its float32 form calls',
    " * asm/fast32.ts's short approximations, so it is within 1 float32 ulp of fround(forward) rather than",
    ' * equal to it (npm run verify:f32 checks it on every float32 input); every other kernel is exact.',
    ' */',
    'export const MAP_KERNELS = {',
    ...kernels.map((k) => `  ${k.name}: { scalars: ${k.scalars}, f32: ${k.f32}, within1Ulp: ${k.within1Ulp} },`),
    '} as const;',
    '',
  ].join('\n');
}

/** Generates and compiles; returns { [relative path]: text } for the three generated files. */
export async function build(sources = readSources()) {
  const { entry, kernels } = generate(sources);
  const binary = await compileKernels(entry);
  return { [ENTRY]: entry, [BYTES]: renderBytes(binary), [NAMES]: renderNames(kernels, binary) };
}

const USAGE = `usage: node scripts/build-wasm.mjs [--check]
  (no option)  write ${ENTRY} from the @loop lines of asm/*.ts, compile it,
               write ${BYTES} and ${NAMES}
  --check      write nothing; fail (exit 1) if any of the three differs from what the sources give
  --help       this text`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseOrExit('build-wasm:', USAGE, (argv) => parseCommandLine(argv, { check: { type: 'boolean' }, help: { type: 'boolean' } }));
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const files = await build();
  const { writeFileAtomic } = await loadAtomicWrite();
  let stale = false;
  for (const [rel, text] of Object.entries(files)) {
    const target = path.join(ROOT, rel);
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {}
    if (current === text) {
      // Left untouched, so its mtime only moves when the kernels do.
      console.log(`${rel} is up to date`);
    } else if (values.check) {
      console.error(`${rel} is stale: run npm run build:wasm`);
      stale = true;
    } else {
      writeFileAtomic(target, text);
      console.log(`wrote ${rel}`);
    }
  }
  process.exit(stale ? 1 : 0);
}
