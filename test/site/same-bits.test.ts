// The module's numbers in Chromium against Node's: see same-bits-suite.ts. Not run by test:unit, which runs no browser.
import { siteTestsDisabled } from './helpers.js';

if (!siteTestsDisabled('test/site/same-bits.test.ts')) await import('./same-bits-suite.js');
