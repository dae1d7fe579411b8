// The built site read as files: see build-suite.ts. Not run by test:unit, which builds no site.
import { siteTestsDisabled } from './helpers.js';

if (!siteTestsDisabled('test/site/build.test.ts')) await import('./build-suite.js');
