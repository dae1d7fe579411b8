// The built site in a browser: see browser-suite.ts. Not run by test:unit, which builds no site.
import { siteTestsDisabled } from './helpers.js';

if (!siteTestsDisabled('test/site/browser.test.ts')) await import('./browser-suite.js');
