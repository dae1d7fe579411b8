import { displayBundle } from './display.js';

/**
 * Shows Markdown (with `$…$` and `$$…$$` math) computed by a cell, e.g. formulas read from the
 * module, so that notebooks show the module's own LaTeX instead of a retyped copy.
 */
export function showMarkdown(markdown: string, plain: string = markdown): void {
  if (typeof markdown !== 'string') throw new TypeError(`showMarkdown: markdown must be a string, got ${typeof markdown}`);
  displayBundle({ 'text/markdown': markdown, 'text/plain': plain });
}
