// Command lines of the project's scripts: Node's util.parseArgs in strict mode (unknown options,
// missing values and stray arguments are errors), plus the checks it lacks: an empty value, and
// numbers (util.parseArgs only has strings and booleans, and Number('abc') is NaN, Number('') is 0).
// Every failure is a UsageError; `runCli` prints it with the usage and exits with code 2.
// Plain Node, no dependencies: scripts/setup.mjs uses it before `npm ci`. Types: args.d.mts.
import { parseArgs } from 'node:util';

/** A wrong command line (the caller prints the usage and exits with code 2). */
export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}

/** util.parseArgs's messages, shortened to what was wrong. */
function usageMessage(error) {
  const name = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${name ?? error.message}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(error.message)?.[1] ?? error.message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // "--out <value>' argument missing", "… argument is ambiguous" (the next word is an option), or a
      // value given to a boolean option ("--quick=1").
      if (name && /does not take an argument/.test(error.message)) return `${name} takes no value`;
      if (name && /ambiguous/.test(error.message)) return `${name} needs a value (one starting with - is written ${name}=-…)`;
      return name ? `${name} needs a value` : error.message;
    default:
      return error.message;
  }
}

/**
 * Parses `argv` strictly against `options` (util.parseArgs's option config). A string option given
 * an empty value (`--out ''`, `--out=`) is refused too: it would mean the working directory.
 * Returns { values, positionals }; throws a UsageError.
 */
export function parseCommandLine(argv, options, { positionals = false } = {}) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: positionals });
  } catch (error) {
    if (typeof error?.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS_')) throw new UsageError(usageMessage(error));
    throw error;
  }
  for (const [name, spec] of Object.entries(options)) {
    const v = parsed.values[name];
    if (spec.type === 'string' && (v === '' || (Array.isArray(v) && v.includes('')))) throw new UsageError(`--${name} needs a value`);
  }
  return { values: { ...parsed.values }, positionals: parsed.positionals };
}

/** A whole number ≥ `min` written in decimal digits (not '', '1.5', '1e3', '0x10', ' 4'). */
export function integerOption(name, text, min = 1) {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < min) {
    throw new UsageError(`--${name} must be a whole number ≥ ${min}, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

/** A finite number > 0 in decimal notation (not '', 'abc', 'NaN', 'Infinity', '0', '-1', '0x10'). */
export function positiveNumberOption(name, text) {
  const value = Number(text);
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) || !Number.isFinite(value) || !(value > 0)) {
    throw new UsageError(`--${name} must be a number > 0, got ${JSON.stringify(text)}`);
  }
  return value;
}

/**
 * Runs `parse(argv)`; on a UsageError prints `<prefix> <message>` and the usage to stderr and exits
 * with code 2. Any other error is thrown on.
 */
export function parseOrExit(prefix, usage, parse, argv = process.argv.slice(2)) {
  try {
    return parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${prefix} ${error.message}\n${usage}`);
    process.exit(2);
  }
}
