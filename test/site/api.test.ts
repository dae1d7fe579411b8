// The API reference in the built site: see api-suite.ts. Not run by test:unit, which builds no site.
import { siteTestsDisabled } from './helpers.js';

if (!siteTestsDisabled('test/site/api.test.ts')) await import('./api-suite.js');
