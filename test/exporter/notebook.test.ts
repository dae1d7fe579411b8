import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NotebookError } from '../../src/exporter/errors.js';
import { parseNotebook } from '../../src/exporter/notebook.js';
import { code, md, notebookJson } from './support.js';

function failure(text: string): NotebookError {
  try {
    parseNotebook(text, 'notebooks/x.ipynb');
  } catch (error) {
    assert.ok(error instanceof NotebookError, `expected a NotebookError, got ${String(error)}`);
    return error;
  }
  assert.fail('parseNotebook accepted a malformed notebook');
}

test('parseNotebook joins multi-line sources and texts and keeps cells in order with their index, id and tags', () => {
  const nb = parseNotebook(
    notebookJson([
      md(['# Title\n', 'text'], { id: 'intro', metadata: { tags: ['remove-input'] } }),
      code(['const a = 1;\n', 'a'], [{ output_type: 'stream', name: 'stdout', text: ['1\n', '2\n'] }]),
      { cell_type: 'raw', metadata: {}, source: 'raw text' },
    ]),
    'notebooks/x.ipynb',
  );
  assert.equal(nb.language, 'typescript');
  assert.equal(nb.nbformatMinor, 5);
  assert.deepEqual(
    nb.cells.map((c) => [c.index, c.cellType, c.id, c.source, c.tags]),
    [
      [0, 'markdown', 'intro', '# Title\ntext', ['remove-input']],
      [1, 'code', undefined, 'const a = 1;\na', []],
      [2, 'raw', undefined, 'raw text', []],
    ],
  );
  const cell = nb.cells[1]!;
  assert.equal(cell.cellType, 'code');
  if (cell.cellType === 'code') assert.deepEqual(cell.outputs, [{ outputType: 'stream', name: 'stdout', text: '1\n2\n' }]);
});

test('parseNotebook keeps JSON MIME types parsed and joins text MIME types', () => {
  const spec = { kind: 'vector', title: 't', grid: { start: -1, stop: 1, count: 3 }, fn: 'softmax' };
  const nb = parseNotebook(
    notebookJson([
      code('x', [{ output_type: 'display_data', metadata: {}, data: { 'text/plain': ['a\n', 'b'], 'application/vnd.activations.chart+json': spec } }]),
    ]),
    'x.ipynb',
  );
  const cell = nb.cells[0]!;
  assert.ok(cell.cellType === 'code');
  assert.deepEqual(cell.outputs[0], {
    outputType: 'display_data',
    metadata: {},
    data: { 'text/plain': 'a\nb', 'application/vnd.activations.chart+json': spec },
  });
});

test('parseNotebook reads the language from language_info, else the kernelspec', () => {
  const python = JSON.stringify({ cells: [], metadata: { kernelspec: { language: 'Python' } }, nbformat: 4, nbformat_minor: 5 });
  assert.equal(parseNotebook(python, 'x.ipynb').language, 'python');
  const none = JSON.stringify({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 });
  assert.equal(parseNotebook(none, 'x.ipynb').language, 'typescript');
});

test('a notebook that is not JSON fails naming the file', () => {
  const error = failure('{"cells": [');
  assert.match(error.message, /^notebooks\/x\.ipynb: not valid JSON \(/);
  assert.deepEqual(error.where, { file: 'notebooks/x.ipynb' });
});

test('a notebook of another nbformat fails naming the version', () => {
  assert.equal(
    failure(JSON.stringify({ nbformat: 3, nbformat_minor: 0, worksheets: [] })).message,
    'notebooks/x.ipynb: nbformat is 3; the exporter reads nbformat 4 notebooks',
  );
});

test('a notebook without cells fails naming the file', () => {
  assert.equal(failure(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {} })).message, 'notebooks/x.ipynb: "cells" must be a list, got nothing');
});

test('a cell without source fails naming the file and the cell index and id', () => {
  const error = failure(notebookJson([md('fine'), { cell_type: 'markdown', id: 'broken', metadata: {} }]));
  assert.equal(error.message, 'notebooks/x.ipynb: cell 1 (id "broken"): "source" is missing');
  assert.deepEqual(error.where, { file: 'notebooks/x.ipynb', cell: 1, cellId: 'broken' });
});

test('a source that is neither a string nor a list of strings fails naming the cell', () => {
  assert.equal(
    failure(notebookJson([md('a'), md('b'), code(['a', 2] as never)])).message,
    'notebooks/x.ipynb: cell 2: "source" must be a string or a list of strings, got a list',
  );
});

test('an unknown cell type, a code cell without outputs and bad outputs fail naming cell and output', () => {
  assert.equal(
    failure(notebookJson([{ cell_type: 'heading', metadata: {}, source: '' }])).message,
    'notebooks/x.ipynb: cell 0: unknown cell_type "heading" (expected markdown, code or raw)',
  );
  assert.equal(
    failure(notebookJson([{ cell_type: 'code', metadata: {}, source: '' }])).message,
    'notebooks/x.ipynb: cell 0: a code cell\'s "outputs" must be a list, got nothing',
  );
  assert.equal(
    failure(notebookJson([code('', [{ output_type: 'stream', name: 'stdout', text: '' }, { output_type: 'pager' }])])).message,
    'notebooks/x.ipynb: cell 0, output 1: unknown output_type "pager" (expected stream, display_data, execute_result or error)',
  );
  assert.equal(
    failure(notebookJson([code('', [{ output_type: 'stream', name: 'stdin', text: '' }])])).message,
    'notebooks/x.ipynb: cell 0, output 0: a stream output\'s "name" must be "stdout" or "stderr", got "stdin"',
  );
  assert.equal(
    failure(notebookJson([code('', [{ output_type: 'error', ename: 'E', evalue: 'v', traceback: 'x' }])])).message,
    'notebooks/x.ipynb: cell 0, output 0: an error output\'s "traceback" must be a list of strings, got "x"',
  );
  assert.equal(
    failure(notebookJson([code('', [{ output_type: 'display_data', data: { 'text/plain': 5 } }])])).message,
    'notebooks/x.ipynb: cell 0, output 0: "data["text/plain"]" must be a string or a list of strings, got 5',
  );
});

test('bad tags and attachments fail naming the cell', () => {
  assert.equal(
    failure(notebookJson([md('a', { metadata: { tags: 'remove-cell' } })])).message,
    'notebooks/x.ipynb: cell 0: "metadata.tags" must be a list of strings, got "remove-cell"',
  );
  assert.equal(
    failure(notebookJson([md('a', { attachments: { 'a.png': 'x' } })])).message,
    'notebooks/x.ipynb: cell 0: attachment "a.png" must be an object of MIME types, got "x"',
  );
});
