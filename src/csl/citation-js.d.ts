// citation-js 0.8 ships no type declarations; these cover only what src/cite.ts uses.
declare module '@citation-js/core' {
  export interface OutputOptions {
    template?: string;
    format?: 'text' | 'html' | 'string' | 'object';
    lang?: string;
    /** Rename CSL 1.0.2 variables (event-title) to the 1.0.1 names citeproc-js reads. */
    downgradeCsl?: boolean;
  }
  export class Cite {
    constructor(data: unknown);
    format(format: 'bibtex' | 'biblatex' | 'bibliography' | 'citation' | 'data' | 'ris', options?: OutputOptions): string;
    data: unknown[];
  }
  interface Register<T> {
    add(name: string, value: T): unknown;
    has(name: string): boolean;
    get(name: string): T;
  }
  export const plugins: {
    config: {
      get(plugin: '@csl'): { styles: Register<string>; locales: Register<string> };
      get(plugin: string): unknown;
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
