/**
 * Code cell outputs → mdast. One output shows as one thing, chosen by MIME type in this order:
 *   1. a ChartSpec (CHART_SPEC_MIME)          → <NotebookChart spec={…} />, redrawn by the site
 *   2. image/png, image/jpeg, image/gif, image/svg+xml → a markdown image with a data URI (the page
 *      stays one self-contained file, written atomically with everything else)
 *   3. text/markdown                           → markdown, through the same processors as cells
 *   4. text/latex holding exactly one formula  → a math block
 *   5. application/json                        → a ```json block
 *   6. text/plain                              → a ```text block titled "Output"
 * `text/html` is never used: injected raw it could run scripts, and in MDX it is not even valid;
 * an output with nothing else (a notebook-only widget) is left out, with a warning and an MDX
 * comment. Streams become ```text blocks (stderr titled "stderr"), errors a ```text block titled
 * "Error", with terminal colour codes and overwritten progress lines (`\r`) removed.
 */
import { stripVTControlCharacters } from 'node:util';
import type { Code, RootContent } from 'mdast';
import { CHART_SPEC_MIME } from '../plot/spec.js';
import { chartElement, checkChartSpec, ChartSpecError } from './chart.js';
import { NotebookError, type Where } from './errors.js';
import { mdxComment } from './html.js';
import type { ImageData } from './links.js';
import { markdownToMdast } from './markdown.js';
import { findMath, mathNode } from './math.js';
import type { DataOutput, ErrorOutput, Output, StreamOutput } from './notebook.js';

export interface OutputContext {
  readonly where: Where;
  /** Names of the notebooks exported in this run (for links in markdown outputs). */
  readonly notebooks: ReadonlySet<string>;
  /** Reads images referenced by a path relative to the notebook (see links.ts). */
  readonly readImage?: (relativePath: string) => ImageData | undefined;
}

export interface ConvertedOutput {
  readonly nodes: RootContent[];
  readonly warnings: string[];
  readonly charts: number;
}

const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml'] as const;

/**
 * Terminal text as Jupyter shows it: no colour codes, and after a `\r` the text overwrites its line
 * from the start ("50%\r100%" shows "100%", "abc\rx" shows "xbc"); trailing blank space dropped.
 */
export function terminalText(text: string): string {
  // Node's own pattern for terminal escapes (colours, cursor moves, OSC links and titles).
  return stripVTControlCharacters(text)
    .replace(/\r+\n/g, '\n')
    .split('\n')
    .map((line) => line.split('\r').reduce((shown, part) => part + shown.slice(part.length)))
    .join('\n')
    .replace(/\s+$/, '');
}

function textBlock(value: string, title: string | undefined, lang = 'text'): Code[] {
  if (!value) return [];
  return [{ type: 'code', lang, meta: title ? `title="${title}"` : null, value }];
}

function streamNodes(output: StreamOutput): RootContent[] {
  return textBlock(terminalText(output.text), output.name === 'stderr' ? 'stderr' : 'Output');
}

function errorNodes(output: ErrorOutput): RootContent[] {
  const traceback = terminalText(output.traceback.join('\n'));
  return textBlock(traceback || terminalText(`${output.ename}: ${output.evalue}`), 'Error');
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

function imageNodes(output: DataOutput, mime: (typeof IMAGE_MIMES)[number]): RootContent[] {
  const data = output.data[mime] as string;
  const payload = mime === 'image/svg+xml' ? base64(data) : data.replace(/\s+/g, '');
  const plain = output.data['text/plain'];
  // Python's text/plain for a figure is "<Figure size 640x480 with 1 Axes>": not a description.
  const alt = typeof plain === 'string' && plain.trim() && !/^<.*>$/.test(plain.trim()) ? plain.trim().split('\n')[0]!.slice(0, 100) : 'Output image';
  return [{ type: 'paragraph', children: [{ type: 'image', url: `data:${mime};base64,${payload}`, alt, title: null }] }];
}

function dataNodes(output: DataOutput, context: OutputContext): ConvertedOutput {
  const { data, where } = { data: output.data, where: context.where };
  if (data[CHART_SPEC_MIME] !== undefined) {
    try {
      return { nodes: [chartElement(checkChartSpec(data[CHART_SPEC_MIME]))], warnings: [], charts: 1 };
    } catch (error) {
      if (error instanceof ChartSpecError) throw new NotebookError(where, error.message);
      throw error;
    }
  }
  const image = IMAGE_MIMES.find((m) => typeof data[m] === 'string');
  if (image) return { nodes: imageNodes(output, image), warnings: [], charts: 0 };
  if (typeof data['text/markdown'] === 'string') {
    const prose = markdownToMdast(data['text/markdown'], { ...context, attachments: {}, where });
    return { nodes: [...prose.children], warnings: [...prose.warnings], charts: 0 };
  }
  const latex = data['text/latex'];
  if (typeof latex === 'string') {
    const spans = findMath(latex.trim());
    if (spans.length === 1 && spans[0]!.start === 0 && spans[0]!.end === latex.trim().length) {
      return { nodes: [mathNode(spans[0]!.value)], warnings: [], charts: 0 };
    }
  }
  if (data['application/json'] !== undefined) {
    return { nodes: textBlock(JSON.stringify(data['application/json'], null, 2), 'Output', 'json'), warnings: [], charts: 0 };
  }
  if (typeof data['text/plain'] === 'string') {
    return { nodes: textBlock(terminalText(data['text/plain']), 'Output'), warnings: [], charts: 0 };
  }
  const mimes = Object.keys(data).join(', ') || 'no data';
  const note = `output not shown: no representation the site can show (${mimes})`;
  return { nodes: [mdxComment(note) as RootContent], warnings: [note], charts: 0 };
}

/** One output → mdast. */
export function outputToMdast(output: Output, context: OutputContext): ConvertedOutput {
  switch (output.outputType) {
    case 'stream':
      return { nodes: streamNodes(output), warnings: [], charts: 0 };
    case 'error':
      return { nodes: errorNodes(output), warnings: [], charts: 0 };
    default:
      return dataNodes(output, context);
  }
}

/**
 * Joins consecutive stream outputs of the same name, as Jupyter shows them: a cell that prints in
 * several writes has one block of output. Returns [output, index of its first part].
 */
export function mergeStreams(outputs: readonly Output[]): Array<[Output, number]> {
  const merged: Array<[Output, number]> = [];
  outputs.forEach((output, index) => {
    const last = merged[merged.length - 1];
    if (output.outputType === 'stream' && last && last[0].outputType === 'stream' && last[0].name === output.name) {
      last[0] = { ...last[0], text: last[0].text + output.text };
    } else {
      merged.push([output, index]);
    }
  });
  return merged;
}
