// Scenario "scale": the same full lookup (audit on) at growing populations —
// by default 100 thousand, 1 million and 5 million citizens — at concurrency
// 1 (latency alone) and the highest concurrency (under load). Latency should
// stay flat: every lookup is a few index probes, whatever the size. A size
// that would not fit on the free disk is skipped with a note.
import { shortCount } from '../harness/options.ts';
import { SUBJECTS } from '../harness/report.ts';
import type { BenchContext, Measurement, Scenario } from '../harness/scenario.ts';
import { measured, speanTarget, summary } from './lookup.scenario.ts';

/** Disk left free after a population is seeded, for WAL, the audit log and the system. */
const DISK_RESERVE_BYTES = 5 * 2 ** 30;
/** Headroom over the measured size of a smaller population (the audit log grows too). */
const SIZE_MARGIN = 1.3;

export const scaleScenario: Scenario = {
  name: 'scale',
  description: 'full lookup latency (audit on) at growing populations; it should stay flat',
  async run(context) {
    const sizes = [...new Set(context.options.scales)].sort((a, b) => a - b);
    const concurrencies = [...new Set([1, Math.max(...context.options.concurrencies)])];
    const rows: Measurement[] = [];
    let bytesPerCitizen: number | undefined;
    for (const citizens of sizes) {
      const row = (concurrency: number, fields: Partial<Measurement>): Measurement => ({
        scenario: 'scale',
        subject: SUBJECTS.auditOn,
        setting: `${shortCount(citizens)} citizens, c=${concurrency}`,
        concurrency,
        citizens,
        ...fields,
      });
      const needed = bytesPerCitizen === undefined ? 0 : citizens * bytesPerCitizen * SIZE_MARGIN;
      const free = context.freeDiskBytes() - DISK_RESERVE_BYTES;
      if (needed > free) {
        const note = `skipped: needs about ${gb(needed)} GB of disk, ${gb(Math.max(free, 0))} GB free`;
        context.log(`scale: ${shortCount(citizens)} ${note}`);
        rows.push(...concurrencies.map((c) => row(c, { note })));
        continue;
      }
      const population = await context.population(citizens);
      bytesPerCitizen = Math.max(bytesPerCitizen ?? 0, population.bytes / citizens);
      rows.push(...(await measureAt(context, concurrencies, population, row)));
    }
    return rows;
  },
};

async function measureAt(
  context: BenchContext,
  concurrencies: number[],
  population: Awaited<ReturnType<BenchContext['population']>>,
  row: (concurrency: number, fields: Partial<Measurement>) => Measurement,
): Promise<Measurement[]> {
  const server = await context.start('gateway', population);
  try {
    const rows: Measurement[] = [];
    for (const concurrency of concurrencies) {
      const target = await speanTarget(population, server, context);
      context.log(`scale: ${shortCount(population.citizens)} citizens at c=${concurrency} …`);
      const result = await context.load(target, { concurrency, population, server });
      context.log(`  ${summary(result, 'lookups/s')}`);
      rows.push(row(concurrency, measured(result, 'lookups/s')));
    }
    return rows;
  } finally {
    await server.stop();
  }
}

function gb(bytes: number): string {
  return (bytes / 2 ** 30).toFixed(1);
}
