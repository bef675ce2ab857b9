// The command line of `npm run chaos`: which buses, which processes are
// killed, how many times each. --quick is the short form `npm test` runs: one
// kill per target and a small stream.
import path from 'node:path';
import { readFlags } from '../../bench/harness/flags.ts';

export const BUSES = ['embedded', 'kafka'] as const;
export type BusKind = (typeof BUSES)[number];

export const ADAPTER_TARGETS = ['interior', 'transport', 'land', 'commerce', 'tax'] as const;
export const TARGETS = ['gateway', ...ADAPTER_TARGETS, 'postgres', 'kafka'] as const;
export type Target = (typeof TARGETS)[number];
export type AppName = 'gateway' | (typeof ADAPTER_TARGETS)[number];

export interface ChaosOptions {
  quick: boolean;
  buses: BusKind[];
  /** Kills of each target, per bus. */
  kills: number;
  /** In the order they are killed within a round; `kafka` is skipped on the embedded bus. */
  targets: Target[];
  /** Records the publisher offers per second (all adapters together). */
  recordsPerSecond: number;
  /** Seconds of streaming between one recovery and the next kill. */
  settleSeconds: number;
  /** How long a killed part and everything depending on it may take to be healthy again. */
  recoverySeconds: number;
  /** How long the read model may take to catch up once the publisher has stopped. */
  quiescenceSeconds: number;
  /** Where results/<time>.json is written (git-ignored). */
  resultsDir: string;
  keepData: boolean;
}

export const USAGE = `npm run chaos -- [options]

  --bus <embedded|kafka|both>  the bus(es) to run on (default both)
  --kills <n>                  kills per target and bus (default 10; quick 1)
  --targets <list>             what is killed, in order, e.g. gateway,interior,postgres
                               (default ${TARGETS.join(',')}; kafka only on the Kafka bus)
  --quick                      one kill per target and a small stream (the form npm test runs)
  --rate <n>                   records offered per second (default 40; quick 30)
  --results <dir>              where the results JSON goes (default .data/chaos)
  --keep-data                  keep the temporary PostgreSQL and Kafka data directories
  --help                       this text`;

export class ChaosUsageError extends Error {
  override name = 'ChaosUsageError';
}

/** Parses `argv` (without node and the script); throws ChaosUsageError naming the bad option. */
export function parseChaosOptions(argv: readonly string[], repositoryRoot: string): ChaosOptions {
  const quick = argv.includes('--quick');
  const options: ChaosOptions = {
    quick,
    buses: [...BUSES],
    kills: quick ? 1 : 10,
    targets: [...TARGETS],
    recordsPerSecond: quick ? 30 : 40,
    settleSeconds: quick ? 2 : 4,
    recoverySeconds: 90,
    quiescenceSeconds: quick ? 60 : 180,
    resultsDir: path.join(repositoryRoot, '.data', 'chaos'),
    keepData: false,
  };
  readFlags(argv, options, ChaosUsageError, (flag, value) => {
    switch (flag) {
      case '--bus': {
        const bus = value();
        if (bus === 'both') options.buses = [...BUSES];
        else if ((BUSES as readonly string[]).includes(bus)) options.buses = [bus as BusKind];
        else throw new ChaosUsageError(`--bus must be embedded, kafka or both, not "${bus}"`);
        return true;
      }
      case '--kills':
        options.kills = whole(value(), flag, 1, 1_000);
        return true;
      case '--targets':
        options.targets = targetList(value());
        return true;
      case '--rate':
        options.recordsPerSecond = whole(value(), flag, 1, 5_000);
        return true;
      default:
        return false;
    }
  });
  return options;
}

/** The targets that apply to a bus: the broker is killed only on the Kafka bus. */
export function targetsFor(options: ChaosOptions, bus: BusKind): Target[] {
  return options.targets.filter((target) => target !== 'kafka' || bus === 'kafka');
}

function targetList(value: string): Target[] {
  const targets = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const unknown = targets.filter((t) => !(TARGETS as readonly string[]).includes(t));
  if (targets.length === 0 || unknown.length > 0)
    throw new ChaosUsageError(
      `--targets takes a comma-separated list of ${TARGETS.join(', ')}` +
        (unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''),
    );
  return [...new Set(targets)] as Target[];
}

function whole(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new ChaosUsageError(`${flag} must be a whole number from ${min} to ${max}`);
  return n;
}
