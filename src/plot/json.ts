/**
 * JSON helpers for chart outputs. Plotly figures and chart specs travel as JSON inside notebook
 * outputs and inside `<script>` elements, where a typed array would serialise as an object with
 * numeric keys and a stray `</script>` or U+2028 would end or break the script.
 */

/** A JSON value whose arrays are plain arrays (typed arrays converted), ready for JSON.stringify. */
export type PlainJson = null | boolean | number | string | PlainJson[] | { [key: string]: PlainJson };

/**
 * Copies `value` with every typed array turned into a plain array and `undefined` properties
 * dropped. Non-finite numbers are kept as numbers: JSON.stringify writes them as null, which
 * Plotly draws as a gap.
 */
export function toPlainJson(value: unknown): PlainJson {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, (v) => Number(v));
  }
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toPlainJson(v)));
  if (typeof value === 'object') {
    const out: { [key: string]: PlainJson } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined && typeof v !== 'function') out[k] = toPlainJson(v);
    }
    return out;
  }
  throw new TypeError(`cannot convert a ${typeof value} to JSON`);
}

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON text that is safe inside an HTML `<script>` element: `<`, `>` and `&` (which could close the
 * element or open a comment) and U+2028/U+2029 (line terminators in older JavaScript) are written
 * as \u escapes, which JSON and JavaScript read back as the same characters.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(toPlainJson(value)).replace(SCRIPT_UNSAFE, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable name for a chart, not a security hash. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
