#!/usr/bin/env node
// Removes dist/ before `npm pack` / `npm publish` build it again (the `prepack` script): a file left
// by an older build (a module since deleted or renamed) would otherwise ship in the tarball.
//   node scripts/clean-dist.mjs   (silent: `npm pack --json` prints the scripts' output with its own)
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/env.mjs';

rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
