/**
 * Page paths of the generated docs, shared by the generator (scripts/generate-docs.ts) and the
 * components, so links and files cannot disagree. Pages are named like the module's files:
 * `leakyRelu` → activations/leaky-relu.
 */
export function pageName(id: string): string {
  return id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The route of a function's page, without the base URL (Docusaurus's Link adds it). */
export function functionPath(id: string): string {
  return `/docs/activations/${pageName(id)}`;
}

export const BIBLIOGRAPHY_PATH = '/docs/bibliography';
export const COMPARISON_PATH = '/docs/comparison';
export const FUNCTIONS_PATH = '/docs/activations';
export const WALKTHROUGH_PATH = '/docs/notebooks/activation-functions';
export const EXPERIMENTS_PATH = '/docs/experiments';
