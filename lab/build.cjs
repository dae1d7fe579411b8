// Runs the rspack build of rspack.config.cjs (the output folder comes from ACTIVATIONS_LAB_OUT) and
// exits non-zero with rspack's own error text when any part of it fails.
const { rspack } = require('@rspack/core');
const config = require('./rspack.config.cjs');

rspack(config, (error, stats) => {
  if (error) {
    console.error(`[lab] rspack could not run: ${error.stack || error.message}`);
    process.exit(1);
  }
  if (stats.hasErrors()) {
    console.error(`[lab] the JupyterLab build failed:\n${stats.toString({ all: false, errors: true, errorDetails: true })}`);
    process.exit(1);
  }
});
