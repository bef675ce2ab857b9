// The command-line reading `npm run bench` and `npm run chaos` share: flags
// one by one, each value checked, and the options both have (--quick, --help,
// --results, --keep-data). Each runner reads its own flags in `read`.
import path from 'node:path';

export interface RunnerOptions {
  /** Where the results JSON is written. */
  resultsDir: string;
  /** Keep the temporary PostgreSQL (and Kafka) data directories. */
  keepData: boolean;
}

/** The runner's usage error: its message names the bad option. */
export type UsageErrorClass = new (message: string) => Error;

/**
 * Reads `argv` into `options`. `read` handles one of the runner's own flags
 * (taking its value with `value()`) and returns false for one it does not know.
 */
export function readFlags(
  argv: readonly string[],
  options: RunnerOptions,
  UsageError: UsageErrorClass,
  read: (flag: string, value: () => string) => boolean,
): void {
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--quick' || flag === '--help') continue;
    if (flag === '--results') options.resultsDir = path.resolve(value());
    else if (flag === '--keep-data') options.keepData = true;
    else if (!read(flag, value)) throw new UsageError(`unknown option ${flag}`);
  }
}

/** A comma-separated list of at least one item. */
export function commaList(value: string, flag: string, UsageError: UsageErrorClass): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw new UsageError(`${flag} needs at least one value`);
  return items;
}
