// The command line of `npm run bench`: which scenarios, how many citizens,
// how long each point runs. --quick shrinks everything so CI can prove the
// harness still works end to end in well under a minute; it asserts no timings.
import path from 'node:path';
import { commaList, readFlags } from './flags.ts';

export interface BenchOptions {
  quick: boolean;
  /** Citizens in the population the lookup and memory scenarios run against. */
  citizens: number;
  /** Seconds each load point is measured, after its warm-up. */
  durationSeconds: number;
  /** Seconds of load before each point is measured (JIT, pools, caches). */
  warmupSeconds: number;
  /** Closed-loop concurrencies of the lookup scenario. */
  concurrencies: number[];
  /** Population sizes of the scale scenario. */
  scales: number[];
  /** Citizens the ingest scenario sends through the adapters (default 200k; quick 1k). */
  ingestCitizens?: number;
  /** Citizens the backfill scenario loads with `spean backfill` (default 200k; quick 1k). */
  backfillCitizens?: number;
  /** Scenario names to run; empty means all. */
  only: string[];
  /** Where the results JSON and latest.md are written. */
  resultsDir: string;
  /** Profile the gateway (node --cpu-prof) during its c=max lookup run; the .cpuprofile goes to resultsDir. */
  profile: boolean;
  /** Keep the temporary PostgreSQL data directory instead of removing it at the end. */
  keepData: boolean;
  /** Worker processes of the gateway under test (GATEWAY_WORKERS), in lookup and rate-limit. */
  gatewayWorkers: number;
  /**
   * Rounds of each subject-versus-control comparison (lookup, ingest): each
   * round measures every subject once, one after the other, and each row
   * reports the median of the rounds and their spread (default 3; quick 1).
   */
  rounds: number;
}

export const USAGE = `npm run bench -- [options]

  --quick              a small run (2,000 citizens, 1-second points) that only proves the harness works
  --citizens <n>       citizens in the lookup population (default 1000000)
  --duration <s>       measured seconds per load point (default 10; quick 0.7)
  --warmup <s>         warm-up seconds before each point (default 3; quick 0.3)
  --concurrency <list> closed-loop concurrencies, e.g. 1,16,64 (default 1,16,64)
  --scales <list>      population sizes of the scale scenario, e.g. 100k,1m,5m (default 100k,1m,5m)
  --ingest-citizens <n> citizens the ingest scenario sends through the adapters (default 200k; quick 1k)
  --rounds <n>         rounds of the lookup and ingest comparisons, each subject and control taking
                       turns; rows report the median and the spread of the rounds (default 3; quick 1)
  --backfill-citizens <n> citizens the backfill scenario loads with spean backfill (default 200k; quick 1k)
  --only <list>        run only these scenarios, e.g. lookup,memory
  --results <dir>      where results go (default bench/results)
  --gateway-workers <n> gateway worker processes (GATEWAY_WORKERS) in the lookup and rate-limit
                       scenarios (default 1; the bench-only audit-off gateway always runs one)
  --profile            CPU-profile the gateway during its highest-concurrency lookup point
                       (and the gateway and every adapter during the Kafka ingest, and each
                       spean backfill run of the backfill scenario)
  --keep-data          keep the temporary PostgreSQL data directory
  --help               this text`;

export class BenchUsageError extends Error {}

/** Parses `argv` (without node and the script); throws BenchUsageError naming the bad option. */
export function parseOptions(argv: readonly string[], repositoryRoot: string): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    quick,
    citizens: quick ? 2_000 : 1_000_000,
    durationSeconds: quick ? 0.7 : 10,
    warmupSeconds: quick ? 0.3 : 3,
    concurrencies: [1, 16, 64],
    scales: quick ? [1_000, 2_000] : [100_000, 1_000_000, 5_000_000],
    only: [],
    resultsDir: path.join(repositoryRoot, 'bench', 'results'),
    profile: false,
    keepData: false,
    gatewayWorkers: 1,
    rounds: quick ? 1 : 3,
  };
  readFlags(argv, options, BenchUsageError, (flag, value) => {
    switch (flag) {
      case '--citizens':
        options.citizens = count(value(), flag);
        return true;
      case '--duration':
        options.durationSeconds = seconds(value(), flag);
        return true;
      case '--warmup':
        options.warmupSeconds = seconds(value(), flag, 0);
        return true;
      case '--concurrency':
        options.concurrencies = list(value(), flag).map((item) => count(item, flag, 1_000));
        return true;
      case '--scales':
        options.scales = list(value(), flag).map((item) => count(item, flag));
        return true;
      case '--ingest-citizens':
        options.ingestCitizens = count(value(), flag);
        return true;
      case '--backfill-citizens':
        options.backfillCitizens = count(value(), flag);
        return true;
      case '--only':
        options.only = list(value(), flag);
        return true;
      case '--profile':
        options.profile = true;
        return true;
      case '--gateway-workers':
        options.gatewayWorkers = count(value(), flag, 64);
        return true;
      case '--rounds':
        options.rounds = count(value(), flag, 20, '3');
        return true;
      default:
        return false;
    }
  });
  return options;
}

const list = (value: string, flag: string): string[] => commaList(value, flag, BenchUsageError);

/** A whole number, with k and m suffixes: 100k, 1m, 5m. */
function count(value: string, flag: string, max = 50_000_000, example = '100k or 1m'): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(value.replaceAll('_', ''));
  const n = match
    ? Number(match[1]) *
      { '': 1, k: 1_000, m: 1_000_000 }[match[2]!.toLowerCase() as '' | 'k' | 'm']
    : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max)
    throw new BenchUsageError(`${flag} must be a whole number from 1 to ${max}, e.g. ${example}`);
  return n;
}

function seconds(value: string, flag: string, min = 0.1): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > 3_600)
    throw new BenchUsageError(`${flag} must be a number of seconds from ${min} to 3600`);
  return n;
}

/** 1000000 → "1M", 100000 → "100k", 2000 → "2k". */
export function shortCount(n: number): string {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 100 === 0) return `${n / 1_000}k`;
  return String(n);
}
