// Accessibility of the built site in a browser: see a11y-suite.ts. Not run by test:unit, which builds no site.
import { siteTestsDisabled } from './helpers.js';

if (!siteTestsDisabled('test/site/a11y.test.ts')) await import('./a11y-suite.js');
