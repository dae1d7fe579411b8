/**
 * Stands in for src/kernels/wasm-bytes.generated.ts in the site's bundle (see the
 * `activations-module` plugin in docusaurus.config.ts). The site's charts map a few hundred points,
 * where the WebAssembly kernels gain nothing, and their bytes (a chunk of their own, which
 * src/kernels/wasm.ts imports on the first map of 32 elements or more) would add tens of KB to the
 * first chart a reader touches; with no bytes, src/kernels/wasm.ts keeps the module on its
 * TypeScript kernels, which give the same float64 values bit for bit.
 */
export const WASM_KERNELS_BASE64 = '';
