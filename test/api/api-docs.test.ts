/**
 * Every export of the package's entry points (package.json "exports": the main entry and
 * `activation-functions/notebook`) has a doc comment, checked by TypeDoc's own validation
 * (`validation.notDocumented`) on the same project the API reference (/docs/api) is built from.
 * A failure names each undocumented symbol and the file it is defined in.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Application, Logger, LogLevel, ReflectionKind, type TypeDocOptions } from 'typedoc';
import { apiEntryPoints, apiProjectOptions } from '../../website/plugins/api-docs.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * What must carry a comment: the exported symbols themselves. Their members (an interface's
 * properties, a function's parameters) are documented where it helps but not required.
 */
const REQUIRED = ['Enum', 'Variable', 'Function', 'Class', 'Interface', 'TypeAlias', 'Namespace'];

/** Keeps TypeDoc's messages instead of printing them. */
class CollectingLogger extends Logger {
  readonly messages: { level: LogLevel; text: string }[] = [];
  override log(text: string, level: LogLevel): void {
    this.messages.push({ level, text });
  }
}

interface Checked {
  readonly undocumented: string[];
  readonly errors: string[];
  /** The exported names TypeDoc saw, per module, so an empty project cannot pass by accident. */
  readonly modules: Map<string, string[]>;
}

async function undocumentedExports(options: TypeDocOptions): Promise<Checked> {
  const app = await Application.bootstrap({
    ...options,
    lang: 'en',
    validation: { notDocumented: true, notExported: false, invalidLink: false },
    requiredToBeDocumented: REQUIRED as TypeDocOptions['requiredToBeDocumented'],
    logLevel: 'Verbose',
  });
  const logger = new CollectingLogger();
  logger.level = LogLevel.Verbose;
  app.logger = logger;
  const project = await app.convert();
  const errors = () => logger.messages.filter((m) => m.level === LogLevel.Error).map((m) => m.text);
  if (!project) return { undocumented: [], errors: errors().length ? errors() : ['TypeDoc could not convert the project'], modules: new Map() };
  app.validate(project);
  const modules = new Map<string, string[]>();
  const children = project.getChildrenByKind(ReflectionKind.Module);
  // A single entry point is the project itself, not a module of it.
  for (const m of children.length ? children : [project])
    modules.set(
      m.name,
      (m.children ?? []).map((c) => c.name),
    );
  const undocumented = logger.messages
    .filter((m) => m.level === LogLevel.Warn && /does not have any documentation/.test(m.text))
    .map((m) => m.text.replace(/, does not have any documentation$/, '').replace(/defined in [^,]*?activation-functions\//, 'defined in '));
  return { undocumented, errors: errors(), modules };
}

test('the API reference documents both entry points of package.json "exports"', () => {
  const entries = apiEntryPoints(ROOT);
  assert.deepEqual(
    entries.map((e) => [e.specifier, path.relative(ROOT, e.source)]),
    [
      ['activation-functions', path.join('src', 'index.ts')],
      ['activation-functions/notebook', path.join('src', 'notebook', 'index.ts')],
    ],
  );
});

test('every export of every entry point has a doc comment (TypeDoc validation.notDocumented)', async () => {
  const { undocumented, errors, modules } = await undocumentedExports(apiProjectOptions(ROOT));
  assert.deepEqual(errors, [], 'TypeDoc reported errors');
  assert.equal(modules.size, apiEntryPoints(ROOT).length, `expected one module per entry point, got ${[...modules.keys()].join(', ')}`);
  for (const [name, exports] of modules) assert.ok(exports.length > 10, `TypeDoc found only ${exports.length} exports in ${name}`);
  assert.equal(
    undocumented.length,
    0,
    `${undocumented.length} exported symbols have no doc comment; write one (say what it is for, with an @example where it helps):\n  ${undocumented.join('\n  ')}`,
  );
});

test('the check catches an undocumented export (and accepts a documented one)', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'api-docs-'));
  try {
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', target: 'ES2022' }, include: ['*.ts'] }),
    );
    const entry = path.join(dir, 'entry.ts');
    writeFileSync(
      entry,
      [
        '/** @module fixture */',
        'export const bare = 1;',
        '/** Documented. */',
        'export function documented(): number {',
        '  return 1;',
        '}',
        'export interface Shape {',
        '  /** Documented member. */',
        '  x: number;',
        '}',
        '',
      ].join('\n'),
    );
    const { undocumented, errors } = await undocumentedExports({ entryPoints: [entry], tsconfig: path.join(dir, 'tsconfig.json') });
    assert.deepEqual(errors, []);
    assert.deepEqual(
      undocumented.map((w) => /^(\S+) \(/.exec(w)?.[1]).sort(),
      ['Shape', 'bare'],
      `expected bare and Shape to be flagged, got:\n${undocumented.join('\n')}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
