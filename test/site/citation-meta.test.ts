// Highwire tags and COinS of the built site, read back: see citation-meta-suite.ts. Not run by test:unit, which builds no site.
import { siteTestsDisabled } from './helpers.js';

if (!siteTestsDisabled('test/site/citation-meta.test.ts')) await import('./citation-meta-suite.js');
