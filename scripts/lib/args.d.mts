// Types of scripts/lib/args.mjs (plain JavaScript: scripts/setup.mjs runs it before `npm ci`).
import type { ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<O extends Options> = {
  [K in keyof O]?: O[K] extends { type: 'boolean' }
    ? O[K] extends { multiple: true }
      ? boolean[]
      : boolean
    : O[K] extends { multiple: true }
      ? string[]
      : string;
};

export declare class UsageError extends Error {}
export declare function parseCommandLine<const O extends Options>(
  argv: readonly string[],
  options: O,
  config?: { positionals?: boolean },
): { values: Values<O>; positionals: string[] };
export declare function integerOption(name: string, text: string, min?: number): number;
export declare function positiveNumberOption(name: string, text: string): number;
export declare function parseOrExit<T>(prefix: string, usage: string, parse: (argv: readonly string[]) => T, argv?: readonly string[]): T;
