/**
 * The only code that talks to tslab. tslab's public `display` sends one MIME type per output; a
 * chart needs several in ONE display_data (Plotly JSON for JupyterLab's Plotly extension, HTML for
 * everything else, text, and the chart spec), like plotly.py's `plotly_mimetype+notebook` renderer.
 * tslab keeps the kernel's display writer in `tslab/dist/jupyter` (`lastWriteDisplayData`, internal
 * in the pinned 1.0.22), so it is feature-detected, with `display.html` as the fallback and the text
 * printed when no kernel is there at all (a plain Node script).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type DisplayWriter = (
  message: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, unknown> },
  update: boolean,
) => void;

interface TslabPublic {
  display: { html(s: string): void; text(s: string): void };
}

function tryRequire<T>(id: string): T | undefined {
  try {
    return require(id) as T;
  } catch {
    return undefined;
  }
}

/** How `displayBundle` reached the notebook. */
export type DisplayRoute = 'multi-mime' | 'html-only' | 'stdout';

/** The kernel's writer for display_data, when running inside tslab's kernel; else undefined. */
function kernelWriter(): DisplayWriter | undefined {
  const jupyter = tryRequire<{ lastWriteDisplayData?: unknown }>('tslab/dist/jupyter.js');
  const write = jupyter?.lastWriteDisplayData;
  return typeof write === 'function' ? (write as DisplayWriter) : undefined;
}

/**
 * Shows one output with several representations (MIME type → value) and says how it got there.
 * JSON-typed values (`…+json`) must already be plain JSON (see toPlainJson). `metadata` goes into
 * the output's metadata (only on the multi-MIME route): tests use it to tell outputs apart; the
 * exporter and the frontends ignore keys they do not know.
 */
export function displayBundle(bundle: Readonly<Record<string, unknown>>, metadata: Readonly<Record<string, unknown>> = {}): DisplayRoute {
  const write = kernelWriter();
  if (write) {
    write({ data: { ...bundle }, metadata: { ...metadata }, transient: {} }, false);
    return 'multi-mime';
  }
  const html = bundle['text/html'];
  const text = bundle['text/plain'];
  const tslab = tryRequire<TslabPublic>('tslab');
  if (tslab?.display && typeof html === 'string') {
    try {
      tslab.display.html(html);
      return 'html-only';
    } catch {
      // "Not ready": tslab is installed but this is not its kernel.
    }
  }
  console.log(typeof text === 'string' ? text : JSON.stringify(bundle));
  return 'stdout';
}
