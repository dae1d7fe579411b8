// The playground in a browser: see playground-suite.ts. Not run by test:unit, which builds no site.
import { siteTestsDisabled } from './helpers.js';

if (!siteTestsDisabled('test/site/playground.test.ts')) await import('./playground-suite.js');
