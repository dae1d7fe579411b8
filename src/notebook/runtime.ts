import { createRequire } from 'node:module';
import { arch, platform } from 'node:process';

const require = createRequire(import.meta.url);

function versionOf(pkg: string): string | undefined {
  try {
    return (require(`${pkg}/package.json`) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** Where a notebook's code runs: Node's version, platform and CPU, this module and its version, tslab's, and the arithmetic. */
export interface RuntimeInfo {
  readonly node: string;
  readonly platform: string;
  readonly arch: string;
  readonly module: string;
  readonly moduleVersion: string;
  readonly tslab: string | undefined;
  readonly arithmetic: string;
}

/**
 * Where the notebook's code runs: the counterpart of the walkthrough's device cell (PyTorch picks
 * 'cuda' or 'cpu'). This module has no devices: it computes in float64 on the CPU, inside Node.
 */
export function runtimeInfo(): RuntimeInfo {
  const pkg = require('../../package.json') as { name: string; version: string };
  return {
    node: process.version,
    platform,
    arch,
    module: pkg.name,
    moduleVersion: pkg.version,
    tslab: versionOf('tslab'),
    arithmetic: 'float64 (JavaScript numbers), on the CPU',
  };
}

/** One line for the device cell. */
export function describeRuntime(info: RuntimeInfo = runtimeInfo()): string {
  return (
    `Node ${info.node} on ${info.platform} ${info.arch}; ${info.module} ${info.moduleVersion}` +
    `${info.tslab ? `; tslab ${info.tslab}` : ''}; arithmetic: ${info.arithmetic}`
  );
}
