declare module 'plotly.js-basic-dist-min';

// Webpack's (and rspack's) require.resolveWeak: a module's id without adding it to the chunk (components/Deferred).
declare namespace NodeJS {
  interface Require {
    resolveWeak(request: string): string | number;
  }
}
